'use strict';
// The monitor over 24 simulated hours: fleets of 1, 120 and 1000 plants on the V7 simulator,
// with a user's own realtimeKpi call (a plant-data node) every 10 minutes on the same budget.
// Every plant is refreshed every 5 minutes (the quota's best), calls per endpoint are what
// the quota allows, no 407, every manual call is served, energy counters never go backwards
// except a daily counter at its plant's local midnight.
const assert = require('node:assert/strict');
const { helper } = require('../helpers/flow');
const { startMonitor, stopMonitor, refreshTimes, maxGap } = require('../helpers/monitor');

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const manualFlow = [
  {
    id: 'manual',
    type: 'fusionsolar-plant-data',
    account: 'acc',
    operation: 'realtimeKpi',
    allPlants: true,
    split: false,
    wires: [[]],
  },
];

/** Checks each emitted plant reading as it comes: counters, zones whose midnight passed. */
function counterWatch(offsets, names) {
  const last = new Map();
  const w = { readings: new Map(), devices: new Map(), alarms: [], violations: [], resets: new Set() };
  w.tap = (output, msg) => {
    if (output === 1) return void w.alarms.push(msg.payload);
    if (msg.payload.source !== 'realtime') return;
    const p = msg.payload;
    if (p.kind === 'device') return void w.devices.set(p.code, (w.devices.get(p.code) || 0) + 1);
    w.readings.set(p.code, (w.readings.get(p.code) || 0) + 1);
    const prev = last.get(p.code);
    const v = { totalEnergy: p.values[names.total], dayEnergy: p.values[names.daily] };
    if (prev) {
      const off = offsets.get(p.code) * MIN;
      const newDay = Math.floor((p.time + off) / DAY) > Math.floor((prev.time + off) / DAY);
      if (v.totalEnergy < prev.totalEnergy)
        w.violations.push(`${p.code} totalEnergy ${prev.totalEnergy} -> ${v.totalEnergy}`);
      if (v.dayEnergy < prev.dayEnergy && !newDay)
        w.violations.push(
          `${p.code} dayEnergy ${prev.dayEnergy} -> ${v.dayEnergy} at ${new Date(p.time).toISOString()}`,
        );
      if (v.dayEnergy < prev.dayEnergy && newDay) w.resets.add(offsets.get(p.code));
    }
    last.set(p.code, {
      time: p.time,
      totalEnergy: v.totalEnergy ?? prev?.totalEnergy,
      dayEnergy: v.dayEnergy ?? prev?.dayEnergy,
    });
  };
  return w;
}

const V6 = { op: 'realtimeKpi', endpoint: 'thirdData/getStationRealKpi', total: 'total_power', daily: 'day_power' };
const V7 = { op: 'realtimeKpi', endpoint: 'vpp/plantRealtimeKpi', total: 'totalEnergy', daily: 'dayEnergy' };

async function day(plants, api) {
  let watch;
  const v6 = api === 'v6';
  const m = await startMonitor({
    sim: { plants },
    flowExtra: manualFlow,
    accountExtra: v6 ? { api: 'v6' } : {},
    node: v6 ? { deviceTypes: '1,38,17,39,47', alarms: true } : {},
    tap: (...a) => watch.tap(...a),
  });
  watch = counterWatch(new Map(m.sim.fleet.plants.map((p) => [p.plantCode, p.tzOffsetMin])), v6 ? V6 : V7);
  const start = m.clock.now();
  const manual = [];
  helper.getNode('completed').on('input', () => manual.push({ at: m.clock.now() }));
  helper.getNode('caught').on('input', (msg) => manual.push({ at: m.clock.now(), error: msg.error }));
  let sent = 0;
  // Off the monitor's beat: each manual call waits for the next free slot of the budget.
  for (let t = start + 10 * MIN + 97_000; t < start + DAY; t += 10 * MIN) {
    while (m.clock.now() < t) await m.clock.sleep(t - m.clock.now());
    helper.getNode('manual').receive({ payload: {} });
    sent++;
  }
  while (m.clock.now() < start + DAY) await m.clock.sleep(start + DAY - m.clock.now());
  const result = { m, start, end: m.clock.now(), manual, sent, watch, stats: JSON.parse(JSON.stringify(m.sim.stats)) };
  await stopMonitor(m.sim);
  return result;
}

// V6 with devices costs the simulator five device readings per plant and round: its larger
// fleets run in npm run bench:monitor (v6:120, v6:1000), not in every npm test.
/** @type {Array<[number, 'v7' | 'v6', number]>} */
const FLEETS = [
  [1, 'v7', 60_000],
  [120, 'v7', 120_000],
  [1000, 'v7', 300_000],
  [1, 'v6', 120_000],
];
for (const [plants, api, timeout] of FLEETS) {
  const names = api === 'v6' ? V6 : V7;
  describe(
    `monitor: 24 simulated hours, ${plants} plant${plants === 1 ? '' : 's'} ` +
      `(${api.toUpperCase()}${api === 'v6' ? ' with devices and alarms' : ''})`,
    function () {
      this.timeout(timeout);
      let r;
      before(async function () {
        r = await day(plants, api);
      });

      it("refreshes every plant every 5 minutes from the first round on: 100% of the quota's best", function () {
        const times = refreshTimes(r.m.answers);
        assert.equal(times.size, plants);
        const first = Math.min(...[...times.values()].map((t) => t[0]));
        // Rounds in [first, end): one per 5 minutes.
        const best = Math.ceil((r.end - first) / (5 * MIN));
        for (const [code, t] of times) {
          assert.ok(maxGap(t) <= 5 * MIN, `${code}: longest gap ${maxGap(t) / MIN} min`);
          assert.ok(t.length >= best, `${code}: ${t.length} refreshes of ${best}`);
        }
        // The first round waits only for the plant list (one page a minute).
        assert.ok(first - r.start <= Math.ceil(plants / 100) * MIN, `first round after ${(first - r.start) / MIN} min`);
      });

      it(
        'spends exactly what the quota allows: Roundup(plants/100) real-time calls per 5 minutes, ' + 'no 407',
        function () {
          const perRound = Math.ceil(plants / 100);
          const calls = r.stats.byEndpoint[names.endpoint];
          const answers = r.m.answers.filter((a) => a.operation === 'realtimeKpi');
          assert.equal(answers.length, calls);
          const first = answers[0].at;
          const slots = Math.floor((r.end - first) / (5 * MIN)) + 1;
          assert.ok(
            calls <= slots * perRound && calls >= (slots - 1) * perRound,
            `${calls} calls for ${slots} windows of ${perRound}`,
          );
          assert.equal(r.stats.quota407, 0);
          assert.equal(r.stats.logins, 1);
          if (api === 'v7') {
            // Plant list every 6 hours; history backfill once, within half the day's budget.
            assert.equal(r.stats.byEndpoint.plants, Math.ceil(plants / 100) * 4);
            assert.ok((r.stats.byEndpoint['vpp/plantHistoryKpi'] ?? 0) <= (Math.ceil(plants / 100) + 24) / 2);
          }
        },
      );

      if (api === 'v6') {
        it('refreshes every device of the watched types every 5 minutes, and alarms every 30 minutes', function () {
          const devices = refreshTimes(r.m.answers, 'deviceRealtimeKpi');
          assert.ok(devices.size >= plants * 2, `${devices.size} devices`);
          const first = Math.min(...[...devices.values()].map((t) => t[0]));
          for (const [id, t] of devices) {
            assert.ok(maxGap(t) <= 5 * MIN, `${id}: longest gap ${maxGap(t) / MIN} min`);
            assert.ok(t.length >= Math.ceil((r.end - first) / (5 * MIN)), `${id}: ${t.length} refreshes`);
          }
          const alarmCalls = r.stats.byEndpoint['thirdData/getAlarmList'];
          assert.ok(
            alarmCalls >= 47 * Math.ceil(plants / 100) && alarmCalls <= 48 * Math.ceil(plants / 100),
            `${alarmCalls} alarm calls`,
          );
          assert.ok(r.watch.devices.size >= plants * 2, 'device readings were emitted');
          const raised = r.watch.alarms.filter((a) => a.state === 'raised');
          const cleared = r.watch.alarms.filter((a) => a.state === 'cleared');
          assert.ok(raised.length > 0 && cleared.length > 0, `${raised.length} raised, ${cleared.length} cleared`);
          assert.ok(
            cleared.every((c) => raised.some((a) => a.key === c.key)),
            'only raised alarms clear',
          );
          assert.equal(new Set(raised.map((a) => a.key)).size, raised.length, 'each alarm raised once');
        });
      }

      it(
        "serves the user's own realtimeKpi call every 10 minutes, and counts its answer as the " + "monitor's reading",
        function () {
          assert.equal(r.manual.length, r.sent);
          assert.deepEqual(
            r.manual.filter((x) => x.error).map((x) => x.error.code),
            [],
          );
        },
      );

      it("energy counters never go backwards; daily ones restart only at their plant's local midnight", function () {
        assert.deepEqual(r.watch.violations, []);
        if (plants >= 120)
          assert.ok(r.watch.resets.size >= 3, `midnight resets seen in ${[...r.watch.resets].join(', ')}`);
      });
    },
  );
}
