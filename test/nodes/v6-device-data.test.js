'use strict';
// fusionsolar-device-data on a V6 account: devices grouped by type from the device list,
// chunked (100; history 10 and 3 days), merged; every validation rule and the server's codes.
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NARROW, V6, v6Sim, fleetOf } = require('../helpers/v6');
const { must } = require('../helpers/must');

const REAL = [1, 10, 17, 38, 39, 41, 47];
const DAY = 86_400_000;
const node = (operation, extra = {}) => ({ type: 'fusionsolar-device-data', operation, ...extra });
const v6 = (extra = {}) => ({ accountExtra: { ...V6, ...extra } });

describe('fusionsolar-device-data (V6, simulator over HTTP)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'deviceRealtimeKpi with no devices named: every device of every served type, one call per type, ' + 'items named',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 6 }));
      const fleet = fleetOf(sim);
      await load(flowWith(sim, node('deviceRealtimeKpi'), v6()), credentials());
      const h = harness();
      const r = await h.send({});
      assert.equal(r.error, undefined, r.error && r.error.message);
      const items = r.out[0].payload;
      const served = fleet.all.filter((d) => REAL.includes(d.devTypeId));
      const types = new Set(served.map((d) => d.devTypeId));
      assert.equal(items.length, served.length);
      assert.equal(sim.stats.byEndpoint['thirdData/getDevRealKpi'], types.size, 'one call per device type');
      assert.equal(
        must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls,
        types.size + 2,
        'plus the plant and device lists',
      );
      for (const item of items) {
        const d = fleet.all.find((x) => String(x.id) === item.devId);
        assert.ok(d, `${item.devId} is a device of the fleet`);
        assert.equal(item.devTypeId, d.devTypeId);
        assert.equal(item.stationCode, d.plant.plantCode);
        assert.equal(item.devName, d.name);
        assert.equal(typeof item.units, 'object');
      }
      const inverter = items.find((i) => i.devTypeId === 1);
      assert.equal(inverter.units.active_power, 'kW');
      assert.equal(inverter.units.pv1_u, 'V');
      assert.equal(typeof inverter.dataItemMap.inverter_state, 'number');
      assert.equal(typeof inverter.dataItemMap.inverter_state_name, 'string');
      const battery = items.find((i) => i.devTypeId === 39);
      assert.equal(battery.units.ch_discharge_power, 'W');
      assert.equal(typeof battery.dataItemMap.battery_soc, 'number');
      assert.equal(typeof battery.dataItemMap.battery_status_name, 'string');
      const sensor = items.find((i) => i.devTypeId === 47);
      if (sensor) assert.equal(sensor.units.active_power, 'W');
      // The device list is kept: a second poll 5 minutes later makes only the data calls.
      clock.advance(5 * 60_000);
      const again = await h.send({});
      assert.equal(must(again.out[0].fusionsolar, 'again.out[0].fusionsolar').calls, types.size);
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it(
    'groups devIds of mixed types into one call per type, and chunks a type of more than 100 ' + 'devices',
    async function () {
      ({ sim } = await v6Sim({ plants: 120 }));
      const fleet = fleetOf(sim);
      const inverters = fleet.ofType(1);
      assert.ok(inverters.length > 100, `${inverters.length} string inverters`);
      const meters = fleet.ofType(17).slice(0, 3);
      const ids = [...fleet.ids(inverters), ...fleet.ids(meters)];
      await load(flowWith(sim, node('deviceRealtimeKpi'), v6()), credentials());
      const h = harness();
      const r = await h.send({ payload: { devIds: ids.join(',') } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(new Set(r.out[0].payload.map((i) => i.devId)), new Set(ids));
      assert.equal(sim.stats.byEndpoint['thirdData/getDevRealKpi'], Math.ceil(inverters.length / 100) + 1);
      assert.ok(
        r.out[0].payload.filter((i) => meters.some((m) => String(m.id) === i.devId)).every((i) => i.devTypeId === 17),
      );
    },
  );

  it('devIds with one devTypeId need no device list; SNs work in place of ids', async function () {
    ({ sim } = await v6Sim({ plants: 4 }));
    const fleet = fleetOf(sim);
    const batteries = fleet.ofType(39);
    await load(flowWith(sim, node('deviceRealtimeKpi'), v6()), credentials());
    const h = harness();
    const r = await h.send({ payload: { devIds: fleet.ids(batteries), devTypeId: 39 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 1);
    assert.equal(sim.stats.byEndpoint['thirdData/getDevList'], undefined);
    assert.equal(r.out[0].payload.length, batteries.length);
    const inverters = fleet.ofType(1);
    const bySn = await h.send({ payload: { sns: inverters.map((d) => d.sn) } });
    assert.equal(bySn.error, undefined, bySn.error && bySn.error.message);
    assert.deepEqual(new Set(bySn.out[0].payload.map((i) => i.devId)), new Set(fleet.ids(inverters)));
  });

  it('deviceHistoryKpi: 10 devices and 3 days a call, windows merged with no point twice', async function () {
    // The simulator computes 3.5 days of points for 11 inverters: seconds of real work, many
    // more on a loaded machine. The deadlines here are real time, so they allow for that.
    this.timeout(600_000);
    ({ sim, clock } = await v6Sim({ plants: 12 }));
    const fleet = fleetOf(sim);
    const inverters = fleet.ofType(1).slice(0, 11);
    assert.equal(inverters.length, 11);
    const end = Math.floor(clock.now() / 300_000) * 300_000;
    const start = end - 3.5 * DAY;
    await load(flowWith(sim, node('deviceHistoryKpi'), v6({ timeout: 300 })), credentials());
    const h = harness({ waitMs: 540_000 });
    const r = await h.send({
      payload: { devIds: fleet.ids(inverters), devTypeId: 1, startTime: new Date(start).toISOString(), endTime: end },
    });
    assert.equal(r.error, undefined, r.error && r.error.message);
    // 2 chunks (10 + 1 devices) x 2 windows (3 days + 12 hours).
    assert.equal(sim.stats.byEndpoint['thirdData/getDevHistoryKpi'], 4);
    const points = r.out[0].payload;
    const keys = points.map((p) => `${p.devId}@${p.collectTime}`);
    assert.equal(new Set(keys).size, keys.length, 'no point twice');
    for (const d of inverters) {
      const own = points.filter((p) => p.devId === String(d.id));
      assert.ok(own.length >= 3.5 * 288 && own.length <= 3.5 * 288 + 1, `${own.length} points of ${d.id}`);
      assert.ok(own.every((p) => p.collectTime >= start && p.collectTime <= end));
    }
    assert.ok(points.every((p) => p.devTypeId === 1 && p.units.active_power === 'kW'));
    assert.equal(sim.stats.quota407, 0);
  });

  it(
    'deviceDayKpi, deviceMonthKpi, deviceYearKpi: the period of collectTime, rows per device and ' + 'period',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 4 }));
      const fleet = fleetOf(sim);
      const batteries = fleet.ofType(39);
      await load(flowWith(sim, node('deviceDayKpi'), v6()), credentials());
      const h = harness();
      const day = await h.send({ payload: { devIds: fleet.ids(batteries), collectTime: '2026-06' } });
      assert.equal(day.error, undefined, day.error && day.error.message);
      const rows = day.out[0].payload;
      assert.ok(rows.length >= batteries.length * 19, `${rows.length} rows: June 1 to 21 for each battery`);
      assert.ok(
        rows.every(
          (row) => row.devTypeId === 39 && typeof row.collectTime === 'number' && 'charge_cap' in row.dataItemMap,
        ),
      );
      assert.ok(rows.every((row) => new Date(row.collectTime + 12 * 3600_000).getUTCMonth() === 5));
      const month = await h.send({
        operation: 'deviceMonthKpi',
        payload: { devTypeId: [1, 38], collectTime: clock.now() },
      });
      assert.equal(month.error, undefined, month.error && month.error.message);
      assert.ok(month.out[0].payload.length > 0);
      assert.ok(
        month.out[0].payload.every((row) => [1, 38].includes(row.devTypeId) && row.units.product_power === 'kWh'),
      );
      const year = await h.send({
        operation: 'deviceYearKpi',
        payload: { devIds: fleet.ids(batteries).slice(0, 1), collectTime: new Date(clock.now()) },
      });
      assert.equal(year.error, undefined, year.error && year.error.message);
      assert.ok(year.out[0].payload.length >= 1);
      // Types the reports do not serve are refused before any call.
      const meter = await h.send({ operation: 'deviceDayKpi', payload: { devTypeId: 17, collectTime: '2026-06' } });
      assert.equal(must(meter.error, 'meter.error').code, 'INVALID_INPUT');
      assert.match(
        must(meter.error, 'meter.error').message,
        /^devTypeId: 17 is not a device type this operation supports: use 1, 38, 39, 41/,
      );
    },
  );

  it(
    'deviceFiveMinuteKpi is refused on accounts the reference excludes, and works for an older ' + 'account',
    async function () {
      /** @type {import('../../dist/src/simulator').SimUser} */
      const OLD = { username: 'old', password: '0ld-Passw0rd!', scope: 'all', v6: { created: '2021-03-01' } };
      ({ sim, clock } = await v6Sim({ plants: 3, users: [OLD] }));
      const fleet = fleetOf(sim);
      await load(flowWith(sim, node('deviceFiveMinuteKpi'), v6()), credentials());
      let h = harness();
      const refused = await h.send({
        payload: { devTypeId: 1, devIds: fleet.ids(fleet.ofType(1)), collectTime: '2026-06-20' },
      });
      assert.equal(must(refused.error, 'refused.error').code, 'NOT_AVAILABLE');
      assert.match(must(refused.error, 'refused.error').message, /deviceHistoryKpi/);
      assert.equal(sim.stats.requests, 0);
      await helper.unload();
      await load(flowWith(sim, node('deviceFiveMinuteKpi'), v6({ quotaProfile: 'custom' })), {
        acc: { username: OLD.username, password: OLD.password },
      });
      h = harness();
      const ok = await h.send({
        payload: { devTypeId: 1, devIds: fleet.ids(fleet.ofType(1)), collectTime: '2026-06-20' },
      });
      assert.equal(ok.error, undefined, ok.error && ok.error.message);
      assert.ok(ok.out[0].payload.length >= 280 * fleet.ofType(1).length);
    },
  );

  it('inverterConvergence: 401 unless Huawei enabled it; with it, every inverter by SN', async function () {
    /** @type {import('../../dist/src/simulator').SimUser} */
    const CS = {
      username: 'cs',
      password: 'cs-Passw0rd!1',
      scope: 'all',
      v6: { interfaces: ['stations', 'getDevList', 'cs/getInventerRealKpi'] },
    };
    ({ sim } = await v6Sim({ plants: 3, users: [CS] }));
    const fleet = fleetOf(sim);
    await load(flowWith(sim, node('inverterConvergence'), v6()), credentials());
    let h = harness();
    const denied = await h.send({ payload: { sns: fleet.ofType(1).map((d) => d.sn) } });
    assert.equal(must(denied.error, 'denied.error').code, '401');
    await helper.unload();
    await load(flowWith(sim, node('inverterConvergence'), v6()), {
      acc: { username: CS.username, password: CS.password },
    });
    h = harness();
    const r = await h.send({});
    assert.equal(r.error, undefined, r.error && r.error.message);
    const inverters = [...fleet.ofType(1), ...fleet.ofType(38)];
    assert.deepEqual(new Set(r.out[0].payload.map((i) => i.sn)), new Set(inverters.map((d) => d.sn)));
    assert.ok(
      r.out[0].payload.every(
        (i) =>
          Array.isArray(i.kpis) && i.kpis.every((k) => typeof k.activePower === 'number' || k.activePower === null),
      ),
    );
  });

  it('validates before any data call: every rule names its field', async function () {
    ({ sim } = await v6Sim({ plants: 3 }));
    const fleet = fleetOf(sim);
    const dongle = fleet.ofType(62)[0];
    await load(flowWith(sim, node('deviceRealtimeKpi'), v6()), credentials());
    const h = harness();
    /** @type {Array<[{ operation?: string, payload?: unknown } & Record<string, unknown>, RegExp]>} */
    const cases = [
      [{ devIds: '1', sns: 'A' }, /^sns: cannot be combined with devIds/],
      [{ devIds: 'abc' }, /^devIds: each device id must be a whole number/],
      [{ devIds: '1,1', devTypeId: 1 }, /^devIds: must not name a device twice/],
      [{ devTypeId: 62 }, /^devTypeId: "?62"? is not a device type this operation supports/],
      [{ devTypeId: 'inverter' }, /^devTypeId: "inverter" is not a device type/],
      [{ devIds: [] }, /^devIds: must name at least one code/],
      [{ colour: 'red' }, /^colour: is not a parameter of deviceRealtimeKpi/],
      [{ operation: 'deviceHistoryKpi', payload: { devTypeId: 1 } }, /^startTime: is required/],
      [
        { operation: 'deviceHistoryKpi', payload: { devTypeId: 1, startTime: 2000, endTime: 1000 } },
        /^endTime: must be after startTime/,
      ],
      [
        { operation: 'deviceHistoryKpi', payload: { devTypeId: 1, startTime: 'later', endTime: 1000 } },
        /^startTime: is not a valid time/,
      ],
      [{ operation: 'deviceDayKpi', payload: { devTypeId: 1 } }, /^collectTime: is required/],
      [
        { operation: 'deviceDayKpi', payload: { devTypeId: 1, collectTime: '2026-13' } },
        /^collectTime: has a month outside 01-12/,
      ],
      [
        { operation: 'deviceFiveMinuteKpi', payload: { devTypeId: 1, collectTime: '2026-06' } },
        /^collectTime: must name a day/,
      ],
    ];
    for (const [input, rule] of cases) {
      const msg = input.operation ? input : { payload: input };
      const r = await h.send(msg);
      assert.equal(r.error && r.error.code, 'INVALID_INPUT', JSON.stringify(input));
      assert.match(must(r.error, 'r.error').message, rule);
    }
    assert.equal(sim.stats.requests, 0);
    // A device the device list does not know, or of a type the
    // interface does not serve: refused after the list, before data calls.
    const unknown = await h.send({ payload: { devIds: '1234567890123456' } });
    assert.match(
      must(unknown.error, 'unknown.error').message,
      /^devIds: device 1234567890123456 is not in the device list/,
    );
    const notServed = await h.send({ payload: { devIds: String(dongle.id) } });
    assert.match(
      must(notServed.error, 'notServed.error').message,
      /is a Dongle \(devTypeId 62\), which deviceRealtimeKpi does not support/,
    );
    assert.equal(sim.stats.byEndpoint['thirdData/getDevRealKpi'], undefined);
  });

  it(
    "passes the server's failCodes through: 20006 type mismatch, 20008 unknown device, 20046 " +
      "another user's device, 407",
    async function () {
      ({ sim } = await v6Sim({ plants: 3 }));
      const fleet = fleetOf(sim);
      const meter = fleet.ofType(17)[0];
      const elsewhere = fleet.ofType(1).find((d) => d.plant.plantCode !== NARROW.scope[0]);
      await load(flowWith(sim, node('deviceRealtimeKpi'), v6({ quotaProfile: 'off' })), {
        acc: { username: NARROW.username, password: NARROW.password },
      });
      const h = harness();
      const mine = fleet.ofType(1).find((d) => d.plant.plantCode === NARROW.scope[0]);
      const mismatch = await h.send({ payload: { devIds: [String(must(mine, 'mine').id)], devTypeId: 17 } });
      assert.equal(must(mismatch.error, 'mismatch.error').code, '20006');
      const unknown = await h.send({ payload: { devIds: '1234567890123456', devTypeId: 1 } });
      assert.equal(must(unknown.error, 'unknown.error').code, '20008');
      const foreign = await h.send({ payload: { devIds: String(must(elsewhere, 'elsewhere').id), devTypeId: 1 } });
      assert.equal(must(foreign.error, 'foreign.error').code, '20046');
      assert.ok(meter);
      // Quota off: the server's own limit answers 407, with a retryAfter from the governor.
      let quota;
      for (let i = 0; i < 5 && !quota; i++) {
        const r = await h.send({ payload: { devIds: String(must(mine, 'mine').id), devTypeId: 1 } });
        if (r.error) quota = r.error;
      }
      assert.equal(quota && quota.code, '407');
    },
  );

  it(
    'the documented quota waits instead of earning a 407: two polls 1 minute apart, the second ' +
      'waits out the 5 minutes',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 3 }));
      const fleet = fleetOf(sim);
      const ids = fleet.ids(fleet.ofType(1));
      await load(flowWith(sim, node('deviceRealtimeKpi'), v6()), credentials());
      const h = harness();
      await h.send({ payload: { devIds: ids, devTypeId: 1 } });
      const t0 = clock.now();
      clock.advance(60_000);
      const r = await h.send({ payload: { devIds: ids, devTypeId: 1 } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.ok(clock.now() - t0 >= 5 * 60_000, 'waited for the 5-minute window');
      assert.equal(sim.stats.quota407, 0);
    },
  );
});
