'use strict';
// The governor seen from flows: bursts, waiting and failing fast, server 407 and gateway
// 403 against the simulator over HTTP, on one virtual clock.
const assert = require('node:assert/strict');
const path = require('node:path');
const { z } = require('zod');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials, NODES } = require('../helpers/flow');
const { until } = require('../helpers/wait');
const { registerOperationNode } = require('../../dist/nodes/shared/operation-node');

const MINUTE = 60_000;
const plantsNode = (extra = {}) => ({ type: 'fusionsolar-plants', operation: 'plantList', ...extra });
const core = path.dirname(require.resolve('@node-red/nodes/core/common/25-catch.js'));
const CORE = ['25-catch.js', '24-complete.js', '25-status.js'].map((f) => require(path.join(core, f)));
const { must } = require('../helpers/must');

/** Records the virtual time at which each message of node `n` ended, and how. */
function endings(clock) {
  const ends = [];
  helper.getNode('completed').on('input', () => ends.push({ ok: true, at: clock.now() }));
  // msg.error keeps only message and code; the whole error is in msg.fusionsolar.error.
  helper
    .getNode('caught')
    .on('input', (m) => ends.push({ ok: false, at: clock.now(), error: must(m.fusionsolar, 'm.fusionsolar').error }));
  return ends;
}

// A device command that exists only in this test, against a route the test registers.
const testCommand = {
  name: 'testCommand',
  endpoint: 'vpp/testCommand',
  section: 'test',
  summary: 'test-only command',
  changesDevices: true,
  quota: { limits: [{ count: 1, windowMs: MINUTE }] },
  params: z.object({}).strict(),
  fields: [],
};
function testCommandNode(RED) {
  registerOperationNode(RED, { type: 'fusionsolar-test-command', operations: [testCommand] });
}

describe('quota governor in flows (simulator over HTTP)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'a burst of 20 to a one-a-minute endpoint: 1 call at once, 1 waits its minute, 18 fail at once; ' + 'never a 407',
    async function () {
      ({ sim, clock } = await virtualSim({ plants: 3 }));
      const start = clock.now();
      await load(flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 60 } }), credentials());
      const h = harness();
      const ends = endings(clock);
      const n = helper.getNode('n');
      for (let i = 0; i < 20; i++) n.receive({ payload: '', i });
      await h.waitFor(() => h.ends() === 20);
      const ok = ends.filter((e) => e.ok);
      const failed = ends.filter((e) => !e.ok);
      assert.deepEqual(
        ok.map((e) => e.at - start),
        [0, MINUTE],
      );
      assert.equal(failed.length, 18);
      assert.ok(
        failed.every((e) => e.at === start),
        'failed on arrival, not after waiting',
      );
      assert.ok(
        failed.every((e) => e.error.code === 'QUOTA' && /Quota of plants: .*1 call per minute/.test(e.error.message)),
      );
      // The next free turn is after the one queued call: two minutes from now.
      assert.ok(failed.every((e) => e.error.retryAfter === 2 * MINUTE));
      assert.deepEqual(
        h.seen.out.map((m) => m.i),
        [0, 1],
      );
      assert.equal(sim.stats.byEndpoint.plants, 2);
      assert.equal(sim.stats.quota407, 0);
      assert.ok(
        h.seen.statuses.some(
          (s) => must(s.status, 's.status').fill === 'yellow' && must(s.status, 's.status').text === 'quota: wait 60 s',
        ),
      );
      assert.ok(
        h.seen.statuses.some(
          (s) => must(s.status, 's.status').fill === 'red' && must(s.status, 's.status').text === 'quota: limit',
        ),
      );
      const q = must(h.seen.out[1].fusionsolar, 'h.seen.out[1].fusionsolar').quota;
      assert.equal(must(q, 'q').endpoint, 'plants');
      assert.equal(must(q, 'q').remaining, 32, 'plant list of 3 plants: 34 a day, 2 used');
      assert.equal(must(q, 'q').resetAt, start + 24 * 60 * MINUTE);
    },
  );

  it('with a longer wait allowed, the same burst is served one a minute, in arrival order', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    const start = clock.now();
    await load(flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 1200 } }), credentials());
    const h = harness();
    const ends = endings(clock);
    const n = helper.getNode('n');
    for (let i = 0; i < 20; i++) n.receive({ payload: '', i });
    await h.waitFor(() => h.ends() === 20);
    assert.ok(ends.every((e) => e.ok));
    assert.deepEqual(
      h.seen.out.map((m) => m.i),
      Array.from({ length: 20 }, (_, i) => i),
    );
    assert.deepEqual(
      ends.map((e) => e.at - start),
      Array.from({ length: 20 }, (_, i) => i * MINUTE),
    );
    assert.equal(sim.stats.quota407, 0);
  });

  it('after an injected 407 no call reaches that endpoint until its window has passed', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3, quotas: false }));
    const custom = JSON.stringify({ devices: { limits: [{ count: 10, windowMs: 5 * MINUTE }] } });
    await load(
      flowWith(sim, plantsNode({ operation: 'deviceList', plantCodes: 'NE=33554432' }), {
        accountExtra: { quotaWait: 0, quotaProfile: 'custom', quotaCustom: custom },
      }),
      credentials(),
    );
    const h = harness();
    sim.inject({ kind: 'quota407', endpoint: 'devices' });
    const first = await h.send({});
    assert.equal(must(first.error, 'first.error').code, '407');
    assert.equal(must(first.caught?.fusionsolar?.error, 'first.caught.fusionsolar.error').retryAfter, 5 * MINUTE);
    assert.equal(sim.stats.byEndpoint.devices, 1);
    clock.advance(4 * MINUTE);
    const blocked = await h.send({});
    assert.equal(must(blocked.error, 'blocked.error').code, 'QUOTA');
    assert.match(must(blocked.error, 'blocked.error').message, /server answered 407/);
    assert.equal(must(blocked.caught?.fusionsolar?.error, 'blocked.caught.fusionsolar.error').retryAfter, MINUTE);
    assert.equal(sim.stats.byEndpoint.devices, 1, 'no HTTP call while blocked');
    clock.advance(MINUTE);
    const again = await h.send({});
    assert.equal(again.error, undefined);
    assert.equal(sim.stats.byEndpoint.devices, 2);
  });

  it('a gateway 403 pauses the account 60 s, then a read is retried once and succeeds', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    const start = clock.now();
    await load(flowWith(sim, plantsNode()), credentials());
    const h = harness();
    const ends = endings(clock);
    sim.inject({ kind: 'quota403', endpoint: 'plants' });
    const r = await h.send({});
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(r.out[0].payload.length, 3);
    assert.equal(sim.stats.byEndpoint.plants, 2);
    assert.equal(ends[0].at - start, MINUTE);

    sim.inject({ kind: 'quota403', endpoint: 'plants', times: 2 });
    const twice = await h.send({});
    assert.equal(must(twice.error, 'twice.error').code, '403', 'retried once, not twice');
    assert.equal(sim.stats.byEndpoint.plants, 4);
  });

  it('a gateway 403 on a device command is never retried, and pauses the other endpoints too', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    sim.route('vpp/testCommand', () => ({ done: true }), { command: true, quota: [{ count: 1, windowMs: MINUTE }] });
    const flow = flowWith(
      sim,
      { type: 'fusionsolar-test-command', operation: 'testCommand' },
      { accountExtra: { allowControl: true, quotaWait: 0 } },
    );
    flow.push({ id: 'p', type: 'fusionsolar-plants', account: 'acc', operation: 'plantList', wires: [[]] });
    await helper.load(
      [NODES['fusionsolar-account'], NODES['fusionsolar-plants'], testCommandNode, ...CORE],
      flow,
      credentials(),
    );
    const h = harness();
    sim.inject({ kind: 'quota403', endpoint: 'vpp/testCommand' });
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, '403');
    assert.equal(sim.stats.byEndpoint['vpp/testCommand'], 1);
    assert.equal(sim.stats.commands['vpp/testCommand'], undefined);

    const errors = [];
    const p = helper.getNode('p');
    p.error = (e) => errors.push(e);
    p.receive({});
    await until(() => errors.length > 0, 'the refusal');
    assert.equal(errors[0].code, 'QUOTA');
    assert.match(errors[0].message, /gateway/);
    assert.equal(sim.stats.byEndpoint.plants, undefined);

    clock.advance(MINUTE);
    const ok = await h.send({});
    assert.equal(ok.error, undefined);
    assert.equal(sim.stats.commands['vpp/testCommand'], 1);
  });

  it('does not count a call the server refused with 305: after one re-login it goes out at once', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    const start = clock.now();
    await load(flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 0 } }), credentials());
    const h = harness();
    sim.inject({ kind: 'relogin305', endpoint: 'plants' });
    const r = await h.send({});
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(clock.now(), start, 'no minute waited for the one-a-minute lane');
    assert.equal(sim.stats.logins, 2);
    assert.equal(must(r.out[0].fusionsolar?.quota, 'r.out[0].fusionsolar.quota').remaining, 33);
  });

  it('shows "quota: daily limit" when the day\'s budget is spent', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3, quotas: false }));
    const custom = JSON.stringify({ plants: { limits: [{ count: 2, windowMs: 86400000 }] } });
    await load(
      flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 60, quotaProfile: 'custom', quotaCustom: custom } }),
      credentials(),
    );
    const h = harness();
    assert.equal((await h.send({})).error, undefined);
    assert.equal((await h.send({})).error, undefined);
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, 'QUOTA');
    assert.match(must(r.error, 'r.error').message, /2 calls per day/);
    assert.equal(must(r.caught?.fusionsolar?.quota, 'r.caught.fusionsolar.quota').remaining, 0);
    const last = h.seen.statuses[h.seen.statuses.length - 1].status;
    assert.deepEqual([must(last, 'last').fill, must(last, 'last').text], ['red', 'quota: daily limit']);
  });

  it('a 20618 from the server shows "quota: daily limit" and blocks the endpoint', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 60 } }), credentials());
    const h = harness();
    sim.inject({ kind: 'daily20618', endpoint: 'plants' });
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, '20618');
    assert.equal(must(r.caught?.fusionsolar?.error, 'r.caught.fusionsolar.error').retryAfter, 24 * 60 * MINUTE);
    const last = h.seen.statuses[h.seen.statuses.length - 1].status;
    assert.deepEqual([must(last, 'last').fill, must(last, 'last').text], ['red', 'quota: daily limit']);
    clock.advance(MINUTE);
    const next = await h.send({});
    assert.equal(must(next.error, 'next.error').code, 'QUOTA');
    assert.equal(must(next.caught?.fusionsolar?.error?.details, 'the error details').daily, true);
    assert.equal(sim.stats.byEndpoint.plants, 1);
  });

  it('a closing node ends each queued message with done(err), without waiting for quota', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    const start = clock.now();
    await load(flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 600 } }), credentials());
    const h = harness();
    const n = helper.getNode('n');
    const errors = [];
    const report = n.error.bind(n);
    n.error = (e, m) => {
      errors.push(e);
      report(e, m);
    };
    for (let i = 0; i < 5; i++) n.receive({ payload: '', i });
    await h.waitFor(() => h.seen.out.length === 1);
    await helper.unload();
    assert.equal(errors.length, 4);
    assert.ok(errors.every((e) => e.code === 'ABORTED'));
    assert.equal(sim.stats.byEndpoint.plants, 1);
    assert.ok(clock.now() - start < MINUTE, 'nothing waited out its quota');
  });

  it('shares quota state between nodes of the account and keeps it across a redeploy', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    const flow = flowWith(sim, plantsNode(), { accountExtra: { quotaWait: 0 } });
    flow.push({ id: 'n2', type: 'fusionsolar-plants', account: 'acc', operation: 'plantList', wires: [[]] });
    await load(flow, credentials());
    let h = harness();
    assert.equal((await h.send({})).error, undefined);
    await helper.setFlows(flow, 'full', credentials());
    h = harness();
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, 'QUOTA', 'the minute used before the redeploy still counts');
    const errors = [];
    helper.getNode('n2').error = (e) => errors.push(e);
    helper.getNode('n2').receive({});
    await until(() => errors.length > 0, 'the refusal');
    assert.equal(errors[0].code, 'QUOTA', 'and it counts for the other node too');
    assert.equal(sim.stats.byEndpoint.plants, 1);
  });
});
