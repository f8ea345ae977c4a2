'use strict';
// A Node-RED process on loopback, its admin API and its debug sidebar (/comms).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { root } = require('./runtimes');

const WebSocket = require(
  require.resolve('ws', { paths: [path.dirname(require.resolve('node-red', { paths: [root] }))] }),
);

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

/** A /comms websocket; `onMessage` gets each {topic, data} the runtime publishes. */
async function comms(port, onMessage) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/comms`);
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  ws.on('message', (data) => {
    for (const m of [].concat(JSON.parse(String(data)))) onMessage(m);
  });
  return ws;
}

/**
 * Starts Node-RED from `rt` (see runtimes.js) on `userDir`; resolves once flows have started.
 * `flows: null` keeps the flows (and credentials) the last run saved; `preamble` is code
 * run first in settings.js (e.g. a test clock).
 * @param {import('./runtimes').Runtime} rt
 * @param {string} userDir
 * @param {{ flows?: object[] | null, timeoutMs?: number, preamble?: string }} [opts]
 */
async function startNodeRed(rt, userDir, { flows = [], timeoutMs = 60000, preamble = '' } = {}) {
  const port = await freePort();
  if (flows !== null) fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows));
  fs.writeFileSync(
    path.join(userDir, 'settings.js'),
    `${preamble}module.exports = { uiHost: '127.0.0.1', credentialSecret: false, flowFile: ` +
      `'flows.json', logging: { console: { level: 'info' } }, editorTheme: { tours: false, projects: ` +
      `{ enabled: false }, palette: { catalogues: [] } }, telemetry: { enabled: false }, ` +
      `diagnostics: { enabled: true } };\n`,
  );
  const child = spawn(rt.node, [rt.redJs, '-u', userDir, '-p', String(port), '-s', path.join(userDir, 'settings.js')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Files the examples write (iv-curves.svg) land in the user directory, not the checkout.
    cwd: userDir,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let output = '';
  const started = new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Node-RED (${rt.name}) did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (d) => {
      output += d;
      if (/Started flows|Flows file .* not found|Starting flows/.test(output) && /Server now running/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Node-RED (${rt.name}) exited with ${code}:\n${output}`));
    });
  });
  await started;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
    async get(p) {
      const res = await fetch(url + p, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`GET ${p}: HTTP ${res.status}`);
      return res.json();
    },
    async post(p, body, headers = {}) {
      const res = await fetch(url + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`POST ${p}: HTTP ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.text();
    },
    /**
     * Full deploy that resolves once the new flows have started: POST /flows answers before
     * the runtime starts them, so an inject posted right after it can meet a 404.
     */
    async deploy(flows, timeoutMs = 10000) {
      let rev;
      let started = false;
      let wake = () => {};
      const ws = await comms(port, (m) => {
        if (m.topic !== 'notification/runtime-deploy') return;
        if (m.data && m.data.revision === rev) started = true;
        wake();
      });
      try {
        const res = await this.post(
          '/flows',
          { flows },
          { 'Node-RED-Deployment-Type': 'full', 'Node-RED-API-Version': 'v2' },
        );
        // POST /flows answers 200 with the new revision.
        rev = JSON.parse(String(res)).rev;
        await new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`flows of revision ${rev} did not start within ${timeoutMs} ms`)),
            timeoutMs,
          );
          wake = () => {
            if (!started) return;
            clearTimeout(timer);
            resolve();
          };
          wake();
        });
      } finally {
        ws.close();
      }
    },
    /** Subscribes to the debug sidebar; every message (debug output and node log lines) lands in `messages`. */
    async debug() {
      const messages = [];
      const listeners = new Set();
      const ws = await comms(port, (m) => {
        if (m.topic !== 'debug') return;
        messages.push(m.data);
        for (const l of listeners) l();
      });
      ws.send(JSON.stringify({ subscribe: 'debug' }));
      return {
        messages,
        /** Resolves when `pred(messages)` holds; rejects with `describe()` after `ms`. */
        until(pred, ms, describe) {
          return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
            const check = () => {
              if (!pred(messages)) return;
              clearTimeout(timer);
              listeners.delete(check);
              resolve();
            };
            const timer = setTimeout(() => {
              listeners.delete(check);
              reject(new Error(describe()));
            }, ms);
            listeners.add(check);
            check();
          });
        },
        close: () => ws.close(),
      };
    },
  };
}

module.exports = { startNodeRed, freePort, comms };
