'use strict';
// The npm registry through the npm client (so a user's registry settings apply), and a
// probe of the flow library's catalogue, which node-red-dev needs for N01 and P08.
const { execFile } = require('node:child_process');

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm view <spec> <field> --json`, parsed; null when the registry does not answer. */
function view(spec, field, timeoutMs = 30000) {
  return new Promise((resolve) => {
    execFile(
      NPM,
      ['view', spec, field, '--json'],
      { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout) => {
        if (err || !stdout.trim()) return resolve(null);
        try {
          resolve(JSON.parse(stdout));
        } catch {
          resolve(null);
        }
      },
    );
  });
}

/** Whether catalogue.nodered.org serves its catalogue, within a short timeout. */
async function catalogueAnswers(timeoutMs = 4000) {
  try {
    const res = await fetch('https://catalogue.nodered.org/catalogue.json', {
      method: 'HEAD',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return res.ok;
  } catch {
    return false;
  }
}

module.exports = { view, catalogueAnswers };
