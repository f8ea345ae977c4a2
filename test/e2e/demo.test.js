'use strict';
// `npm start` as a user runs it: the same script, a real Node-RED, the simulator, the demo flow.
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const WebSocket = require(require.resolve('ws', { paths: [path.dirname(require.resolve('node-red'))] }));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function waitForOutput(child, pattern, ms) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no "${pattern}" within ${ms} ms:\n${text}`)), ms);
    const onData = (d) => {
      text += d;
      if (pattern.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

describe('npm start (demo: Node-RED + simulator + demo flow)', function () {
  this.timeout(60000);
  let child;
  let redPort;
  let userDir;

  before(async function () {
    redPort = await freePort();
    const simPort = await freePort();
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-demo-'));
    child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'demo.js')], {
      env: { ...process.env, DEMO_PORT: String(redPort), SIM_PORT: String(simPort), DEMO_USER_DIR: userDir, DEMO_ONCE_DELAY: '4' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(child, /Started flows/, 45000);
  });

  after(async function () {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('lists fusionsolar-account and fusionsolar-plants in /nodes without load errors', async function () {
    const res = await fetch(`http://127.0.0.1:${redPort}/nodes`, { headers: { accept: 'application/json' } });
    const sets = await res.json();
    const ours = sets.filter((s) => s.module === 'node-red-contrib-fusionsolar');
    const types = ours.flatMap((s) => s.types);
    assert.ok(types.includes('fusionsolar-account'));
    assert.ok(types.includes('fusionsolar-plants'));
    for (const s of ours) assert.equal(s.err, undefined, `${s.id}: ${s.err}`);
  });

  it('delivers the demo flow\'s plants and devices to the debug sidebar', async function () {
    const ws = new WebSocket(`ws://127.0.0.1:${redPort}/comms`);
    const debug = [];
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.on('message', (data) => {
      for (const m of [].concat(JSON.parse(String(data)))) if (m.topic === 'debug') debug.push(m.data);
    });
    ws.send(JSON.stringify({ subscribe: 'debug' }));
    // The flow's own "at start" inject fires 4 s after the start: no manual trigger needed.
    const deadline = Date.now() + 25000;
    while (Date.now() < deadline && !debug.some((d) => d.name === 'devices')) await new Promise((r) => setTimeout(r, 100));
    ws.close();
    const plants = debug.find((d) => d.name === 'plants');
    const devices = debug.find((d) => d.name === 'devices');
    assert.ok(plants, 'plants reached the debug sidebar');
    assert.ok(devices, `devices reached the debug sidebar (got ${JSON.stringify(debug).slice(0, 300)})`);
    assert.equal(plants.format, 'array[5]');
    assert.match(devices.format, /^array\[\d+\]$/);
    assert.ok(!debug.some((d) => d.name === 'errors'), 'no error reached the Catch node');
  });
});
