'use strict';
// Debian's mosquitto and influxd, started for one suite on 127.0.0.1 with free ports and
// throwaway directories, stopped after (scripts/ensure-sinks.sh installs them).
const { spawn } = require('node:child_process');
const { eventually } = require('../helpers/wait');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

function binary(names) {
  for (const n of names) if (fs.existsSync(n)) return n;
  throw new Error(`none of ${names.join(', ')} is installed: run scripts/ensure-sinks.sh`);
}

const until = (check, what, ms = 20000) => eventually(check, `${what} to come up`, ms);

function canConnect(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    c.on('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.on('error', () => resolve(false));
  });
}

function start(bin, args, dir) {
  const log = fs.openSync(path.join(dir, 'log.txt'), 'a');
  const child = spawn(bin, args, { stdio: ['ignore', log, log] });
  return {
    child,
    log: () => fs.readFileSync(path.join(dir, 'log.txt'), 'utf8'),
    stop: () =>
      new Promise((/** @type {(value?: void) => void} */ resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).then(() => fs.rmSync(dir, { recursive: true, force: true })),
  };
}

async function startMosquitto() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-mosquitto-'));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'mosquitto.conf'),
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`,
  );
  const s = start(binary(['/usr/sbin/mosquitto', '/usr/bin/mosquitto']), ['-c', path.join(dir, 'mosquitto.conf')], dir);
  await until(() => canConnect(port), `mosquitto on ${port}`);
  return { ...s, port };
}

async function startInflux() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-influx-'));
  const port = await freePort();
  const rpc = await freePort();
  const conf = [
    'reporting-disabled = true',
    `bind-address = "127.0.0.1:${rpc}"`,
    '[meta]',
    `  dir = "${dir}/meta"`,
    '[data]',
    `  dir = "${dir}/data"`,
    `  wal-dir = "${dir}/wal"`,
    '  query-log-enabled = false',
    '[monitor]',
    '  store-enabled = false',
    '[http]',
    `  bind-address = "127.0.0.1:${port}"`,
    '  log-enabled = false',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'influxdb.conf'), `${conf}\n`);
  const s = start(binary(['/usr/bin/influxd', '/usr/sbin/influxd']), ['-config', path.join(dir, 'influxdb.conf')], dir);
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/ping`)).status === 204, `influxd on ${port}`);
  const query = async (q, db) => {
    const res = await fetch(`${url}/query?${new URLSearchParams({ q, ...(db ? { db } : {}), epoch: 'ms' })}`, {
      method: 'POST',
    });
    const body = await res.json();
    if (body.error || (body.results && body.results[0].error)) throw new Error(body.error || body.results[0].error);
    return body.results[0];
  };
  return { ...s, port, url, query };
}

module.exports = { startMosquitto, startInflux, freePort };
