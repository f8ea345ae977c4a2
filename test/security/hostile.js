'use strict';
// A FusionSolar server gone bad, of the suite's own, on 127.0.0.1: it logs in like the real
// one unless told otherwise and answers every other path with what the test asks for, and
// counts what arrives. Nothing of src/ is used, so it cannot share the client's mistakes.
const http = require('node:http');
const { must } = require('../helpers/must');

const PREFIX = '/rest/openapi/pvms/v1/';

class HostileServer {
  constructor() {
    this.arrivals = {};
    this.bodies = [];
    this.login = 'ok';
    /** What every path but login and logout gets; a test replaces it. */
    /** @type {(req: http.IncomingMessage, res: http.ServerResponse, endpoint: string) => void} */
    this.answer = (req, res) => json(res, { success: true, failCode: 0, data: [] });
    this.sockets = new Set();
    this.timers = new Set();
  }

  /** Arrivals at `endpoint` (the part after /rest/openapi/pvms/v1/, or the raw path). */
  count(endpoint) {
    return this.arrivals[endpoint] || 0;
  }

  async start() {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const path = (req.url || '/').split('?')[0];
        const endpoint = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
        this.arrivals[endpoint] = (this.arrivals[endpoint] || 0) + 1;
        this.bodies.push({ endpoint, body: raw, headers: req.headers });
        if (endpoint === 'login') return this.loginAnswer(req, res);
        if (endpoint === 'logout') return json(res, { success: true, failCode: 0, data: null });
        return this.answer(req, res, endpoint);
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise((r) => must(this.server, 'this.server').listen(0, '127.0.0.1', () => r(undefined)));
    this.port = /** @type {import('node:net').AddressInfo} */ (this.server.address()).port;
    this.url = `http://127.0.0.1:${this.port}`;
    return this;
  }

  loginAnswer(req, res) {
    const kind = this.login;
    if (kind === 'ok') {
      res.writeHead(200, {
        'content-type': 'application/json',
        'xsrf-token': 'hostile-token',
        'set-cookie': 'XSRF-TOKEN=hostile-token; Path=/',
      });
      return res.end(JSON.stringify({ success: true, failCode: 0, data: null }));
    }
    if (kind === 'html200') return text(res, 200, '<html><body>Maintenance</body></html>', 'text/html');
    if (kind === 'status401') return text(res, 401, '{"error":"unauthorized"}', 'application/json');
    if (kind === 'successFalse') return json(res, { success: false, failCode: 0, message: 'login failed' });
    if (kind === 'failCode20010') return json(res, { success: false, failCode: 20010, message: 'USER_LOCKED?' });
    if (kind === 'noToken') return json(res, { success: true, failCode: 0, data: null });
    if (kind === 'empty200') return text(res, 200, '', 'application/json');
    if (kind === 'status500') return text(res, 500, '<html><body>Internal error</body></html>', 'text/html');
    if (kind === 'reset') return req.socket.destroy();
    throw new Error(`unknown login kind ${kind}`);
  }

  /** Headers at once, then one byte every `ms` for ever (or until the client gives up). */
  trickle(res, ms, chunked = false) {
    res.writeHead(
      200,
      chunked
        ? { 'content-type': 'application/json' }
        : { 'content-type': 'application/json', 'content-length': '1000000' },
    );
    res.write('{"success":true,"failCode":0,"data":"');
    const t = setInterval(() => {
      if (res.destroyed || res.writableEnded) return this.stop(t);
      res.write(chunked ? 'xxxxxxxx' : 'x');
    }, ms);
    this.timers.add(t);
    res.on('close', () => this.stop(t));
  }

  stop(t) {
    clearInterval(t);
    this.timers.delete(t);
  }

  async close() {
    for (const t of this.timers) clearInterval(t);
    for (const s of this.sockets) s.destroy();
    await new Promise((r) => must(this.server, 'this.server').close(r));
  }
}

function json(res, body) {
  text(res, 200, JSON.stringify(body), 'application/json');
}

function text(res, status, body, type) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** `{"success":true,...,"data":` nested `depth` levels deep: about 2 bytes a level. */
function deepBody(depth) {
  return `{"success":true,"failCode":0,"data":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A 16-digit number, then an unterminated string of `\"` pairs: the old pre-parse's worst case. */
function quadraticBody(bytes) {
  const head = '{"success":true,"failCode":0,"data":{"taskId":1234567890123456,"s":"';
  return head + '\\"'.repeat(Math.max(0, Math.floor((bytes - head.length) / 2)));
}

module.exports = { HostileServer, json, text, deepBody, quadraticBody };
