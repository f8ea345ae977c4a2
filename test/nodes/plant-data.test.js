'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { must } = require('../helpers/must');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HISTORY = 'vpp/plantHistoryKpi';
/** @type {import('../../dist/src/simulator').SimUser} */
const RAW = { username: 'raw-reader', password: 'raw-Passw0rd!', scope: 'all' };

const dataNode = (extra = {}) => ({ type: 'fusionsolar-plant-data', operation: 'realtimeKpi', ...extra });

/** What the server itself sends, for a second user so the node's quota is untouched. */
async function rawCall(sim, endpoint, body) {
  const base = `${sim.url}/rest/openapi/pvms/v1/`;
  const login = await fetch(`${base}login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: RAW.username, systemCode: RAW.password }),
  });
  const token = login.headers.get('xsrf-token');
  const res = await fetch(base + endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'xsrf-token': String(token) },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** Every raw "N/A" became null and every numeric string a number; returns how many of each. */
function compareNormalised(raw, out) {
  let na = 0;
  let strings = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (v === 'N/A') {
      assert.equal(out[k], null, k);
      na++;
    } else if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) && k !== 'dataTime') {
      assert.equal(out[k], Number(v), k);
      strings++;
    }
  }
  return { na, strings };
}

describe('fusionsolar-plant-data node (simulator over HTTP)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  async function start(node, opts = {}) {
    ({ sim, clock } = await virtualSim({ plants: 3, users: [USER, RAW], ...opts }));
    await load(flowWith(sim, dataNode(node)), credentials());
    return harness();
  }
  const codes = () => sim.fleet.plants.map((p) => p.plantCode);

  it("returns 250 plants' real-time KPI from 3 calls as 250 items", async function () {
    const h = await start({}, { plants: 250 });
    const r = await h.send({ payload: { plantCodes: codes() } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const msg = r.out[0];
    assert.equal(msg.payload.length, 250);
    assert.deepEqual(
      msg.payload.map((p) => p.plantCode),
      codes(),
    );
    assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').calls, 3);
    assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 3);
    assert.equal(sim.stats.quota407, 0);
    for (const { dataItemMap: m } of msg.payload) {
      for (const k of [
        'dayEnergy',
        'monthEnergy',
        'totalEnergy',
        'pvPower',
        'meterPower',
        'loadPower',
        'batteryPower',
        'healthState',
      ])
        assert.equal(typeof m[k], 'number', k);
      assert.ok(m.batterySOC === null || (m.batterySOC >= 0 && m.batterySOC <= 100));
    }
  });

  it(
    'makes 3 calls for a 72-hour history and returns 864 points per plant, in order, without ' + 'duplicates',
    async function () {
      const h = await start({ operation: 'historyKpi' });
      const now = clock.now();
      const r = await h.send({
        payload: { plantCodes: codes(), startTime: now - 72 * HOUR, endTime: new Date(now).toISOString() },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.equal(sim.stats.byEndpoint[HISTORY], 3);
      assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 3);
      assert.deepEqual(
        r.out[0].payload.map((p) => p.plantCode),
        codes(),
      );
      for (const plant of r.out[0].payload) {
        assert.equal(plant.dataItem.length, 864);
        const times = plant.dataItem.map((p) => p.time);
        assert.equal(new Set(times).size, 864);
        for (let i = 1; i < times.length; i++) assert.equal(times[i] - times[i - 1], 5 * 60_000);
        assert.equal(times[0], now - 72 * HOUR);
        assert.ok(plant.dataItem.every((p) => typeof p.dataTime === 'string' && typeof p.pvEnergy === 'number'));
      }
    },
  );

  it('turns numeric strings and "N/A" from the server into numbers and null', async function () {
    const h = await start({});
    const code = codes()[1]; // the simulator's plant index 1 sends strings and "N/A"
    clock.advance(12 * HOUR);
    const now = clock.now();
    const body = { plantCodes: code, startTime: now - DAY, endTime: now };
    const raw = await rawCall(sim, HISTORY, body);
    const r = await h.send({ operation: 'historyKpi', payload: body });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const rawPoints = raw.data[0].dataItem;
    const points = r.out[0].payload[0].dataItem;
    assert.equal(points.length, rawPoints.length);
    let seen = { na: 0, strings: 0 };
    rawPoints.forEach((p, i) => {
      const c = compareNormalised(p, points[i]);
      seen = { na: seen.na + c.na, strings: seen.strings + c.strings };
      assert.equal(points[i].dataTime, p.dataTime);
    });
    assert.ok(seen.na > 0 && seen.strings > 0, JSON.stringify(seen));

    const rawRt = await rawCall(sim, 'vpp/plantRealtimeKpi', { plantCodes: code });
    const rt = await h.send({ operation: 'realtimeKpi', payload: { plantCodes: [code] } });
    const map = rt.out[0].payload[0].dataItemMap;
    assert.ok(compareNormalised(rawRt.data[0].dataItemMap, map).strings > 5);
    // The example's "pmeterPower" also fills the table's "meterPower".
    assert.equal(typeof rawRt.data[0].dataItemMap.pmeterPower, 'string');
    assert.equal(map.meterPower, Number(rawRt.data[0].dataItemMap.pmeterPower));
  });

  it('leaves the 365-day rule to the server: a day 400 days ago is answered 20026', async function () {
    const h = await start({ operation: 'historyKpi' });
    const now = clock.now();
    const r = await h.send({ payload: { plantCodes: codes(), startTime: now - 400 * DAY, endTime: now - 399 * DAY } });
    assert.equal(must(r.error, 'r.error').code, '20026');
    assert.equal(r.out.length, 0);
    assert.equal(sim.stats.byEndpoint['vpp/plantHistoryKpi'], 1);
  });

  it('fails a backfill larger than the daily history quota before any call', async function () {
    const h = await start({ operation: 'historyKpi' });
    const now = clock.now();
    const r = await h.send({ payload: { plantCodes: codes(), startTime: now - 60 * DAY, endTime: now } });
    assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
    assert.match(must(r.error, 'r.error').message, /needs 60 calls .* allows 25 calls a day .*at most 25 days/);
    assert.equal(sim.stats.requests, 0);
  });

  it("day energy of realtimeKpi equals the sum of the day's 5-minute pvEnergy of historyKpi", async function () {
    const h = await start({});
    clock.advance(13 * HOUR + 7 * 60_000); // mid-slot, daylight in Europe and Asia
    const rt = await h.send({ payload: { plantCodes: codes() } });
    const hist = await h.send({ operation: 'historyKpi', payload: { plantCodes: codes(), range: 'last24h' } });
    assert.equal(hist.error, undefined, hist.error && hist.error.message);
    let producing = 0;
    for (const plant of hist.out[0].payload) {
      const today = plant.dataItem[plant.dataItem.length - 1].dataTime.slice(0, 10); // plant-local date
      const sum = plant.dataItem.filter((p) => p.dataTime.startsWith(today)).reduce((s, p) => s + p.pvEnergy, 0);
      const m = rt.out[0].payload.find((p) => p.plantCode === plant.plantCode).dataItemMap;
      assert.ok(Math.abs(m.dayEnergy - sum) < 0.0015, `${plant.plantCode}: ${m.dayEnergy} vs ${sum}`);
      assert.ok(m.monthEnergy >= m.dayEnergy && m.totalEnergy > m.monthEnergy);
      if (m.dayEnergy > 0) producing++;
    }
    assert.ok(producing >= 2);
  });

  it('rejects invalid input of every operation before any call, naming the field and the rule', async function () {
    const h = await start({});
    const now = clock.now();
    /** @type {Array<[string, object, RegExp]>} */
    const cases = [
      ['plantInfo', {}, /plantCodes: is required/],
      ['realtimeKpi', { plantCodes: 'NE=1', dns: 'x' }, /dns: is not a parameter of realtimeKpi/],
      [
        'historyKpi',
        { plantCodes: 'NE=1', startTime: now - HOUR, endTime: now - 2 * HOUR },
        /endTime: must be later than startTime/,
      ],
      [
        'historyKpi',
        { plantCodes: 'NE=1', startTime: 'yesterday-ish', endTime: now },
        /startTime: is not a valid time/,
      ],
      ['historyKpi', { plantCodes: 'NE=1', endTime: now }, /startTime: is required/],
      ['historyKpi', { plantCodes: 'NE=1', range: 'lastWeek' }, /range: must be one of last24h, today, yesterday/],
      [
        'fiveMinuteKpi',
        { plantCode: 'NE=1,NE=2', startTime: now - HOUR, endTime: now },
        /plantCode: must be a single plant code/,
      ],
      [
        'fiveMinuteKpi',
        { plantCode: 'NE=1', startTime: now - 30 * HOUR, endTime: now },
        /endTime: must be on the same day/,
      ],
      ['ratedData', { plantCodes: { a: 1 } }, /plantCodes: must be an array of codes or a comma-separated string/],
      ['ratedData', { plantCodes: 'NE=1', allPlants: 'sometimes' }, /allPlants: must be true or false/],
    ];
    for (const [operation, payload, rule] of cases) {
      const r = await h.send({ operation, payload });
      assert.ok(r.error, `${operation} ${JSON.stringify(payload)} should fail`);
      assert.equal(r.error.code, 'INVALID_INPUT');
      assert.match(r.error.message, rule);
    }
    assert.equal(sim.stats.requests, 0);
  });

  it('sends one message per plant with msg.topic = plantCode in split mode', async function () {
    ({ sim, clock } = await virtualSim({ plants: 5 }));
    await load(flowWith(sim, dataNode({ split: true, plantCodes: '', allPlants: true })), credentials());
    const h = harness();
    const rt = await h.send({ payload: 1 });
    assert.equal(rt.out.length, 5);
    assert.deepEqual(
      rt.out.map((m) => m.topic),
      codes(),
    );
    assert.ok(
      rt.out.every(
        (m, i) =>
          m.payload.plantCode === m.topic &&
          m.payload.dataItemMap &&
          must(m.parts, 'm.parts').index === i &&
          must(m.parts, 'm.parts').count === 5,
      ),
    );

    const rated = await h.send({ operation: 'ratedData' });
    assert.deepEqual(
      rated.out.map((m) => m.topic),
      codes(),
    );
    assert.ok(rated.out.every((m) => typeof m.payload.ratedActivePower === 'number'));

    const hist = await h.send({ operation: 'historyKpi', payload: { range: 'last24h' } });
    assert.deepEqual(
      hist.out.map((m) => m.topic),
      codes(),
    );
    assert.ok(hist.out.every((m) => m.payload.dataItem.length === 288));
  });

  it('"all plants of the account" uses the plant list, fetched once and then cached', async function () {
    const h = await start({ allPlants: true, plantCodes: '' }, { plants: 120 });
    const r1 = await h.send({ payload: '' });
    assert.equal(r1.error, undefined, r1.error && r1.error.message);
    assert.equal(r1.out[0].payload.length, 120);
    assert.equal(sim.stats.byEndpoint.plants, 2); // two pages of 100
    assert.equal(must(r1.out[0].fusionsolar, 'r1.out[0].fusionsolar').calls, 4); // + two chunks of real-time KPI
    clock.advance(5 * 60_000);
    const r2 = await h.send({ operation: 'plantInfo' });
    assert.equal(r2.out[0].payload.length, 120);
    assert.equal(sim.stats.byEndpoint.plants, 2);
    assert.equal(must(r2.out[0].fusionsolar, 'r2.out[0].fusionsolar').calls, 2);
    // The message's own plantCodes win over the node's "all plants".
    clock.advance(5 * 60_000);
    const r3 = await h.send({ payload: { plantCodes: codes().slice(0, 2) } });
    assert.deepEqual(
      r3.out[0].payload.map((p) => p.plantCode),
      codes().slice(0, 2),
    );
  });

  it('checks the other input before fetching the plant list for "all plants"', async function () {
    const h = await start({ operation: 'historyKpi', allPlants: true });
    const r = await h.send({ payload: { startTime: clock.now() - 400 * DAY, endTime: clock.now() } });
    assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
    assert.match(must(r.error, 'r.error').message, /endTime: the range needs 400 calls/);
    assert.equal(sim.stats.requests, 0);
  });

  it("backfills yesterday in each plant's own time zone", async function () {
    const h = await start({ operation: 'historyKpi', allPlants: true, range: 'yesterday' }, { plants: 4 });
    const r = await h.send({ payload: 1 });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const zones = new Set(sim.fleet.plants.map((p) => p.tzOffsetMin));
    assert.equal(sim.stats.byEndpoint[HISTORY], zones.size);
    for (const plant of r.out[0].payload) {
      assert.equal(plant.dataItem.length, 288);
      assert.match(plant.dataItem[0].dataTime, /T00:00:00/);
      assert.match(plant.dataItem[287].dataTime, /T23:55:00/);
    }
  });

  it('reads one day of one plant from the deprecated fiveMinuteKpi', async function () {
    const h = await start({ operation: 'fiveMinuteKpi' });
    const plant = sim.fleet.plants[0];
    const midnight =
      Math.floor((clock.now() + plant.tzOffsetMin * 60_000) / DAY) * DAY - plant.tzOffsetMin * 60_000 - DAY;
    const r = await h.send({ payload: { plantCode: plant.plantCode, startTime: midnight, endTime: midnight + DAY } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(r.out[0].payload.length, 288);
    assert.equal(r.out[0].payload[0].time, midnight);
    assert.equal(sim.stats.byEndpoint['vpp/plantFiveMinutesKpi'], 1);
  });
});
