'use strict';
// One simulated day of the monitor for a fleet, and the checks every fleet must pass: the
// quota's best freshness per endpoint, calls as the quota allows, no 407, a user's own call
// every 10 minutes served, energy counters that never go backwards (daily ones restart only at
// their plant's local midnight), and injected glitches held back, counted, never emitted.
// test/nodes/monitor-fleet.test.js runs the small fleets, test/fleet/ the big ones.
const assert = require('node:assert/strict');
const { helper } = require('./flow');
const { startMonitor, stopMonitor, refreshTimes, maxGap, rounds } = require('./monitor');
const { fleetOf } = require('./v6');
const { fieldsOf } = require('../../dist/src/monitor/fields');
const { must } = require('./must');

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const WATCHED = [1, 38, 17, 39, 47];

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

/**
 * Per interface: the quota's best round, the plant real-time endpoint, its counters' names and
 * whether its numbers come as text.
 * @typedef {{ period: (plants: number) => number, endpoint: string, total: string, daily: string,
 *   text: boolean }} FleetNames
 */

/** A glitch put into one plant's answer: which plant, at what time, in which field. */
/** @typedef {{ code: string, time: number, field: string }} Glitch */

/**
 * The quota's best round for plant real-time: Roundup(plants/100) calls per 5 minutes (both
 * interfaces), and V6's getStationRealKpi takes one call a minute besides (thirddata-notes):
 * 1000 plants need 10 minutes a round there.
 * @type {FleetNames}
 */
const V6 = {
  period: (plants) => Math.max(5, Math.ceil(plants / 100)) * MIN,
  endpoint: 'thirdData/getStationRealKpi',
  total: 'total_power',
  daily: 'day_power',
  text: true,
};
/** @type {FleetNames} */
const V7 = {
  period: () => 5 * MIN,
  endpoint: 'vpp/plantRealtimeKpi',
  total: 'totalEnergy',
  daily: 'dayEnergy',
  text: false,
};

/**
 * Glitches the simulator's plant real-time answers: for three plants (three time zones), the
 * first four answers from their local 13:00 on carry, in turn, a daily counter of 0, a total
 * of "N/A", a total 50 kWh lower and a daily counter of null. Returns what was injected.
 * @param {TestSim} sim
 * @param {FleetNames} names
 * @param {number} start
 */
function injectGlitches(sim, names, start) {
  // The route table is private: the glitches wrap the route the simulator serves.
  const routes =
    /** @type {{ routes: Map<string, { handler: import('../../dist/src/simulator/types').Handler,
     *   spec?: import('../../dist/src/simulator/types').RouteSpec }> }} */ (/** @type {unknown} */ (sim)).routes;
  const route = must(routes.get(names.endpoint), names.endpoint);
  /** @type {Map<number, import('../../dist/src/simulator').SimPlant>} */
  const zones = new Map();
  for (const p of sim.fleet.plants) if (!zones.has(p.tzOffsetMin) && zones.size < 3) zones.set(p.tzOffsetMin, p);
  const targets = new Map(
    [...zones.values()].map((p) => {
      const local13 = Math.ceil((start + p.tzOffsetMin * MIN - 13 * 60 * MIN) / DAY) * DAY + 13 * 60 * MIN;
      return [p.plantCode, { from: local13 - p.tzOffsetMin * MIN, done: 0 }];
    }),
  );
  const asText = (/** @type {unknown} */ v) => (names.text && typeof v === 'number' ? String(v) : v);
  /** @type {Array<(d: Record<string, unknown>) => { field: string, set: () => unknown }>} */
  const edits = [
    (d) => ({ field: names.daily, set: () => (d[names.daily] = asText(0)) }),
    (d) => ({ field: names.total, set: () => (d[names.total] = 'N/A') }),
    (d) => ({ field: names.total, set: () => (d[names.total] = asText(Number(d[names.total]) - 50)) }),
    (d) => ({ field: names.daily, set: () => (d[names.daily] = null) }),
  ];
  /** @type {Glitch[]} */
  const injected = [];
  /** @type {Map<string, Glitch>} */
  const at = new Map();
  sim.route(
    names.endpoint,
    async (req) => {
      const items = await route.handler(req);
      // The plant real-time answer: one item per plant with its data map.
      /** @type {Array<{ plantCode?: string, stationCode?: string, dataItemMap: Record<string, unknown> }>} */
      const list = Array.isArray(items) ? items : [];
      for (const it of list) {
        const code = String(it.plantCode ?? it.stationCode);
        const t = targets.get(code);
        if (!t || req.now < t.from || t.done >= edits.length) continue;
        const e = edits[t.done++](it.dataItemMap);
        e.set();
        const g = { code, time: req.now, field: e.field };
        injected.push(g);
        at.set(`${g.code}@${g.time}`, g);
      }
      return items;
    },
    route.spec,
  );
  return { injected, at, zones: [...zones.keys()] };
}

/**
 * Checks each emitted reading as it comes: counters of plants and devices, glitches leaked.
 * @param {Map<string, number>} offsets
 * @param {FleetNames} names
 * @param {{ at: Map<string, Glitch> }} glitches
 */
function counterWatch(offsets, names, glitches) {
  /** @type {Map<string, Record<string, number>>} */
  const last = new Map();
  const w = {
    /** @type {Map<string, number>} */
    readings: new Map(),
    /** @type {Map<string, number>} */
    devices: new Map(),
    /** @type {Array<{ state: string, key: string }>} */
    alarms: [],
    /** @type {string[]} */
    violations: [],
    /** @type {Set<number | undefined>} */
    resets: new Set(),
    matched: 0,
    /** @type {(output: number, msg: TestMessage) => void} */
    tap: () => undefined,
  };
  const counters = (/** @type {Parameters<typeof fieldsOf>[0]} */ p) => {
    const meta = fieldsOf(p, names === V6 ? 'v6' : 'v7');
    return Object.keys(meta).filter((k) => meta[k].counter);
  };
  /** @type {Map<string, string[]>} */
  const kinds = new Map();
  w.tap = (output, msg) => {
    if (output === 1) return void w.alarms.push(msg.payload);
    const p = msg.payload;
    if (p.source !== 'realtime') return;
    const seen = p.kind === 'device' ? w.devices : w.readings;
    seen.set(p.code, (seen.get(p.code) || 0) + 1);
    const g = glitches.at.get(`${p.code}@${p.time}`);
    if (g) {
      w.matched++;
      if (p.values[g.field] !== undefined)
        w.violations.push(`${p.code} glitch ${g.field}=${p.values[g.field]} emitted`);
    }
    const key = `${p.kind}:${p.code}`;
    if (!kinds.has(key)) kinds.set(key, counters(p));
    const prev = last.get(key);
    const off = (offsets.get(p.plantCode) ?? NaN) * MIN;
    /** @type {Record<string, number>} */
    const now = { time: p.time };
    for (const name of must(kinds.get(key), key)) {
      const v = p.values[name];
      const before = prev?.[name];
      now[name] = v ?? before;
      if (v === undefined || before === undefined || v >= before) continue;
      const counter = fieldsOf(p, names === V6 ? 'v6' : 'v7')[name].counter;
      // A value read at the instant of midnight still sums the day that ended.
      const newDay = Math.floor((p.time + off) / DAY) > Math.floor((must(prev, key).time - 1 + off) / DAY);
      if (counter !== 'lifetime' && newDay) {
        if (p.kind === 'plant' && name === names.daily) w.resets.add(offsets.get(p.plantCode));
        continue;
      }
      w.violations.push(`${key} ${name} ${before} -> ${v} at ${new Date(p.time).toISOString()}`);
    }
    last.set(key, now);
  };
  return w;
}

/**
 * 24 simulated hours of a monitor on `plants` plants (`api` v6: devices of types
 * 1,38,17,39,47 and alarms too), with a plant-data node's realtimeKpi call every 10 minutes.
 */
/**
 * @param {number} plants
 * @param {'v6' | 'v7'} api
 */
async function day(plants, api) {
  /** @type {ReturnType<typeof counterWatch> | undefined} */
  let watch;
  const v6 = api === 'v6';
  const names = v6 ? V6 : V7;
  const m = await startMonitor({
    sim: { plants },
    flowExtra: manualFlow,
    // The request deadline is real time: a loaded machine must not turn a slow answer into a lost call.
    accountExtra: { timeout: 600, ...(v6 ? { api: 'v6' } : {}) },
    node: v6 ? { deviceTypes: WATCHED.join(','), alarms: true } : {},
    tap: (output, msg) => must(watch, 'the counter watch').tap(output, msg),
  });
  const start = m.clock.now();
  const glitches = injectGlitches(m.sim, names, start);
  watch = counterWatch(new Map(m.sim.fleet.plants.map((p) => [p.plantCode, p.tzOffsetMin])), names, glitches);
  /** @type {Array<{ at: number, error?: TestMessage['error'] }>} */
  const manual = [];
  helper.getNode('completed').on('input', () => manual.push({ at: m.clock.now() }));
  helper.getNode('caught').on('input', (msg) => manual.push({ at: m.clock.now(), error: msg.error }));
  const sentAt = [];
  // Off the monitor's beat: each manual call waits for the next free slot of the budget.
  for (let t = start + 10 * MIN + 97_000; t < start + DAY; t += 10 * MIN) {
    while (m.clock.now() < t) await m.clock.sleep(t - m.clock.now());
    helper.getNode('manual').receive({ payload: {} });
    sentAt.push(m.clock.now());
  }
  while (m.clock.now() < start + DAY) await m.clock.sleep(start + DAY - m.clock.now());
  const end = m.clock.now();
  const answers = m.answers.slice();
  const stats = JSON.parse(JSON.stringify(m.sim.stats));
  const status = m.statuses[m.statuses.length - 1];
  // The last manual call may still be on its way through the budget at the day's end (at 1000
  // V6 plants its 10 calls take 10 minutes): it is served after it, as it would be.
  while (manual.length < sentAt.length && m.clock.now() < end + 30 * MIN) await m.clock.sleep(MIN);
  /** @type {Map<number, number>} */
  const types = new Map();
  if (v6) for (const d of fleetOf(m.sim).all) types.set(d.devTypeId, (types.get(d.devTypeId) || 0) + 1);
  const result = { m, start, end, answers, manual, sent: sentAt.length, sentAt, watch, glitches, types, status, stats };
  await stopMonitor(m.sim);
  return result;
}

/**
 * The mocha suite of one fleet; `timeout` covers a machine under load, not the usual run time.
 * @param {number} plants
 * @param {'v6' | 'v7'} api
 * @param {number} timeout
 */
function describeDay(plants, api, timeout) {
  const names = api === 'v6' ? V6 : V7;
  const what = `${api.toUpperCase()}${api === 'v6' ? ' with devices and alarms' : ''}`;
  const title = `monitor: 24 simulated hours, ${plants} plant${plants === 1 ? '' : 's'} (${what})`;
  describe(title, function () {
    this.timeout(timeout);
    /** @type {Awaited<ReturnType<typeof day>>} */
    let r;
    before(async function () {
      r = await day(plants, api);
    });

    const period = names.period(plants);
    const every = `every ${period / MIN} minutes`;
    it(`refreshes every plant ${every} from the first round on: 100% of the quota's best`, function () {
      const times = refreshTimes(r.answers);
      assert.equal(times.size, plants);
      const first = Math.min(...[...times.values()].map((t) => t[0]));
      for (const [code, t] of times) {
        // Each plant from its own first refresh: a round of 10 calls at one a minute reaches
        // the last chunk 9 minutes after the first, and 24 hours hold no more refreshes for it.
        const best = rounds(t[0], r.end, period);
        assert.ok(t[0] - first < period, `${code}: first refreshed ${(t[0] - first) / MIN} min after the first plant`);
        assert.ok(maxGap(t) <= period, `${code}: longest gap ${maxGap(t) / MIN} min`);
        assert.ok(t.length >= best, `${code}: ${t.length} refreshes of ${best}`);
      }
      // The first round waits only for the plant list (one page a minute).
      assert.ok(first - r.start <= Math.ceil(plants / 100) * MIN, `first round after ${(first - r.start) / MIN} min`);
    });

    it(`spends what the quota allows: Roundup(plants/100) real-time calls ${every}, no 407`, function () {
      const perRound = Math.ceil(plants / 100);
      const calls = r.stats.byEndpoint[names.endpoint];
      const answers = r.answers.filter((a) => a.operation === 'realtimeKpi');
      assert.equal(answers.length, calls);
      const first = answers[0].at;
      const slots = Math.floor((r.end - first) / period) + 1;
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
    });

    if (api === 'v6') {
      it("refreshes each watched device every 5 minutes (the quota's best per type), alarms every 30", function () {
        const devices = refreshTimes(r.answers, 'deviceRealtimeKpi');
        const watched = WATCHED.reduce((n, t) => n + (r.types.get(t) || 0), 0);
        assert.equal(devices.size, watched, `${devices.size} of ${watched} devices`);
        const first = Math.min(...[...devices.values()].map((t) => t[0]));
        for (const [id, t] of devices) {
          assert.ok(maxGap(t) <= 5 * MIN, `${id}: longest gap ${maxGap(t) / MIN} min`);
          assert.ok(t.length >= rounds(first, r.end), `${id}: ${t.length} refreshes`);
        }
        // Roundup(devices of the type/100) calls per type and 5 minutes, every round.
        const perRound = WATCHED.reduce((n, t) => n + Math.ceil((r.types.get(t) || 0) / 100), 0);
        const calls = r.stats.byEndpoint['thirdData/getDevRealKpi'];
        const slots = Math.floor((r.end - first) / (5 * MIN)) + 1;
        assert.ok(
          calls <= slots * perRound && calls >= (slots - 1) * perRound,
          `${calls} device calls for ${slots} windows of ${perRound}`,
        );
        const alarmCalls = r.stats.byEndpoint['thirdData/getAlarmList'];
        assert.ok(
          alarmCalls >= 47 * Math.ceil(plants / 100) && alarmCalls <= 48 * Math.ceil(plants / 100),
          `${alarmCalls} alarm calls`,
        );
        assert.equal(r.watch.devices.size, watched, 'device readings were emitted');
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

    it("serves the user's own realtimeKpi call every 10 minutes; its answer is the monitor's reading", function () {
      assert.equal(r.manual.length, r.sent);
      // In turn: behind at most one round (the monitor's or the previous manual call) and its own calls.
      const longest = Math.max(...r.manual.map((x, i) => x.at - r.sentAt[i]));
      const bound = 2 * period + Math.ceil(plants / 100) * MIN;
      assert.ok(longest <= bound, `a manual call took ${longest / MIN} min (at most ${bound / MIN})`);
      assert.deepEqual(
        r.manual.filter((x) => x.error).map((x) => must(x.error, 'the error').code),
        [],
      );
    });

    it("energy counters never go backwards; daily ones restart only at their plant's local midnight", function () {
      assert.deepEqual(r.watch.violations, []);
      if (plants >= 120)
        assert.ok(r.watch.resets.size >= 3, `midnight resets seen in ${[...r.watch.resets].join(', ')}`);
    });

    it('holds back every glitch (0, "N/A", a lower total, null between readings), counted in the status', function () {
      const { injected, zones } = r.glitches;
      assert.equal(injected.length, 4 * zones.length, `${injected.length} glitches in ${zones.length} zones`);
      assert.equal(r.watch.matched, injected.length, 'each glitched answer reached the output');
      // The status counts what was held back: these glitches and nothing else.
      const status = must(r.status, 'the last status');
      assert.match(must(status.text, 'the status text'), new RegExp(` held ${injected.length}$`), status.text);
      assert.equal(status.fill, 'yellow');
    });
  });
}

module.exports = { day, describeDay, counterWatch, injectGlitches };
