'use strict';
const assert = require('node:assert/strict');
const http = require('node:http');
const { Transport } = require('../../dist/src/client');

describe('transport', function () {
  let server;
  let url;
  before(async function () {
    // /fixed answers with a content-length, /chunked streams without one.
    server = http.createServer((req, res) => {
      const body = 'x'.repeat(2048);
      if (req.url?.endsWith('/fixed')) return res.writeHead(200, { 'content-length': body.length }).end(body);
      res.writeHead(200);
      res.write(body.slice(0, 1024));
      setImmediate(() => res.end(body.slice(1024)));
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  });
  after(function () {
    server.close();
  });

  for (const path of ['/fixed', '/chunked']) {
    it(
      `refuses a ${path.slice(1)} body over the size limit with TOO_LARGE, and reads one within ` + `it`,
      async function () {
        const small = new Transport({ baseUrl: url, timeoutMs: 5000, tlsVerify: true, maxResponseBytes: 1500 });
        const big = new Transport({ baseUrl: url, timeoutMs: 5000, tlsVerify: true, maxResponseBytes: 4096 });
        await assert.rejects(
          small.send({ method: 'GET', path, headers: {} }),
          (/** @type {CaughtError} */ err) => err.code === 'TOO_LARGE' && err.httpStatus === 200,
        );
        const res = await big.send({ method: 'GET', path, headers: {} });
        assert.equal(res.text.length, 2048);
        await small.close();
        await big.close();
      },
    );
  }
});
