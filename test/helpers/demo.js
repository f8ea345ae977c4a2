'use strict';
// `npm start` as a user runs it, for the tests: scripts/demo.js on free ports in a temporary user dir.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Resolves with the output so far once it matches `pattern`.
 * @param {import('node:child_process').ChildProcess} child
 * @param {RegExp} pattern
 * @param {number} ms
 * @returns {Promise<string>}
 */
function waitForOutput(child, pattern, ms) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no "${pattern}" within ${ms} ms:\n${text}`)), ms);
    const onData = (/** @type {Buffer | string} */ d) => {
      text += d;
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

/**
 * Starts the demo and resolves once Node-RED has started its flows; `stop()` ends it and
 * removes the user dir unless the caller gave its own (`userDir`, to restart on it).
 */
/**
 * @param {Record<string, string>} [env]
 * @param {{ userDir?: string, args?: string[] }} [options]
 */
async function startDemo(env = {}, { userDir: given, args = [] } = {}) {
  const redPort = await freePort();
  const simPort = await freePort();
  const userDir = given || fs.mkdtempSync(path.join(os.tmpdir(), 'fs-demo-'));
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'demo.js'), ...args], {
    env: { ...process.env, DEMO_PORT: String(redPort), SIM_PORT: String(simPort), DEMO_USER_DIR: userDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = await waitForOutput(child, /Started flows/, 45000);
  return {
    child,
    redPort,
    simPort,
    userDir,
    output,
    url: `http://127.0.0.1:${redPort}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      if (!given) fs.rmSync(userDir, { recursive: true, force: true });
    },
  };
}

module.exports = { startDemo };
