'use strict';
// require() time of the package as Node-RED loads it (every file of package.json
// "node-red".nodes) against that of its runtime dependencies (undici + zod), both measured in
// this one run: a fresh process per sample (nothing cached), the two alternating so load on the
// machine hits both alike, median of `runs` each.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, stats } = require('./common');

const pkg = require(path.join(ROOT, 'package.json'));
const files = Object.values(pkg['node-red'].nodes).map((f) => path.join(ROOT, f));
const deps = Object.keys(pkg.dependencies).map((d) => require.resolve(d, { paths: [ROOT] }));

/** ms to require `modules` in a new node process, and whether any of `deps` got loaded. */
function once(modules) {
  const script =
    `const t=process.hrtime.bigint();for(const f of ${JSON.stringify(modules)})require(f);const ` +
    `ms=Number(process.hrtime.bigint()-t)/1e6;` +
    `const deps=Object.keys(require.cache).filter((k)=>/[\\\\/]node_modules[\\\\/]` +
    `(${Object.keys(pkg.dependencies).join('|')})[\\\\/]/.test(k)).length;` +
    'process.stdout.write(JSON.stringify({ms,deps}))';
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

function run({ runs = 15 } = {}) {
  const own = [];
  const lib = [];
  let loaded = 0;
  once(files); // warms the file system cache for both
  once(deps);
  for (let i = 0; i < runs; i++) {
    const a = once(files);
    own.push(a.ms);
    loaded = Math.max(loaded, a.deps);
    lib.push(once(deps).ms);
  }
  const result = {
    files: files.length,
    deps: Object.keys(pkg.dependencies),
    pkg: stats(own),
    dependencies: stats(lib),
    depModulesLoaded: loaded,
  };
  result.ratio = result.pkg.median / result.dependencies.median;
  return result;
}

module.exports = { run };

if (require.main === module) {
  const r = run();
  console.log(
    `require() of ${r.files} node files: ${r.pkg.median.toFixed(2)} ms; ` +
      `of ${r.deps.join(' + ')}: ${r.dependencies.median.toFixed(2)} ms; ` +
      `ratio ${r.ratio.toFixed(2)}x (target <= 0.3x); dependency modules loaded by the node ` +
      `files: ${r.depModulesLoaded}`,
  );
}
