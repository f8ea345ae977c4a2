'use strict';
// Debian's redis-server on 127.0.0.1 and a free port, no persistence (a restart comes back
// empty, as after a crash of a cache-only Redis). scripts/ensure-redis.sh installs it.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REDIS = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';

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
 * A self-signed certificate for 127.0.0.1, made with openssl.
 * @param {string} dir
 */
function certificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key, cert, pem: fs.readFileSync(cert, 'utf8') };
}

/**
 * Starts redis-server. `acl` adds a user (`{user, password}`) and turns the default user
 * off; `tls` serves TLS only. Returns {url, port, stop(), restart()}.
 */
/** @param {{ acl?: { user: string, password: string }, tls?: boolean }} [options] */
async function startRedis({ acl, tls } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-redis-'));
  const port = await freePort();
  const cert = tls ? certificate(dir) : undefined;
  const args = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  if (cert)
    args.push(
      '--port',
      '0',
      '--tls-port',
      String(port),
      '--tls-cert-file',
      cert.cert,
      '--tls-key-file',
      cert.key,
      '--tls-auth-clients',
      'no',
    );
  else args.push('--port', String(port));
  if (acl) args.push('--user', 'default', 'off', '--user', acl.user, 'on', `>${acl.password}`, '~*', '&*', '+@all');
  /** @typedef {import('node:stream').Readable} Readable */
  /** @type {import('node:child_process').ChildProcessByStdio<null, Readable, Readable> | undefined} */
  let child;
  const running = () => child && child.exitCode === null && !child.signalCode;
  const start = async () => {
    if (running()) return;
    const proc = spawn(REDIS, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let out = '';
    await new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10000);
      const onData = (/** @type {Buffer} */ d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout.on('data', onData);
      proc.stderr.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}:\n${out}`));
      });
    });
  };
  const stop = async () => {
    const proc = child;
    if (!proc || !running()) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  };
  await start();
  const scheme = tls ? 'rediss' : 'redis';
  const user = acl ? `${encodeURIComponent(acl.user)}@` : '';
  return {
    port,
    url: `${scheme}://${user}127.0.0.1:${port}`,
    ca: cert && cert.pem,
    stop,
    /** Killed and started again on the same port: it comes back empty. */
    async restart() {
      await stop();
      await start();
    },
    start,
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startRedis, freePort };
