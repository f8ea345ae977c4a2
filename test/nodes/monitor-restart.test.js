'use strict';
// A restart of Node-RED: process memory (session, quota ledger, monitor state) is gone, the
// server still counts the calls of the last 5 minutes. The account's lasting store (the
// real local store: a file in the user directory) brings back the token, the last polls,
// the energy counters' last good values and the open alarms, through the same path as a
// stop of Node-RED (registry: release, then suspend keeps the token).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { acquireClient, releaseClient, suspendIdleClients } = require('../../dist/src/client/registry');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const { catalogueRules } = require('../../dist/src/api');
const { Monitor } = require('../../dist/src/monitor/monitor');
const { forgetMonitorState } = require('../../dist/src/monitor/state');
const { holdHttp, monitorOptions } = require('../helpers/monitor');

const MIN = 60_000;

/** Starts a monitor over the registry's client, as an account node and a monitor node would. */
/**
 * @param {import('../../dist/src/simulator').Simulator} sim
 * @param {{ dir?: string, api?: 'v7' | 'v6',
 *   node?: Partial<import('../../dist/src/monitor/monitor').MonitorOptions> }} [options]
 */
function monitorOn(sim, { dir, api = 'v7', node = {} } = {}) {
  /** @type {import('../../dist/src/client').ClientConfig} */
  const config = {
    baseUrl: sim.url,
    api,
    username: USER.username,
    password: USER.password,
    quotaWait: 600,
    rules: catalogueRules(),
    store: dir ? { kind: 'local', dir } : undefined,
  };
  const { key, client } = acquireClient(config);
  const errors = [];
  const readings = [];
  const alarms = [];
  const m = new Monitor(monitorOptions(client, node), {
    readings: (l) => readings.push(...l.map((x) => x.payload)),
    alarms: (l) => alarms.push(...l.map((x) => x.payload)),
    status: () => undefined,
    error: (e) => errors.push(e),
  });
  m.start();
  return { key, client, m, errors, readings, alarms };
}

/** Node-RED stops: the monitor closes, the account lets go, the idle session is suspended (token kept). */
async function stopNodeRed(r) {
  await r.m.stop();
  await releaseClient(r.key, { removed: false });
  await suspendIdleClients();
  // The new process knows nothing of this one.
  forgetMonitorState();
  resetLoginGuards();
}

async function until(clock, t) {
  while (clock.now() < t) await clock.sleep(Math.min(MIN, t - clock.now()));
}

/** Wraps the simulator's route for `endpoint`: `edit(answer, now)` may change it. */
function editRoute(sim, endpoint, edit) {
  const route = sim.routes.get(endpoint);
  sim.route(endpoint, (req) => edit(route.handler(req), req.now), route.spec);
}

describe('monitor across a restart of Node-RED (simulator, virtual clock)', function () {
  this.timeout(30_000);
  let sim;
  let dir;
  const running = [];
  beforeEach(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-monitor-restart-'));
  });
  afterEach(async function () {
    for (const r of running.splice(0)) {
      await r.m.stop();
      await releaseClient(r.key, { removed: true });
    }
    await stopSim(sim);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'local store: no call before the last poll says, no new login, no 407, and a glitch right after ' + 'is held back',
    async function () {
      let clock;
      ({ sim, clock } = await virtualSim({ plants: 1 }));
      holdHttp(clock);
      const start = clock.now() + 10 * 60 * MIN; // 10:00 UTC: the day's energy is above 0
      await until(clock, start);
      const a = monitorOn(sim, { dir });
      await until(clock, start + 7 * MIN);
      assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2);
      const lastTotal = a.readings.filter((p) => p.source === 'realtime').at(-1).values.totalEnergy;
      assert.equal(typeof lastTotal, 'number');
      await stopNodeRed(a);
      assert.equal(sim.stats.logins, 1);
      assert.ok(
        fs.readdirSync(path.join(dir)).some((f) => f.endsWith('.json')),
        'the state file was written',
      );

      // The first reading after the restart goes backwards: only the kept counters can tell.
      editRoute(sim, 'vpp/plantRealtimeKpi', (items) => {
        for (const it of items) it.dataItemMap.totalEnergy = lastTotal - 5;
        return items;
      });
      const b = monitorOn(sim, { dir });
      running.push(b);
      await until(clock, start + 9 * MIN);
      assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2, 'no call before the 5 minutes are up');
      await until(clock, start + 10 * MIN + 1000);
      assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 3);
      assert.equal(sim.stats.quota407, 0);
      assert.equal(sim.stats.logins, 1, 'the token of the first process was reused');
      assert.deepEqual(
        b.errors.map((e) => e.code),
        [],
      );
      const after = b.readings.filter((p) => p.source === 'realtime');
      assert.equal(after.length, 1);
      assert.equal(after[0].values.totalEnergy, undefined, 'a total below the one before the restart is not emitted');
      assert.equal(b.m.status().heldBack, 1);
    },
  );

  it('local store (V6 alarms): an alarm raised before the restart is not raised again after it', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 40 }));
    holdHttp(clock);
    const start = clock.now();
    const node = { plantRealtime: false, alarms: true };
    const a = monitorOn(sim, { dir, api: 'v6', node });
    await until(clock, start + 35 * MIN);
    const raised = a.alarms.filter((x) => x.state === 'raised');
    assert.ok(raised.length > 0, 'the first process saw alarms');
    const calls = sim.stats.byEndpoint['thirdData/getAlarmList'];
    await stopNodeRed(a);

    const b = monitorOn(sim, { dir, api: 'v6', node });
    running.push(b);
    await until(clock, start + 62 * MIN);
    assert.equal(
      sim.stats.byEndpoint['thirdData/getAlarmList'],
      calls + 1,
      'the alarm poll kept its 30 minutes across the restart',
    );
    // Alarms of the first process that the list after the restart still shows.
    // The monitor's state is private: the test reads what it kept across the restart.
    const { alarms } = b.m['state'];
    const listed = new Set(alarms ? Object.keys(alarms) : []);
    const still = raised.filter((x) => listed.has(x.key));
    assert.ok(still.length > 0, `some alarms outlive the restart (${raised.length} raised before)`);
    const again = b.alarms.filter((x) => x.state === 'raised' && still.some((s) => s.key === x.key));
    assert.deepEqual(again, [], 'raised again after the restart');
    assert.equal(sim.stats.quota407, 0);
  });

  it(
    'without a store the new process calls at once and the server answers 407 (what the store ' + 'prevents)',
    async function () {
      let clock;
      ({ sim, clock } = await virtualSim({ plants: 1 }));
      holdHttp(clock);
      const start = clock.now();
      const a = monitorOn(sim);
      await until(clock, start + 7 * MIN);
      await stopNodeRed(a);
      const b = monitorOn(sim);
      running.push(b);
      await until(clock, start + 8 * MIN);
      assert.equal(sim.stats.quota407, 1);
      assert.equal(b.errors[0].code, '407');
    },
  );
});
