'use strict';
// node-red-dev itself, when the catalogue it reads answers: its scorecard is merged with
// ours, so a check it fails fails here too (D03 aside, for the verified exceptions).
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pass, fail } = require('./checks');

const TITLES = { N01: 'node type names unique in the catalogue', P08: 'no similarly named package in the catalogue' };

/** { card, output } from `node-red-dev validate -p <root> -o <file>`, or { error, output }. */
function runNodeRedDev(root, timeoutMs = 180000) {
  const bin = require.resolve('node-red-dev/bin/run', { paths: [root] });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nrd-')), 'scorecard.json');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'validate', '-p', root, '-o', out],
      { cwd: root, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        try {
          resolve({ card: JSON.parse(fs.readFileSync(out, 'utf8')), output });
        } catch {
          resolve({ error: err ? err.message : 'node-red-dev wrote no scorecard', output });
        } finally {
          fs.rmSync(path.dirname(out), { recursive: true, force: true });
        }
      },
    );
  });
}

/** Applies node-red-dev's verdicts to our rows (keyed by code). */
function mergeCard(rows, card, excused) {
  for (const [code, r] of Object.entries(card)) {
    if (!/^[PND]\d\d$/.test(code) || !r || typeof r !== 'object') continue;
    const title = (rows[code] && rows[code].title) || TITLES[code] || code;
    if (r.test) {
      if (!rows[code] || rows[code].status === 'n/a') rows[code] = pass(code, title, 'node-red-dev');
      continue;
    }
    if (code === 'D03' && (r.packages || []).every((p) => excused.includes(p))) continue;
    rows[code] = fail(code, title, `node-red-dev: ${JSON.stringify(r)}`);
  }
  return rows;
}

module.exports = { runNodeRedDev, mergeCard, TITLES };
