'use strict';
// Shared by the benchmarks: a simulator in its own process (so its work is not billed to
// the code under test), a logged-in bare undici session, and order statistics.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { request } = require('undici');

const ROOT = path.join(__dirname, '..', '..');
const USER = { username: 'bench', password: 'bench-Passw0rd!' };
const PREFIX = '/rest/openapi/pvms/v1/';

/** Starts `fusionsolar-simulator` with quotas off on a free loopback port. */
function startSimulatorProcess(plants) {
  const cli = path.join(ROOT, 'dist', 'src', 'simulator', 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '--port',
      '0',
      '--plants',
      String(plants),
      '--no-quotas',
      '--user',
      USER.username,
      '--password',
      USER.password,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

/**
 * The simulator in this process, quotas off: its work shares the thread with the client, so
 * what the client costs is not hidden behind a server slower than the client (issue 13).
 */
async function startSimulatorInProcess(plants) {
  const { startSimulator } = require(path.join(ROOT, 'dist', 'src', 'simulator', 'server'));
  const sim = await startSimulator({ port: 0, plants, quotas: false, users: [{ ...USER, scope: 'all' }] });
  return { url: sim.url, stop: () => sim.close() };
}

/** Logs in with undici alone and returns the headers an authenticated call needs. */
async function bareLogin(url) {
  const res = await request(`${url}${PREFIX}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: USER.username, password: USER.password }),
  });
  await res.body.text();
  const token = res.headers['xsrf-token'];
  const cookies = /** @type {string[]} */ ([])
    .concat(res.headers['set-cookie'] || [])
    .map((c) => c.split(';')[0])
    .join('; ');
  return { 'content-type': 'application/json', 'XSRF-TOKEN': token, cookie: cookies };
}

/** The bare request: what any client must at least do for one call. */
async function bareCall(url, endpoint, headers, body) {
  const res = await request(`${url}${PREFIX}${endpoint}`, { method: 'POST', headers, body });
  const json = /** @type {{ data: unknown }} */ (await res.body.json());
  return json.data;
}

function quantile(sorted, q) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Median and p99 of samples in ms. */
function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99) };
}

const ms = (v) => `${v.toFixed(v < 1 ? 3 : 2)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

function heapAfterGc() {
  const gc = global.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

module.exports = {
  ROOT,
  USER,
  PREFIX,
  startSimulatorProcess,
  startSimulatorInProcess,
  bareLogin,
  bareCall,
  stats,
  ms,
  ratio,
  now,
  heapAfterGc,
};
