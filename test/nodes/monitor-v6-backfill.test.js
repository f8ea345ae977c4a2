'use strict';
// A monitor on a V6 account started at 10:00 UTC (a restart in the middle of the day): after
// its first device round it fetches today's 5-minute device history (getDevHistoryKpi, 10
// devices of one type a call) once, when the day's budget leaves room, and emits it as
// history readings at their own times. On the virtual clock against the V6 simulator.
const assert = require('node:assert/strict');
const { startMonitor, runUntil, stopMonitor } = require('../helpers/monitor');
const { fleetOf } = require('../helpers/v6');
const { must } = require('../helpers/must');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 5, 21, 10, 0, 0);

describe('monitor: V6 device history backfill after a restart (virtual clock)', function () {
  this.timeout(60_000);
  let m;
  afterEach(async function () {
    if (m) await stopMonitor(m.sim);
    m = undefined;
  });

  it(
    "fetches today's history of the watched devices once, in calls of 10 devices, then live data " + 'goes on',
    async function () {
      m = await startMonitor({
        at: START,
        sim: { plants: 3 },
        accountExtra: { api: 'v6' },
        node: { plantRealtime: false, deviceTypes: '1', alarms: false, changesOnly: false },
      });
      const inverters = fleetOf(m.sim).ofType(1);
      assert.ok(inverters.length > 0);
      await runUntil(m.clock, START + 2 * HOUR);

      const calls = m.sim.stats.byEndpoint['thirdData/getDevHistoryKpi'];
      assert.equal(calls, Math.ceil(inverters.length / 10), 'one call per 10 inverters, once');
      assert.equal(m.sim.stats.quota407, 0);
      const history = m.out.map((o) => o.msg.payload).filter((p) => p.source === 'history' && p.kind === 'device');
      const live = m.out.map((o) => o.msg.payload).filter((p) => p.source === 'realtime' && p.kind === 'device');
      // The earliest local midnight of the three plants: today for each of them.
      const since = Math.min(
        ...m.sim.fleet.plants.map((p) => Math.floor((START + p.tzOffsetMin * MIN) / DAY) * DAY - p.tzOffsetMin * MIN),
      );
      for (const d of inverters) {
        const times = history.filter((p) => p.code === String(d.id)).map((p) => p.time);
        assert.ok(
          times.length >= (START - since) / (5 * MIN) - 2,
          `${d.id}: ${times.length} history points since ${new Date(since).toISOString()}`,
        );
        assert.ok(
          times.every((t) => t >= since && t <= START + 2 * HOUR),
          `${d.id}: a point outside today`,
        );
        assert.equal(new Set(times).size, times.length, `${d.id}: a point twice`);
      }
      assert.ok(
        live.length >= inverters.length * 20,
        `${live.length} live device readings: the backfill did not stop them`,
      );
      // The first live round came before the backfill: live data first, the past after it.
      const firstHistory = must(
        m.out.find((o) => o.msg.payload.source === 'history'),
        'm.out.find((o) => o.msg.payload.source === "history")',
      ).at;
      const firstLive = must(
        m.out.find((o) => o.msg.payload.source === 'realtime'),
        'm.out.find((o) => o.msg.payload.source === "realtime")',
      ).at;
      assert.ok(firstLive <= firstHistory);
    },
  );

  it("skips the backfill when the day's device history budget has no room for it", async function () {
    // A custom daily budget of 1 history call: the backfill would take all of it, not at most half.
    const quotaCustom = JSON.stringify({
      'thirdData/getDevHistoryKpi': { limits: [{ count: 1, windowMs: DAY, kind: 'day' }] },
    });
    m = await startMonitor({
      at: START,
      sim: { plants: 3 },
      accountExtra: { api: 'v6', quotaProfile: 'custom', quotaCustom },
      node: { plantRealtime: false, deviceTypes: '1', alarms: false },
    });
    await runUntil(m.clock, START + HOUR);
    const history = m.out.map((o) => o.msg.payload).filter((p) => p.source === 'history');
    // One call needed, a budget of 1: more than half of what is left.
    assert.equal(m.sim.stats.byEndpoint['thirdData/getDevHistoryKpi'] ?? 0, 0);
    assert.deepEqual(history, []);
    assert.ok(
      m.out.some((o) => o.msg.payload.source === 'realtime'),
      'live data goes on',
    );
  });
});
