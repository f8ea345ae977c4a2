'use strict';
// Task ids beyond 2^53 cannot be held by a JavaScript number. The simulator's ids stay below
// that (as the reference's do), so a small server answering raw JSON text checks both ways.
const assert = require('node:assert/strict');
const http = require('node:http');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { ivNode } = require('../helpers/iv');
const { must } = require('../helpers/must');

const BIG = '9223372036854775807';
const SUB = '-9007199254740993';

function fakeServer() {
  const bodies = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const endpoint = must(req.url, 'req.url').replace('/rest/openapi/pvms/v1/', '');
      bodies.push({ endpoint, raw });
      const headers = { 'content-type': 'application/json' };
      let text = '{"success":true,"failCode":0,"data":null}';
      if (endpoint === 'login') headers['xsrf-token'] = 'x-token';
      if (endpoint === 'iv/tasks')
        text =
          '{"success":true,"failCode":0,"data":{"total":1,"pageCount":1,"pageNo":1,"pageSize":100,' +
          `"list":[{"taskId":${BIG},"taskName":"big","process":12.5,"taskStatus":0}]}}`;
      if (endpoint === 'iv/scanTask/status')
        text =
          '{"success":true,"failCode":0,"data":{"total":1,"pageCount":1,"process":0,' +
          `"list":[{"sequenceNo":1,"subTaskId":${SUB},"inverterDN":"NE=1","pvName":"PV1","status":null}]}}`;
      res.writeHead(200, headers);
      res.end(text);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        bodies,
        url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
      }),
    ),
  );
}

describe('fusionsolar-iv node: task ids beyond 2^53', function () {
  let fake;
  afterEach(async function () {
    await helper.unload();
    await new Promise((r) => fake.server.close(r));
  });

  it('reads them as exact digit strings and sends them back as exact number literals', async function () {
    fake = await fakeServer();
    await load(
      flowWith({ url: fake.url }, ivNode('listTasks'), { accountExtra: { quotaProfile: 'off' } }),
      credentials(),
    );
    const h = harness();
    const list = await h.send({});
    assert.equal(list.error, undefined, list.error && list.error.message);
    assert.equal(list.out[0].payload[0].taskId, BIG);
    assert.equal(list.out[0].payload[0].process, 12.5);

    const status = await h.send({ operation: 'taskStatus', payload: { taskId: list.out[0].payload[0].taskId } });
    assert.equal(status.error, undefined, status.error && status.error.message);
    assert.equal(status.out[0].payload.list[0].subTaskId, SUB);
    const sent = fake.bodies.find((b) => b.endpoint === 'iv/scanTask/status').raw;
    assert.match(sent, new RegExp(`"taskId":${BIG}[,}]`), sent);

    await h.send({ operation: 'cancelTask', payload: { taskId: '-9223372036854775808' } });
    assert.equal(fake.bodies.find((b) => b.endpoint === 'iv/revokeTask').raw, '{"taskId":-9223372036854775808}');
    const outOfRange = await h.send({ operation: 'cancelTask', payload: { taskId: '9223372036854775808' } });
    assert.match(must(outOfRange.error, 'outOfRange.error').message, /taskId: is outside the range of a long integer/);
  });
});
