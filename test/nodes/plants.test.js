'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { until, settle } = require('../helpers/wait');
const { must } = require('../helpers/must');

const plantsNode = (extra = {}) => ({ type: 'fusionsolar-plants', operation: 'plantList', ...extra });

describe('fusionsolar-plants node (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('returns 250 plants as one array of 250 from 3 pages', async function () {
    ({ sim } = await virtualSim({ plants: 250 }));
    await load(flowWith(sim, plantsNode()), credentials());
    const h = harness();
    const r = await h.send({ payload: 1 });
    assert.equal(r.error, undefined);
    const msg = r.out[0];
    assert.equal(msg.payload.length, 250);
    assert.equal(new Set(msg.payload.map((p) => p.plantCode)).size, 250);
    assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').operation, 'plantList');
    assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').calls, 3);
    assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').total, 250);
    assert.equal(sim.stats.byEndpoint.plants, 3);
    assert.equal(sim.stats.quota407, 0);
    // Coordinates the server sent as strings arrive as numbers.
    assert.ok(msg.payload.every((p) => typeof p.longitude === 'number' && typeof p.capacity === 'number'));
    assert.ok(msg.payload.every((p) => typeof p.time === 'number'));
  });

  it('says "1 plant" and "1 device" for one, "N devices" for more (status plurals)', async function () {
    ({ sim } = await virtualSim({ plants: 1 }));
    const [plant] = sim.fleet.plants;
    await load(flowWith(sim, plantsNode()), credentials());
    const h = harness();
    const one = await h.send({ payload: 1 });
    assert.equal(one.out[0].payload.length, 1, one.error && one.error.message);
    assert.equal(must(h.seen.statuses.at(-1)?.status, 'h.seen.statuses.at(-1).status').text, '1 plant');
    const meter = await h.send({
      operation: 'deviceList',
      payload: { plantCodes: plant.plantCode, deviceTypeId: 20816 },
    });
    assert.equal(meter.out[0].payload.length, 1, meter.error && meter.error.message);
    assert.equal(must(h.seen.statuses.at(-1)?.status, 'h.seen.statuses.at(-1).status').text, '1 device');
    const all = await h.send({ operation: 'deviceList', payload: { plantCodes: plant.plantCode } });
    assert.equal(
      must(h.seen.statuses.at(-1)?.status, 'h.seen.statuses.at(-1).status').text,
      `${all.out[0].payload.length} devices`,
    );
    assert.ok(all.out[0].payload.length > 1);
  });

  it('fetches the devices of 150 plants in 2 chunked calls', async function () {
    ({ sim } = await virtualSim({ plants: 150 }));
    const codes = sim.fleet.plants.map((p) => p.plantCode);
    await load(flowWith(sim, plantsNode({ operation: 'deviceList' })), credentials());
    const h = harness();
    // One meter per plant: 150 meters, so each chunk of 100 plants fits one page.
    const r = await h.send({ payload: { plantCodes: codes, deviceTypeId: 20816 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(r.out[0].payload.length, 150);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 2);
    assert.equal(sim.stats.byEndpoint.devices, 2);
    assert.deepEqual(
      r.out[0].payload.map((d) => d.plantCode),
      codes,
    );

    // Without the filter every device comes back, across chunks and pages, each once.
    const all = await h.send({ payload: { plantCodes: codes.join(',') } });
    const expected = sim.fleet.devices().length;
    assert.equal(all.out[0].payload.length, expected);
    assert.equal(new Set(all.out[0].payload.map((d) => d.dn)).size, expected);
    assert.equal(must(all.out[0].fusionsolar, 'all.out[0].fusionsolar').total, expected);
  });

  it('gives one message per plant with msg.topic = plantCode when split is on', async function () {
    ({ sim } = await virtualSim({ plants: 5 }));
    await load(flowWith(sim, plantsNode({ split: true })), credentials());
    const h = harness();
    const r = await h.send({ payload: '' });
    assert.equal(r.out.length, 5);
    assert.deepEqual(
      r.out.map((m) => m.topic),
      sim.fleet.plants.map((p) => p.plantCode),
    );
    assert.ok(r.out.every((m, i) => must(m.parts, 'm.parts').index === i && must(m.parts, 'm.parts').count === 5));
  });

  it('makes exactly 1 login for 50 concurrent messages', async function () {
    ({ sim } = await virtualSim({ plants: 3, quotas: false }));
    await load(flowWith(sim, plantsNode(), { accountExtra: { quotaProfile: 'off' } }), credentials());
    const h = harness();
    const n = helper.getNode('n');
    for (let i = 0; i < 50; i++) n.receive({ payload: i });
    await h.waitFor(() => h.ends() === 50);
    assert.equal(h.seen.completed.length, 50);
    assert.equal(h.seen.caught.length, 0);
    assert.equal(sim.stats.logins, 1);
  });

  it('logs in again exactly once when the token expired, and the message succeeds', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, plantsNode()), credentials());
    const h = harness();
    assert.equal((await h.send({})).error, undefined);
    assert.equal(sim.stats.logins, 1);
    sim.accounts.revoke(USER.username);
    clock.advance(61_000);
    const r = await h.send({});
    assert.equal(r.error, undefined);
    assert.equal(r.out[0].payload.length, 3);
    assert.equal(sim.stats.logins, 2);
  });

  it('tries a wrong password exactly once however many messages arrive', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, plantsNode()), credentials({ password: 'wrong-password' }));
    const h = harness();
    const n = helper.getNode('n');
    for (let i = 0; i < 8; i++) n.receive({ payload: i });
    await h.waitFor(() => h.ends() === 8);
    assert.equal(h.seen.caught.length, 8);
    assert.equal(sim.stats.failedLogins, 1);
    for (const m of h.seen.caught) {
      assert.equal(must(m.error, 'm.error').code, 'LOGIN_REJECTED');
      assert.match(must(m.error, 'm.error').message, /rejected the username or password/);
    }
    assert.ok(
      h.seen.statuses.some(
        (s) => must(s.status, 's.status').text === 'login rejected' && must(s.status, 's.status').fill === 'red',
      ),
    );
  });

  it('keeps the session across a redeploy of an unchanged account (0 more logins)', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    const flow = flowWith(sim, plantsNode());
    await load(flow, credentials());
    let h = harness();
    assert.equal((await h.send({})).error, undefined);
    await helper.setFlows(flow, 'full', credentials());
    h = harness();
    const r = await h.send({ payload: { plantNames: ['Sim Plant 0001'] } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(sim.stats.logins, 1);
    assert.equal(sim.stats.logouts, 0);
  });

  it('logs out when the account is removed', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    const flow = flowWith(sim, plantsNode());
    await load(flow, credentials());
    const h = harness();
    assert.equal((await h.send({})).error, undefined);
    await helper.setFlows(
      flow.filter((n) => n.id !== 'acc' && n.id !== 'n'),
      'full',
    );
    assert.equal(sim.stats.logouts, 1);
  });

  it('logs out when Node-RED stops', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, plantsNode()), credentials());
    const h = harness();
    assert.equal((await h.send({})).error, undefined);
    await helper.unload();
    await until(() => sim.stats.logouts > 0, 'the logout');
    await settle();
    assert.equal(sim.stats.logouts, 1);
  });
});
