'use strict';
// The Node-RED runtimes the end-to-end suites start: Node-RED 4.1 on the Node.js running the
// tests (the devDependency), and Node-RED 5 on Node.js 24, both installed from npm into a
// cache folder outside git (the npm `node` package ships the Node.js binary).
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const CACHE = process.env.FUSIONSOLAR_E2E_CACHE || path.join(root, 'node_modules', '.cache', 'fusionsolar-e2e');

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 32 * 1024 * 1024, ...opts }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function versionOf(dir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs node@<nodeMajor> and node-red@<redMajor> into the cache once; reused afterwards. */
async function cachedRuntime(name, nodeMajor, redMajor) {
  const dir = path.join(CACHE, name);
  const nodeBin = path.join(dir, 'node_modules', 'node', 'bin', 'node');
  const redDir = path.join(dir, 'node_modules', 'node-red');
  const ready = async () => {
    if (!fs.existsSync(nodeBin) || !String(versionOf(redDir)).startsWith(`${redMajor}.`)) return false;
    const v = await run(nodeBin, ['--version']).catch(() => '');
    return v.startsWith(`v${nodeMajor}.`);
  };
  if (!(await ready())) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // The node package's preinstall fetches its platform binary from npm: allow that script.
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ private: true, allowScripts: { node: true } }, null, 2),
    );
    await run(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--no-package-lock',
        `node@${nodeMajor}`,
        `node-red@${redMajor}`,
      ],
      { cwd: dir },
    );
    if (!(await ready()))
      throw new Error(`${name}: node@${nodeMajor} / node-red@${redMajor} did not install into ${dir}`);
  }
  return { name, node: nodeBin, redJs: path.join(redDir, 'red.js'), nodeMajor, redMajor };
}

const RUNTIMES = {
  /** Node-RED 4.1 (devDependency) under the Node.js of the test run (20 in CI). */
  nr4: async () => ({
    name: 'nr4',
    node: process.execPath,
    redJs: require.resolve('node-red/red.js', { paths: [root] }),
    nodeMajor: Number(process.versions.node.split('.')[0]),
    redMajor: 4,
  }),
  nr5: () => cachedRuntime('nr5', 24, 5),
};

/**
 * A Node.js and Node-RED pair to run a runtime test on.
 * @typedef {{ name: string, node: string, redJs: string, nodeMajor: number, redMajor: number }} Runtime
 */

/**
 * @param {string} name
 * @returns {Promise<Runtime>}
 */
function runtime(name) {
  const make = RUNTIMES[name];
  if (!make) throw new Error(`unknown runtime ${name}: one of ${Object.keys(RUNTIMES).join(', ')}`);
  return make();
}

module.exports = { runtime, run, CACHE, root };
