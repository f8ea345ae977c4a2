'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { must } = require('../helpers/must');

const node = (extra = {}) => ({
  type: 'fusionsolar-request',
  method: 'POST',
  path: '/rest/openapi/pvms/v1/plants',
  ...extra,
});

describe('fusionsolar-request node (simulator over HTTP)', function () {
  let sim;
  let clock;
  beforeEach(async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    // An endpoint the simulator serves and the catalogue does not know.
    sim.route('vpp/futureThing', (req) => ({ echo: req.body }));
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'calls a catalogue path: data on msg.payload, envelope on msg.fusionsolar.response, the ' + "catalogue's quota",
    async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send({ payload: { pageNo: 1, pageSize: 100 } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const msg = r.out[0];
      assert.equal(msg.payload.total, 3);
      assert.equal(msg.payload.list.length, 3);
      assert.equal(must(msg.fusionsolar?.response, 'the response').success, true);
      assert.equal(must(msg.fusionsolar?.response, 'the response').failCode, 0);
      assert.deepEqual(must(msg.fusionsolar?.response, 'the response').data, msg.payload);
      assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').endpoint, 'plants');
      assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').method, 'POST');
      // The plant list's own rule (34 a day, one a minute) applies, shared with the plants node.
      assert.equal(must(msg.fusionsolar?.quota, 'msg.fusionsolar.quota').endpoint, 'plants');
      assert.equal(must(msg.fusionsolar?.quota, 'msg.fusionsolar.quota').remaining, 33);
      const before = clock.now();
      assert.equal((await h.send({ payload: { pageNo: 1, pageSize: 50 } })).error, undefined);
      assert.ok(clock.now() - before >= 60_000, 'the second call waited for the quota');
      assert.equal(sim.stats.byEndpoint.plants, 2);
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it('calls an unknown path (msg.path, relative form) under the default rule of one call a minute', async function () {
    await load(flowWith(sim, node(), { accountExtra: { quotaWait: 0 } }), credentials());
    const h = harness();
    const r = await h.send({ path: 'vpp/futureThing', payload: { plantCodes: 'NE=1', n: 2 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(r.out[0].payload, { echo: { plantCodes: 'NE=1', n: 2 } });
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').path, '/rest/openapi/pvms/v1/vpp/futureThing');
    const again = await h.send({ path: '/rest/openapi/pvms/v1/vpp/futureThing', payload: {} });
    assert.equal(must(again.error, 'again.error').code, 'QUOTA');
    assert.match(must(again.error, 'again.error').message, /vpp\/futureThing: 1 call per minute/);
    assert.equal(must(again.caught?.fusionsolar?.error, 'again.caught.fusionsolar.error').retryAfter, 60_000);
    assert.equal(sim.stats.byEndpoint['vpp/futureThing'], 1);
  });

  it('sends GET with the payload as query string when msg.method asks for it', async function () {
    await load(flowWith(sim, node({ path: 'vpp/futureThing' })), credentials());
    const h = harness();
    const r = await h.send({ method: 'get', payload: { plantCode: 'NE=1' } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').method, 'GET');
    assert.equal(
      must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').path,
      '/rest/openapi/pvms/v1/vpp/futureThing?plantCode=NE%3D1',
    );
    assert.deepEqual(r.out[0].payload, { echo: {} });
  });

  const REFUSED = [
    {
      path: 'https://evil.example.com/rest/openapi/pvms/v1/plants',
      rule: /points at https:\/\/evil\.example\.com, not at the account's server/,
    },
    { path: '//evil.example.com/rest/openapi/pvms/v1/plants', rule: /must not start with \/\// },
    { path: 'http://127.0.0.1:1/rest/openapi/pvms/v1/plants', rule: /not at the account's server/ },
    { path: '/rest/openapi/pvms/v1/../../../../admin', rule: /"\." or "\.\." segments/ },
    { path: '/rest/openapi/pvms/v1/%2e%2e/x', rule: /"\." or "\.\." segments/ },
    { path: 'file:///etc/passwd', rule: /http\(s\) URL of the account's server/ },
    { path: '/rest/openapi/pvms/v1/login', rule: /must not be login or logout/ },
  ];
  for (const c of REFUSED) {
    it(`refuses ${c.path} before any call`, async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send({ path: c.path, payload: {} });
      assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
      assert.match(must(r.error, 'r.error').message, /^path: /);
      assert.match(must(r.error, 'r.error').message, c.rule);
      assert.equal(sim.stats.requests, 0);
      assert.equal(sim.stats.logins, 0);
    });
  }

  it("accepts an absolute URL of the account's own server", async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ path: `${sim.url}/rest/openapi/pvms/v1/vpp/futureThing`, payload: { a: 1 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(r.out[0].payload, { echo: { a: 1 } });
  });

  it('logs in again once on a 305 and the request succeeds', async function () {
    await load(flowWith(sim, node({ path: 'vpp/futureThing' })), credentials());
    const h = harness();
    assert.equal((await h.send({ payload: { n: 1 } })).error, undefined);
    assert.equal(sim.stats.logins, 1);
    sim.inject({ kind: 'relogin305', endpoint: 'vpp/futureThing' });
    const r = await h.send({ payload: { n: 2 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(r.out[0].payload, { echo: { n: 2 } });
    assert.equal(sim.stats.logins, 2);
  });

  it("turns the server's failCode into the catalogue error", async function () {
    await load(flowWith(sim, node({ path: '/rest/openapi/pvms/v1/community/snIsRegister' })), credentials());
    const h = harness();
    const r = await h.send({ payload: { sns: 'BA4372D08E0', account: 'nobody' } });
    assert.equal(must(r.error, 'r.error').code, '20028');
    assert.equal(must(r.caught?.fusionsolar?.error, 'r.caught.fusionsolar.error').endpoint, 'community/snIsRegister');
    assert.equal(r.out.length, 0);
  });

  const BAD = [
    { msg: { method: 'DELETE' }, field: 'method', rule: /POST or GET/ },
    { msg: { path: 42 }, field: 'path', rule: /required/ },
    { msg: { payload: 'plantCodes=NE=1' }, field: 'payload', rule: /object or array/ },
    { msg: { method: 'GET', payload: { a: { b: 1 } } }, field: 'payload.a', rule: /string, number or boolean/ },
  ];
  for (const c of BAD) {
    it(`rejects ${JSON.stringify(c.msg)} before any call, naming ${c.field}`, async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send(c.msg);
      assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
      assert.ok(must(r.error, 'r.error').message.startsWith(`${c.field}: `), must(r.error, 'r.error').message);
      assert.match(must(r.error, 'r.error').message, c.rule);
      assert.equal(sim.stats.requests, 0);
    });
  }
});
