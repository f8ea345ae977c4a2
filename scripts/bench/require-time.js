'use strict';
// require() time of the package as Node-RED loads it: every file of package.json
// "node-red".nodes, in a fresh process each run (nothing cached), median of `runs`.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, stats } = require('./common');

const files = Object.values(require(path.join(ROOT, 'package.json'))['node-red'].nodes).map((f) => path.join(ROOT, f));

function once(modules) {
  const script = `const t=process.hrtime.bigint();for(const f of ${JSON.stringify(modules)})require(f);process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  return Number(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

function run({ runs = 9 } = {}) {
  const pkg = [];
  const deps = [];
  for (let i = 0; i < runs; i++) {
    pkg.push(once(files));
    deps.push(once([require.resolve('undici', { paths: [ROOT] }), require.resolve('zod', { paths: [ROOT] })]));
  }
  return { files: files.length, pkg: stats(pkg), deps: stats(deps) };
}

module.exports = { run };
