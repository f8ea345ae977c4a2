'use strict';
// What the scorecard reads from the checkout: example flows, the installed production tree,
// and node-red-dev's own data files (its list of incompatible packages and official nodes).
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

function readJson(file, fallback) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** node-red-dev's own lists, so our P04 and D02 use exactly its data. */
function nodeRedDevData(root, name) {
  try {
    return readJson(require.resolve(`node-red-dev/src/${name}`, { paths: [root] }), undefined);
  } catch {
    return undefined;
  }
}

function examples(root) {
  const dir = path.join(root, 'examples');
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) files.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return files.map((f) => ({ file: path.relative(root, f), flow: readJson(f, null) }));
}

function npmLsTree(root) {
  return new Promise((resolve) => {
    // npm ls exits 1 when the tree has problems but still prints it.
    execFile(
      'npm',
      ['ls', '--omit=dev', '--all', '--json'],
      { cwd: root, maxBuffer: 32 * 1024 * 1024 },
      (_err, stdout) => {
        try {
          resolve(JSON.parse(stdout));
        } catch {
          resolve(null);
        }
      },
    );
  });
}

module.exports = { readJson, nodeRedDevData, examples, npmLsTree };
