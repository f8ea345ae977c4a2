'use strict';
// Issue 12, point 11: bodies JSON cannot carry, prototype keys at any depth, a code named a
// million times, and the simulator's control endpoints.
const assert = require('node:assert/strict');
const { request } = require('undici');
const { virtualSim, stopSim } = require('../helpers/sim');
const { startSimulator } = require('../../dist/src/simulator');
const { helper, requestFlow, accountNode, flow, creds, load, harness } = require('./flow');
const report = require('./report');
const { must } = require('../helpers/must');

const PLANTS = '/rest/openapi/pvms/v1/plants';

function nested(depth, leaf) {
  let text = leaf;
  for (let i = 0; i < depth; i++) text = `{"a":${text}}`;
  return JSON.parse(text);
}

describe('security: request bodies and simulator control (issue 12, point 11)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('11. a circular or non-JSON body is INVALID_INPUT naming the field, before any login', async function () {
    ({ sim } = await virtualSim());
    const h = await requestFlow(sim.url);
    const circular = { plantCodes: 'NE=1' };
    circular.self = { back: circular };
    /** @type {Record<string, [object, string]>} */
    const bodies = {
      circular: [circular, 'payload.self.back'],
      function: [{ pageNo: 1, f: () => 1 }, 'payload.f'],
      NaN: [{ pageNo: NaN }, 'payload.pageNo'],
      Infinity: [{ list: [1, Infinity] }, 'payload.list[1]'],
      Map: [{ m: new Map([[1, 2]]) }, 'payload.m'],
      symbol: [{ s: Symbol('x') }, 'payload.s'],
    };
    for (const [name, [payload, field]] of Object.entries(bodies)) {
      const r = await h.send({ method: 'POST', path: PLANTS, payload });
      const held = report.attack(
        `${name} body`,
        r.error?.code === 'INVALID_INPUT' && r.error.message.includes(`${field.replace(/^payload\./, '')}:`),
      );
      assert.ok(held, `${name}: ${r.error ? `${r.error.code} ${r.error.message}` : 'sent'}`);
    }
    assert.equal(sim.stats.logins, 0, 'nothing logged in for a body that cannot be sent');
    assert.equal(sim.stats.requests, 0);
  });

  it(
    '11. __proto__, constructor and prototype keys are refused at any depth (40 and 60 levels ' + 'down)',
    async function () {
      ({ sim } = await virtualSim());
      const h = await requestFlow(sim.url);
      for (const [depth, key] of [
        [40, '__proto__'],
        [60, 'constructor'],
        [3, 'prototype'],
      ]) {
        const payload = nested(depth, `{"${key}":{"polluted":true}}`);
        const r = await h.send({ method: 'POST', path: PLANTS, payload });
        report.attack(`${key} ${depth} levels down`, r.error?.code === 'INVALID_INPUT');
        assert.equal(r.error && r.error.code, 'INVALID_INPUT', `${key} at ${depth}`);
        assert.match(must(r.error, 'r.error').message, new RegExp(`${key}: is not an allowed parameter name`));
      }
      const tooDeep = await h.send({ method: 'POST', path: PLANTS, payload: nested(200, '1') });
      assert.equal(tooDeep.error && tooDeep.error.code, 'INVALID_INPUT');
      assert.match(must(tooDeep.error, 'tooDeep.error').message, /deeper than 64 levels/);
      assert.equal(sim.stats.requests, 0);
    },
  );

  it('11. a code named a million times is asked for once: deviceList is one call', async function () {
    this.timeout(20000);
    ({ sim } = await virtualSim({ record: true }));
    await load(
      flow(
        [accountNode('acc', sim.url, { quotaProfile: 'documented', quotaWait: 600 })],
        [{ id: 'n', type: 'fusionsolar-plants', account: 'acc', operation: 'deviceList' }],
      ),
      creds('acc'),
    );
    const h = harness();
    const code = sim.fleet.plants[0].plantCode;
    const r = await h.send({ payload: { plantCodes: new Array(1_000_000).fill(code) } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const calls = sim.requestLog.filter((x) => x.endpoint === 'devices');
    report.attack('deviceList with 1e6 copies of one code', calls.length === 1);
    assert.equal(calls.length, 1);
    assert.equal(JSON.parse(calls[0].body).plantCodes, code);
    assert.ok(r.out[0].payload.length > 0);
  });

  it("11. the simulator's /__sim/ endpoints answer loopback tests only, or whoever has the token", async function () {
    ({ sim } = await virtualSim());
    const stats = (url, headers = {}) =>
      request(`${url}/__sim/stats`, { headers }).then(async (res) => ({
        status: res.statusCode,
        body: await res.body.text(),
      }));
    const foreign = await stats(sim.url, { origin: 'http://attacker.example' });
    const test = await stats(sim.url);
    const tokened = await startSimulator({ adminToken: 'sim-admin-token' });
    try {
      const none = await stats(tokened.url);
      const wrong = await stats(tokened.url, { 'x-sim-token': 'guess' });
      const right = await stats(tokened.url, { 'x-sim-token': 'sim-admin-token' });
      report.attack('simulator control from another site', foreign.status === 403);
      report.attack('simulator control without its token', none.status === 403 && wrong.status === 403);
      assert.equal(foreign.status, 403);
      assert.equal(test.status, 200);
      assert.equal(none.status, 403);
      assert.equal(wrong.status, 403);
      assert.equal(right.status, 200);
      assert.equal(JSON.parse(right.body).requests, 0);
    } finally {
      await tokened.close();
    }
  });
});
