'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { must } = require('../helpers/must');

const node = (extra = {}) => ({ type: 'fusionsolar-enrolment', operation: 'snRegistration', ...extra });
// The request example of reference 9.6.2.1; the simulator answers it as example 3 does.
const EXAMPLE = { sns: 'BA4372D08E0,5D02E8B40AD,5D02E8BFFFF,5D02E8BEEEE', account: 'admin@qq.com' };

describe('fusionsolar-enrolment node: snRegistration (simulator over HTTP)', function () {
  let sim;
  beforeEach(async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it("answers the reference's example with results 0-3 and their meanings", async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: EXAMPLE });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const items = r.out[0].payload;
    assert.deepEqual(
      items.map((i) => [i.sn, i.result]),
      [
        ['BA4372D08E0', 0],
        ['5D02E8B40AD', 1],
        ['5D02E8BFFFF', 2],
        ['5D02E8BEEEE', 3],
      ],
    );
    assert.match(items[0].resultText, /^Not registered/);
    assert.match(items[1].resultText, /no commissioning user bound/);
    assert.match(items[2].resultText, /another commissioning user/);
    assert.match(items[3].resultText, /this account as commissioning user/);
    assert.equal(items[1].plantCreateTime, '2020-02-06T00:00:00+08:00');
    assert.equal(items[1].time, Date.parse('2020-02-06T00:00:00+08:00'));
    assert.equal(items[0].plantCreateTime, undefined);
    // A query, not a registration: result 0 is an answer, not a failure.
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').failed, undefined);
    assert.ok(h.seen.statuses.some((s) => must(s.status, 's.status').text === '4 SNs'));
  });

  it("gives the meanings in the account's language (zh-cn)", async function () {
    await load(flowWith(sim, node(), { accountExtra: { locale: 'zh-cn' } }), credentials());
    const h = harness();
    const r = await h.send({ payload: EXAMPLE });
    assert.equal(r.out[0].payload[2].resultText, '已注册，且已绑定其他调测用户');
  });

  it('asks for an SN named twice once: one item per SN, in first-seen order', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const sn = sim.fleet.devices()[0].sn;
    const r = await h.send({
      payload: { sns: new Array(1000).fill(sn).concat('UNREG0000001', sn), account: 'admin@qq.com' },
    });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(
      r.out[0].payload.map((i) => i.sn),
      [sn, 'UNREG0000001'],
    );
    assert.equal(sim.stats.byEndpoint['community/snIsRegister'], 1);
  });

  it(
    'takes the SNs and account from the node settings, and splits 120 SNs into calls of 50, 50 and ' + '20',
    async function () {
      const sns = sim.fleet.devices().map((d) => d.sn);
      // 120 different SNs: the fleet's, then SNs nobody registered (a repeated SN is asked for once).
      const many = Array.from({ length: 120 }, (_, i) => sns[i] || `UNREG${String(i).padStart(7, '0')}`);
      await load(flowWith(sim, node({ sns: many.join(','), userAccount: 'other-installer' })), credentials());
      const h = harness();
      const r = await h.send({ payload: 1 });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 3);
      assert.equal(sim.stats.byEndpoint['community/snIsRegister'], 3);
      assert.deepEqual(
        r.out[0].payload.map((i) => i.sn),
        many,
      );
      // Fleet plant 1 of every 3 is bound to other-installer (3), plant 0 to another (2), plant 2 to nobody (1).
      const byPlant = new Map(
        sim.fleet.devices().map((d) => [d.sn, sim.fleet.plants.findIndex((p) => p.plantCode === d.plantCode)]),
      );
      assert.ok(
        r.out[0].payload.filter((i) => byPlant.has(i.sn)).every((i) => i.result === [2, 3, 1][byPlant.get(i.sn) % 3]),
      );
      assert.ok(r.out[0].payload.filter((i) => !byPlant.has(i.sn)).every((i) => i.result === 0));
    },
  );

  it('fails with 20028 when the account does not exist, and answers 0 for an owner account', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: { ...EXAMPLE, account: 'nobody@example.com' } });
    assert.equal(must(r.error, 'r.error').code, '20028');
    assert.match(must(r.error, 'r.error').message, /does not have related user information/);
    const owner = await h.send({ payload: { sns: ['5D02E8BEEEE'], account: 'mia@example.com' } });
    assert.equal(owner.out[0].payload[0].result, 0);
  });

  const INVALID = [
    { payload: { account: 'admin@qq.com' }, field: 'sns', rule: /required/ },
    { payload: { sns: 'BA4372D08E0' }, field: 'account', rule: /required/ },
    { payload: { sns: 'BA4372D08E0', account: '  ' }, field: 'account', rule: /not be empty/ },
    { payload: { sns: [], account: 'admin@qq.com' }, field: 'sns', rule: /at least one code/ },
    {
      payload: { sns: 'BA4372D08E0', account: 'admin@qq.com', plantCodes: 'NE=1' },
      field: 'plantCodes',
      rule: /not a parameter of snRegistration/,
    },
  ];
  for (const c of INVALID) {
    it(`rejects ${JSON.stringify(c.payload)} before any call, naming ${c.field}`, async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send({ payload: c.payload });
      assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
      assert.ok(must(r.error, 'r.error').message.startsWith(`${c.field}: `), must(r.error, 'r.error').message);
      assert.match(must(r.error, 'r.error').message, c.rule);
      assert.equal(sim.stats.requests, 0);
    });
  }
});
