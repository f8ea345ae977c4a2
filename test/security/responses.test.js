'use strict';
// Issue 12, points 5-7: a hostile server of the suite's own on 127.0.0.1 answers too deep,
// with the old pre-parse's quadratic case, a byte at a time, or without end.
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const { helper, requestFlow } = require('./flow');
const { HostileServer, json, text, deepBody, quadraticBody } = require('./hostile');
const { parseEnvelope } = require('../../dist/src/client/envelope');
const { FusionSolarError } = require('../../dist/src/client/errors');
const registry = require('../../dist/src/client/registry');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const report = require('./report');
const { must } = require('../helpers/must');

const GET = { method: 'GET', path: 'vpp/anything' };
const COMMAND = { method: 'POST', path: 'vpp/devOnOff', payload: { devIds: '1000000033486225', controlType: 1 } };

describe('security: hostile responses (issue 12, points 5-7)', function () {
  let hostile;
  beforeEach(async function () {
    resetLoginGuards();
    hostile = await new HostileServer().start();
  });
  afterEach(async function () {
    await helper.unload();
    await registry.closeIdleClients();
    await hostile.close();
  });

  it(
    '5. a 4 KB answer nested 2,000 levels deep is a BAD_RESPONSE, caught by a Catch node, and ' + 'Node-RED lives on',
    async function () {
      hostile.answer = (req, res) => text(res, 200, deepBody(2000), 'application/json');
      const h = await requestFlow(hostile.url);
      const r = await h.send({ ...GET });
      // The message, error included, survives Node-RED's clone: the Catch node got it.
      const held = r.error?.code === 'BAD_RESPONSE';
      report.attack('2,000-deep JSON answer', held);
      assert.equal(r.error && r.error.code, 'BAD_RESPONSE');
      assert.match(must(r.error, 'r.error').message, /deeper than 64 levels/);
      hostile.answer = (req, res) => json(res, { success: true, failCode: 0, data: { ok: 1 } });
      const next = await h.send({ ...GET });
      assert.equal(next.error, undefined, 'the next message works');
      assert.deepEqual(next.out[0].payload, { ok: 1 });
    },
  );

  it('5. no error we make can blow the stack when Node-RED clones it, whatever its details hold', function () {
    const { util } = require('@node-red/util');
    /** @type {{ next?: object }} */
    let deep = {};
    const root = deep;
    for (let i = 0; i < 20000; i++) deep = deep.next = {};
    const err = new FusionSolarError('BAD_RESPONSE', { details: { answer: root } });
    const clone = util.cloneMessage({ payload: 1, error: err.toJSON(), fusionsolar: { error: err.toJSON() } });
    let depth = 0;
    // The details as the error carried them: the loop checks each level is an object.
    let d = /** @type {{ answer?: object, next?: object } | undefined} */ (clone.error.details);
    for (; d && typeof d === 'object'; d = d.answer || d.next) depth++;
    report.attack('error details 20,000 levels deep', depth <= 16);
    assert.ok(depth <= 16, `details kept ${depth} levels`);
  });

  it(
    '6. the exact-number pre-parse is linear: a 16-digit number and an unterminated string of \\" ' +
      'at 120 KB, 1 MB and 4 MB',
    async function () {
      this.timeout(20000);
      assert.throws(() => parseEnvelope({ status: 200, headers: {}, text: quadraticBody(120 * 1024) }, 'warm-up'));
      for (const bytes of [120 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
        const body = quadraticBody(bytes);
        const t0 = performance.now();
        assert.throws(
          () => parseEnvelope({ status: 200, headers: { 'content-type': 'application/json' }, text: body }, 'x'),
          (/** @type {FusionSolarError} */ e) => e.code === 'BAD_RESPONSE',
        );
        report.parse(`quadratic case, ${Math.round(bytes / 1024)} KB`, bytes, performance.now() - t0);
      }
      // Through the whole stack, from the hostile server, at 1 MB: the flow gets its error.
      hostile.answer = (req, res) => text(res, 200, quadraticBody(1024 * 1024), 'application/json');
      const h = await requestFlow(hostile.url);
      const r = await h.send({ ...GET });
      report.attack('quadratic \\" body, 1 MB', r.error?.code === 'BAD_RESPONSE');
      assert.equal(r.error && r.error.code, 'BAD_RESPONSE');
      // Long ids still arrive exact, at any size.
      const big =
        '{"success":true,"failCode":0,"data":{"taskId":-9223372036854775807,' +
        `"s":"${'\\"'.repeat(1000)}","n":[12345678901234567]}}`;
      const env = parseEnvelope({ status: 200, headers: {}, text: big }, 'x');
      const data = /** @type {{ taskId: string, n: string[], s: string }} */ (env.data);
      assert.equal(data.taskId, '-9223372036854775807');
      assert.deepEqual(data.n, ['12345678901234567']);
      assert.equal(data.s, '"'.repeat(1000));
    },
  );

  for (const [name, chunked] of [
    ['a body trickled at one byte per 200 ms', false],
    ['an endless chunked body', true],
  ]) {
    it(
      `7. ${name} ends at the account's timeout: ETIMEDOUT for a read, OUTCOME_UNKNOWN for a device ` + `command`,
      async function () {
        this.timeout(15000);
        hostile.answer = (req, res) => hostile.trickle(res, 200, chunked);
        const h = await requestFlow(hostile.url, { timeout: 1, allowControl: true });
        const read = await h.send({ ...GET });
        const command = await h.send({ ...COMMAND });
        report.attack(name, read.error?.code === 'ETIMEDOUT' && command.error?.code === 'OUTCOME_UNKNOWN');
        assert.equal(read.error && read.error.code, 'ETIMEDOUT');
        assert.match(must(read.error, 'read.error').message, /within 1 s/);
        assert.equal(command.error && command.error.code, 'OUTCOME_UNKNOWN');
        assert.equal(hostile.count('vpp/devOnOff'), 1, 'the command went out once');
      },
    );
  }
});
