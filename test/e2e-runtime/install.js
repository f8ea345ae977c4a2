'use strict';
// What a user gets: `npm pack` of the built checkout, installed from the tarball into a
// fresh Node-RED user directory (production dependencies only, from the registry).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, root } = require('./runtimes');

let packed;

/** The tarball of this checkout (packed once per test process). */
function pack() {
  if (!packed) {
    packed = (async () => {
      if (!fs.existsSync(path.join(root, 'dist', 'nodes')))
        throw new Error('dist/ is missing: run npm run build first');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-pack-'));
      const out = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root }));
      return path.join(dir, out[0].filename);
    })();
  }
  return packed;
}

/** A new user directory with the packed package installed. */
async function freshUserDir() {
  const tarball = await pack();
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-e2e-user-'));
  fs.writeFileSync(
    path.join(userDir, 'package.json'),
    JSON.stringify({ name: 'node-red-project', private: true }, null, 2),
  );
  await run('npm', ['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: userDir });
  return userDir;
}

module.exports = { pack, freshUserDir };
