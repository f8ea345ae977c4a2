'use strict';
// fusionsolar-plant-data on a V6 account: real-time plant data and the hour/day/month/year
// reports, chunked by 100 plants; the period picked by collectTime; validation; server codes.
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NARROW, V6, v6Sim, fleetOf } = require('../helpers/v6');
const { must } = require('../helpers/must');

const node = (operation, extra = {}) => ({ type: 'fusionsolar-plant-data', operation, ...extra });
const v6 = { accountExtra: V6 };

/** The local calendar fields of `t` at `offsetMin` minutes east of UTC. */
const local = (t, offsetMin) => new Date(t + offsetMin * 60_000);

describe('fusionsolar-plant-data (V6, simulator over HTTP)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'realtimeKpi of 150 plants: 2 calls of 100, numbers and the health state by name, stationCode ' + 'kept',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 150 }));
      const codes = fleetOf(sim).codes();
      await load(flowWith(sim, node('realtimeKpi'), v6), credentials());
      const h = harness();
      const r = await h.send({ payload: { plantCodes: codes } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const items = r.out[0].payload;
      assert.deepEqual(
        items.map((i) => i.stationCode),
        codes,
      );
      assert.equal(sim.stats.byEndpoint['thirdData/getStationRealKpi'], 2);
      for (const i of items) {
        for (const k of [
          'day_power',
          'month_power',
          'total_power',
          'day_income',
          'total_income',
          'real_health_state',
        ]) {
          assert.equal(typeof i.dataItemMap[k], 'number', `${k} of ${i.stationCode}`);
        }
        assert.ok(['Disconnected', 'Faulty', 'Healthy'].includes(i.dataItemMap.real_health_state_name));
      }
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it('"all plants of the account" works on V6 (plant list first, then the data)', async function () {
    ({ sim } = await v6Sim({ plants: 5 }));
    await load(flowWith(sim, node('realtimeKpi', { allPlants: true, split: true }), v6), credentials());
    const h = harness();
    const r = await h.send({});
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(r.out.length, 5);
    assert.deepEqual(
      r.out.map((m) => m.topic),
      fleetOf(sim).codes(),
    );
    assert.equal(sim.stats.byEndpoint['thirdData/stations'], 1);
  });

  it(
    "hourKpi: the hours of the day a date names, in the plant's time zone; dayKpi, monthKpi, " +
      'yearKpi their periods',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 3 }));
      const plant = sim.fleet.plants[0];
      const off = plant.tzOffsetMin;
      await load(
        flowWith(sim, node('hourKpi', { plantCodes: plant.plantCode, plantCodesType: 'str' }), v6),
        credentials(),
      );
      const h = harness();
      const hours = await h.send({ payload: { collectTime: '2026-06-20' } });
      assert.equal(hours.error, undefined, hours.error && hours.error.message);
      const rows = hours.out[0].payload;
      assert.ok(rows.length >= 20 && rows.length <= 24, `${rows.length} hours`);
      for (const row of rows) {
        assert.equal(row.stationCode, plant.plantCode);
        assert.equal(local(row.collectTime, off).getUTCDate(), 20, 'every hour is on 20 June, plant time');
        assert.equal(typeof row.dataItemMap.inverter_power, 'number');
      }
      // An instant selects the day that contains it in the plant's zone.
      const instant = await h.send({ payload: { collectTime: Date.UTC(2026, 5, 19, 23, 30) - off * 60_000 } });
      assert.ok(instant.out[0].payload.every((row) => local(row.collectTime, off).getUTCDate() === 19));
      const days = await h.send({ operation: 'dayKpi', payload: { collectTime: '2026-05' } });
      assert.equal(days.error, undefined, days.error && days.error.message);
      assert.equal(days.out[0].payload.length, 31);
      assert.ok(
        days.out[0].payload.every(
          (row) =>
            local(row.collectTime, off).getUTCMonth() === 4 && typeof row.dataItemMap.perpower_ratio === 'number',
        ),
      );
      const months = await h.send({ operation: 'monthKpi', payload: { collectTime: '2025' } });
      assert.equal(months.out[0].payload.length, 12);
      const years = await h.send({ operation: 'yearKpi', payload: { collectTime: new Date(clock.now()) } });
      assert.ok(years.out[0].payload.length >= 1);
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it('validates before any call: collectTime shape and period, codes, parameters', async function () {
    ({ sim } = await v6Sim());
    await load(flowWith(sim, node('hourKpi'), v6), credentials());
    const h = harness();
    /** @type {Array<[{ operation?: string, payload?: unknown } & Record<string, unknown>, RegExp]>} */
    const cases = [
      [{ stationCodes: 'NE=1' }, /^collectTime: is required/],
      [{ collectTime: 1 }, /^stationCodes: is required/],
      [{ stationCodes: 'NE=1', collectTime: '2026-06' }, /^collectTime: must name a day \(YYYY-MM-DD\)/],
      [{ stationCodes: 'NE=1', collectTime: '2026-06-32' }, /^collectTime: has a day outside 01-31/],
      [{ stationCodes: 'NE=1', collectTime: 'yesterday' }, /^collectTime: is not a valid time/],
      [{ stationCodes: 'NE=1', collectTime: -5 }, /^collectTime: must not be negative/],
      [{ stationCodes: 'NE=1,NE=1', collectTime: 1 }, /^stationCodes: must not name a plant code twice/],
      [{ stationCodes: 'NE=1', collectTime: 1, startTime: 1 }, /^startTime: is not a parameter of hourKpi/],
      [
        { operation: 'dayKpi', payload: { stationCodes: 'NE=1', collectTime: '2026' } },
        /^collectTime: must name a month \(YYYY-MM\)/,
      ],
      [{ operation: 'realtimeKpi', payload: { stationCodes: [] } }, /^stationCodes: must name at least one code/],
      [{ operation: 'historyKpi', payload: { stationCodes: 'NE=1' } }, /^operation: historyKpi is a V7 operation/],
    ];
    for (const [input, rule] of cases) {
      const msg = input.operation ? input : { payload: input };
      const r = await h.send(msg);
      assert.equal(r.error && r.error.code, 'INVALID_INPUT', JSON.stringify(input));
      assert.match(must(r.error, 'r.error').message, rule);
    }
    assert.equal(sim.stats.requests, 0);
  });

  it(
    "passes the server's failCodes through: 20007, 20045, 401, 407; the documented quota waits " + 'instead',
    async function () {
      /** @type {import('../../dist/src/simulator').SimUser} */
      const NO_KPI = { username: 'nokpi', password: 'n0kpi-Passw0rd!', scope: 'all', v6: { interfaces: ['stations'] } };
      ({ sim, clock } = await v6Sim({ plants: 3, users: [NO_KPI] }));
      const codes = fleetOf(sim).codes();
      await load(flowWith(sim, node('realtimeKpi'), { accountExtra: { ...V6, quotaProfile: 'off' } }), {
        acc: { username: NARROW.username, password: NARROW.password },
      });
      let h = harness();
      assert.equal((await h.failed({ payload: { stationCodes: 'NE=99999999' } })).code, '20007');
      // The server's own limit (Roundup(1/100) a 5 minutes for this one-plant user) counts refused calls too.
      clock.advance(5 * 60_000);
      assert.equal((await h.failed({ payload: { stationCodes: codes[2] } })).code, '20045');
      clock.advance(5 * 60_000);
      // Without the governor the server's limit answers 407.
      const first = await h.send({ payload: { stationCodes: codes[0] } });
      assert.equal(first.error, undefined);
      const second = await h.send({ payload: { stationCodes: codes[0] } });
      assert.equal(must(second.error, 'second.error').code, '407');
      await helper.unload();
      await load(flowWith(sim, node('dayKpi'), v6), { acc: { username: NO_KPI.username, password: NO_KPI.password } });
      h = harness();
      assert.equal((await h.failed({ payload: { stationCodes: codes[0], collectTime: '2026-05' } })).code, '401');
      await helper.unload();
      // Documented quota: the same two calls, the second after waiting its minute.
      await load(flowWith(sim, node('realtimeKpi'), v6), credentials());
      h = harness();
      const before = sim.stats.quota407;
      await h.send({ payload: { stationCodes: codes[0] } });
      const t0 = clock.now();
      const again = await h.send({ payload: { stationCodes: codes[0] } });
      assert.equal(again.error, undefined, again.error && again.error.message);
      assert.ok(clock.now() - t0 >= 60_000 - 1000);
      assert.equal(sim.stats.quota407, before);
    },
  );
});
