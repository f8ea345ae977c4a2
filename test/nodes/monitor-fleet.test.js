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
  { id: 'manual', type: 'fusionsolar-plant-data', account: 'acc', operation: 'realtimeKpi', allPlants: true, split: false, wires: [[]] },
];

/** Checks each emitted plant reading as it comes: counters, zones whose midnight passed. */
function counterWatch(offsets) {
  const last = new Map();
  const w = { readings: new Map(), violations: [], resets: new Set() };
  w.tap = (output, msg) => {
    if (output !== 0 || msg.payload.source !== 'realtime') return;
    const p = msg.payload;
    w.readings.set(p.code, (w.readings.get(p.code) || 0) + 1);
    const prev = last.get(p.code);
    const v = p.values;
    if (prev) {
      const off = offsets.get(p.code) * MIN;
      const newDay = Math.floor((p.time + off) / DAY) > Math.floor((prev.time + off) / DAY);
      if (v.totalEnergy < prev.totalEnergy) w.violations.push(`${p.code} totalEnergy ${prev.totalEnergy} -> ${v.totalEnergy}`);
      if (v.dayEnergy < prev.dayEnergy && !newDay) w.violations.push(`${p.code} dayEnergy ${prev.dayEnergy} -> ${v.dayEnergy} at ${new Date(p.time).toISOString()}`);
      if (v.dayEnergy < prev.dayEnergy && newDay) w.resets.add(offsets.get(p.code));
    }
    last.set(p.code, { time: p.time, totalEnergy: v.totalEnergy ?? prev?.totalEnergy, dayEnergy: v.dayEnergy ?? prev?.dayEnergy });
  };
  return w;
}

async function day(plants) {
  let watch;
  const m = await startMonitor({ sim: { plants }, flowExtra: manualFlow, tap: (...a) => watch.tap(...a) });
  watch = counterWatch(new Map(m.sim.fleet.plants.map((p) => [p.plantCode, p.tzOffsetMin])));
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

for (const [plants, timeout] of [[1, 60_000], [120, 120_000], [1000, 300_000]]) {
  describe(`monitor: 24 simulated hours, ${plants} plant${plants === 1 ? '' : 's'} (V7)`, function () {
    this.timeout(timeout);
    let r;
    before(async function () {
      r = await day(plants);
    });

    it('refreshes every plant every 5 minutes from the first round on: 100% of the quota\'s best', function () {
      const times = refreshTimes(r.m.answers);
      assert.equal(times.size, plants);
      const first = Math.min(...[...times.values()].map((t) => t[0]));
      const best = Math.floor((r.end - first) / (5 * MIN)) + 1;
      for (const [code, t] of times) {
        assert.ok(maxGap(t) <= 5 * MIN, `${code}: longest gap ${maxGap(t) / MIN} min`);
        assert.ok(t.length >= best - 1, `${code}: ${t.length} refreshes of ${best}`);
      }
      // The first round waits only for the plant list (one page a minute).
      assert.ok(first - r.start <= Math.ceil(plants / 100) * MIN, `first round after ${(first - r.start) / MIN} min`);
    });

    it('spends exactly what the quota allows: Roundup(plants/100) real-time calls per 5 minutes, no 407', function () {
      const perRound = Math.ceil(plants / 100);
      const calls = r.stats.byEndpoint['vpp/plantRealtimeKpi'];
      const answers = r.m.answers.filter((a) => a.operation === 'realtimeKpi');
      assert.equal(answers.length, calls);
      const first = answers[0].at;
      const slots = Math.floor((r.end - first) / (5 * MIN)) + 1;
      assert.ok(calls <= slots * perRound && calls >= (slots - 1) * perRound, `${calls} calls for ${slots} windows of ${perRound}`);
      assert.equal(r.stats.quota407, 0);
      assert.equal(r.stats.logins, 1);
      // Plant list: once at start; history backfill once, within half the day's budget.
      assert.equal(r.stats.byEndpoint.plants, Math.ceil(plants / 100) * 4);
      assert.ok((r.stats.byEndpoint['vpp/plantHistoryKpi'] ?? 0) <= (Math.ceil(plants / 100) + 24) / 2);
    });

    it('serves the user\'s own realtimeKpi call every 10 minutes, and counts its answer as the monitor\'s reading', function () {
      assert.equal(r.manual.length, r.sent);
      assert.deepEqual(r.manual.filter((x) => x.error).map((x) => x.error.code), []);
    });

    it('energy counters never go backwards; daily ones restart only at their plant\'s local midnight', function () {
      assert.deepEqual(r.watch.violations, []);
      if (plants >= 120) assert.ok(r.watch.resets.size >= 3, `midnight resets seen in ${[...r.watch.resets].join(', ')}`);
    });
  });
}
