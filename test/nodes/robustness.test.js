'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { must } = require('../helpers/must');

describe('fusionsolar-plants node: malformed responses, bad input, secrets', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  /** @type {Array<{ name: string, fault: import('../../dist/src/simulator').Fault, code: string, text: RegExp }>} */
  const FAULTS = [
    { name: 'an HTML error page', fault: { kind: 'html', status: 502 }, code: 'HTTP', text: /HTML page/ },
    {
      name: 'an HTML page with status 200',
      fault: { kind: 'html', status: 200 },
      code: 'BAD_RESPONSE',
      text: /HTML page/,
    },
    { name: 'broken JSON', fault: { kind: 'broken' }, code: 'BAD_RESPONSE', text: /Broken JSON/ },
    {
      name: 'an empty body twice (after the one re-login)',
      fault: { kind: 'empty', times: 2 },
      code: 'EMPTY_RESPONSE',
      text: /./,
    },
    { name: 'HTTP 500', fault: { kind: 'status', status: 500 }, code: 'HTTP', text: /HTTP 500/ },
    { name: 'HTTP 503', fault: { kind: 'status', status: 503 }, code: 'HTTP', text: /HTTP 503/ },
    { name: 'a connection reset', fault: { kind: 'reset' }, code: 'ECONNRESET', text: /./ },
    { name: 'no answer within the timeout', fault: { kind: 'hang' }, code: 'ETIMEDOUT', text: /./ },
  ];

  for (const f of FAULTS) {
    it(`ends the message with a clear error on ${f.name}, and the next message works`, async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      await load(
        flowWith(
          sim,
          { type: 'fusionsolar-plants', operation: 'deviceList', plantCodes: 'NE=33554432' },
          { accountExtra: { timeout: 1 } },
        ),
        credentials(),
      );
      const h = harness();
      assert.equal((await h.send({})).error, undefined, 'log in first');
      sim.inject({ ...f.fault, endpoint: 'devices' });
      const bad = await h.send({});
      assert.ok(bad.error, 'an error reached the Catch node');
      assert.equal(bad.error.code, f.code);
      assert.match(bad.error.message, f.text);
      assert.equal(must(bad.caught?.fusionsolar?.error, 'bad.caught.fusionsolar.error').code, f.code);
      assert.equal(bad.out.length, 0);
      const good = await h.send({});
      assert.equal(good.error, undefined, good.error && good.error.message);
      assert.ok(good.out[0].payload.length > 0);
    });
  }

  it('heals a single empty body with one re-login', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'deviceList', plantCodes: 'NE=33554432' }),
      credentials(),
    );
    const h = harness();
    await h.send({});
    sim.inject({ kind: 'empty', endpoint: 'devices' });
    const r = await h.send({});
    assert.equal(r.error, undefined);
    assert.equal(sim.stats.logins, 2);
  });

  const INVALID = [
    { op: 'plantList', payload: { pageSize: 10 }, field: 'pageSize', rule: /one of 50, 100/ },
    { op: 'plantList', payload: { pageNo: 0 }, field: 'pageNo', rule: /at least 1/ },
    {
      op: 'plantList',
      payload: { plantNames: Array.from({ length: 101 }, (_, i) => `p${i}`) },
      field: 'plantNames',
      rule: /at most 100/,
    },
    { op: 'deviceList', payload: {}, field: 'plantCodes', rule: /required/ },
    {
      op: 'deviceList',
      payload: { plantCodes: 12345 },
      field: 'plantCodes',
      rule: /array of codes or a comma-separated string/,
    },
    { op: 'deviceList', payload: { plantCodes: ' , ' }, field: 'plantCodes', rule: /at least one code/ },
    {
      op: 'deviceList',
      payload: { plantCodes: 'NE=1', deviceTypeId: 'inverter' },
      field: 'deviceTypeId',
      rule: /number/,
    },
    {
      op: 'deviceList',
      payload: { plantCodes: 'NE=1', plantCode: 'NE=2' },
      field: 'plantCode',
      rule: /not a parameter of deviceList/,
    },
    {
      op: 'deviceList',
      payload: JSON.parse('{"plantCodes":"NE=1","__proto__":{"x":1}}'),
      field: '__proto__',
      rule: /not an allowed parameter/,
    },
    { op: 'deviceList', payload: 'plantCodes=NE=1', field: 'payload', rule: /must be an object/ },
    { op: 'nonsense', payload: {}, field: 'operation', rule: /must be one of plantList, deviceList/ },
  ];

  for (const c of INVALID) {
    it(
      `rejects ${c.op} with ${JSON.stringify(c.payload).slice(0, 60)} before any HTTP call, ` + `naming ${c.field}`,
      async function () {
        ({ sim } = await virtualSim({ plants: 3 }));
        await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
        const h = harness();
        const r = await h.send({ operation: c.op, payload: c.payload });
        assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
        assert.match(
          must(r.error, 'r.error').message,
          new RegExp(`^${c.field.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')}: `),
        );
        assert.match(must(r.error, 'r.error').message, c.rule);
        assert.equal(sim.stats.requests, 0, 'no HTTP call at all, not even a login');
      },
    );
  }

  it('never lets a password, token or cookie reach a message, status, log line or error', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const logSpy = helper.log();
    const h = harness();
    await h.send({});
    const tokens = sim.accounts.activeTokens();
    assert.equal(tokens.length, 1);
    sim.inject({ kind: 'html', endpoint: 'devices' });
    await h.send({ operation: 'deviceList', payload: { plantCodes: 'NE=33554432' } });
    await h.send({ operation: 'deviceList', payload: { plantCodes: 12 } });
    sim.inject({ kind: 'reset', endpoint: 'devices' });
    await h.send({ operation: 'deviceList', payload: { plantCodes: 'NE=33554432' } });
    assert.ok(h.seen.caught.length >= 3);
    const secrets = [USER.password, ...tokens, ...tokens.map((t) => t.slice(2, 34).toUpperCase())];
    const everything = JSON.stringify([h.seen, logSpy.args, helper.getNode('n').credentials ? 'creds-on-node' : '']);
    for (const s of secrets) assert.equal(everything.includes(s), false, 'a secret leaked');
    // A bad login also keeps the password out of the error.
    await helper.unload();
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }),
      credentials({ password: 'Wr0ng-Secret-Value' }),
    );
    const h2 = harness();
    const r = await h2.send({});
    assert.equal(must(r.error, 'r.error').code, 'LOGIN_REJECTED');
    assert.equal(JSON.stringify([h2.seen, must(r.error, 'r.error').message]).includes('Wr0ng-Secret-Value'), false);
  });
});
