'use strict';
// A restart of Node-RED: process memory (session, quota ledger, monitor state) is gone, the
// server still counts the calls of the last 5 minutes. With the account's lasting store
// (issue 17's binding on client.state: ready, lastPoll, savePoll) the new monitor waits for the
// next slot instead of earning a 407.
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { FusionSolarClient } = require('../../dist/src/client/client');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const { allOperations } = require('../../dist/src/api');
const { Monitor } = require('../../dist/src/monitor/monitor');
const { forgetMonitorState } = require('../../dist/src/monitor/state');
const { holdHttp } = require('../helpers/monitor');

const MIN = 60_000;

/** What a file or Redis store keeps of the monitor (poll times), with the health feed the client subscribes to. */
function fakeStore() {
  const polls = {};
  return { polls, binding: { ready: Promise.resolve(), onHealth: () => () => undefined, lastPoll: (k) => polls[k] ?? 0, savePoll: (k, at) => (polls[k] = at) } };
}

function monitorOn(sim, clock, store) {
  const client = new FusionSolarClient({ baseUrl: sim.url, username: USER.username, password: USER.password, quotaWait: 600 }, clock);
  for (const op of allOperations()) client.registerRule(op.endpoint, op.quota);
  if (store) Object.defineProperty(client, 'state', { value: store.binding });
  const errors = [];
  const m = new Monitor(
    { client, id: 'mon', plantCodes: [], plantRealtime: true, deviceTypes: [], alarms: false, intervalSec: 0, changesOnly: false, format: 'plain', haPrefix: 'homeassistant' },
    { readings: () => undefined, alarms: () => undefined, status: () => undefined, error: (e) => errors.push(e) },
  );
  m.start();
  return { client, m, errors };
}

async function restart(sim, clock, store) {
  forgetMonitorState();
  resetLoginGuards();
  return monitorOn(sim, clock, store);
}

async function until(clock, t) {
  while (clock.now() < t) await clock.sleep(Math.min(MIN, t - clock.now()));
}

describe('monitor across a restart of Node-RED (V7 simulator)', function () {
  this.timeout(30_000);
  let sim;
  const running = [];
  afterEach(async function () {
    for (const r of running.splice(0)) {
      await r.m.stop();
      await r.client.close();
    }
    await stopSim(sim);
  });

  it('with the lasting store: the next real-time call comes when the last poll says, no 407', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 1 }));
    holdHttp(clock);
    const store = fakeStore();
    const start = clock.now();
    const a = monitorOn(sim, clock, store);
    await until(clock, start + 7 * MIN);
    assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2);
    await a.m.stop();
    await a.client.close();
    assert.ok(Object.keys(store.polls).some((k) => k.startsWith('mon/plantRealtime')), JSON.stringify(store.polls));

    const b = await restart(sim, clock, store);
    running.push(b);
    await until(clock, start + 9 * MIN);
    assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2, 'no call before the 5 minutes are up');
    await until(clock, start + 10 * MIN + 1000);
    assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 3);
    assert.equal(sim.stats.quota407, 0);
    assert.deepEqual(b.errors.map((e) => e.code), []);
  });

  it('without it the new process calls at once and the server answers 407 (what the store prevents)', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 1 }));
    holdHttp(clock);
    const start = clock.now();
    const a = monitorOn(sim, clock);
    await until(clock, start + 7 * MIN);
    await a.m.stop();
    await a.client.close();
    const b = await restart(sim, clock);
    running.push(b);
    await until(clock, start + 8 * MIN);
    assert.equal(sim.stats.quota407, 1);
    assert.equal(b.errors[0].code, '407');
  });
});
