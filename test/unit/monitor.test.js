'use strict';
// The monitor's library parts without HTTP: the counter guard at local midnights, the
// round period from quota windows, and the three formats.
const assert = require('node:assert/strict');
const { CounterGuard, mayReset } = require('../../dist/src/monitor/counters');
const { roundPeriod } = require('../../dist/src/monitor/cadence');
const { V7_PLANT, V6_DEVICE } = require('../../dist/src/monitor/fields');
const { HomeAssistantFormat, uniqueId } = require('../../dist/src/monitor/format-ha');
const { influxPoint } = require('../../dist/src/monitor/format-influx');
const { plainMessage } = require('../../dist/src/monitor/format-plain');
const { must } = require('../helpers/must');

/** @typedef {import('../../dist/src/monitor/types').Reading} Reading */
/** A Home Assistant discovery config as the tests read it. */
/**
 * @typedef {{ unique_id: string, device_class?: string,
 * state_class?: string, unit_of_measurement?: string, device: object }} HaConfig
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const T = Date.UTC(2026, 5, 21, 0, 0, 0);

describe('monitor: counter guard', function () {
  it("a daily counter may restart only once the plant's local midnight has passed (three zones)", function () {
    // 22:30 UTC and 23:30 UTC on the 20th.
    const a = T - 90 * MIN;
    const b = T - 30 * MIN;
    assert.equal(mayReset('daily', a, b, 0), false, 'UTC: both on the 20th');
    assert.equal(mayReset('daily', a, b, 60), true, 'Berlin: 23:30 -> 00:30');
    assert.equal(mayReset('daily', a, b, -180), false, 'Santiago: 19:30 -> 20:30');
    assert.equal(mayReset('daily', T + 14 * HOUR, T + 15 * HOUR, 570), true, 'Adelaide: midnight at 14:30 UTC');
    assert.equal(mayReset('lifetime', a, T + 40 * HOUR, 60), false);
    assert.equal(
      mayReset('monthly', Date.UTC(2026, 5, 30, 21, 30), Date.UTC(2026, 5, 30, 22, 30), 120),
      true,
      'a new month at local midnight',
    );
    assert.equal(mayReset('monthly', Date.UTC(2026, 5, 30, 20, 0), Date.UTC(2026, 5, 30, 21, 0), 120), false);
  });

  it('a daily total read at the instant of local midnight is the day that ended: the 0 after it passes', function () {
    // Berlin (UTC+1): 23:00 UTC is 00:00 local. An inverter still reports yesterday's 71.8 kWh then.
    const g = new CounterGuard({});
    const day = V6_DEVICE[1];
    assert.deepEqual(g.check('device:D', T - 65 * MIN, { day_cap: 71.5 }, day, 60), []);
    assert.deepEqual(g.check('device:D', T - 60 * MIN, { day_cap: 71.8 }, day, 60), []);
    const after = { day_cap: 0 };
    assert.deepEqual(g.check('device:D', T - 55 * MIN, after, day, 60), []);
    assert.deepEqual(after, { day_cap: 0 });
    assert.equal(mayReset('daily', T - 60 * MIN, T - 55 * MIN, 60), true);
    assert.equal(
      mayReset('daily', T - 55 * MIN, T - 50 * MIN, 60),
      false,
      'once past midnight, a drop is a glitch again',
    );
    assert.equal(g.heldBack, 0);
  });

  it('holds back backwards, 0, null and "N/A" values between real readings, and counts them', function () {
    /** @type {import('../../dist/src/monitor/counters').CounterMemory} */
    const memory = {};
    const g = new CounterGuard(memory);
    const step = (t, values) => {
      const raw = { ...values };
      const held = g.check('plant:A', t, raw, V7_PLANT, 60);
      return { raw, held };
    };
    assert.deepEqual(step(T + 10 * HOUR, { dayEnergy: 5, totalEnergy: 100 }).held, []);
    assert.deepEqual(step(T + 11 * HOUR, { dayEnergy: 0, totalEnergy: 0 }).held, ['dayEnergy', 'totalEnergy']);
    assert.deepEqual(step(T + 12 * HOUR, { dayEnergy: null, totalEnergy: 'N/A' }).held, ['dayEnergy', 'totalEnergy']);
    const r = step(T + 13 * HOUR, { dayEnergy: 7, totalEnergy: 102, pvPower: 0 });
    assert.deepEqual(r.held, []);
    assert.deepEqual(r.raw, { dayEnergy: 7, totalEnergy: 102, pvPower: 0 }, 'powers are not counters: 0 passes');
    assert.deepEqual(
      step(T + 23 * HOUR + 30 * MIN, { dayEnergy: 0.1, totalEnergy: 103 }).held,
      [],
      'Berlin midnight passed at 23:00 UTC',
    );
    assert.equal(g.heldBack, 4);
    assert.deepEqual(
      memory['plant:A/totalEnergy'],
      { value: 103, time: T + 23 * HOUR + 30 * MIN },
      'the memory is the lasting state',
    );
    assert.deepEqual(step(T + 24 * HOUR, { batterySOC: null }).held, [], 'a field that is not a counter is never held');
  });

  it('a counter never seen is just absent, not a glitch; an older point cannot move it', function () {
    const g = new CounterGuard({});
    assert.deepEqual(g.check('plant:B', T, { dayEnergy: null }, V7_PLANT, 0), []);
    g.check('plant:B', T + HOUR, { totalEnergy: 50 }, V7_PLANT, 0);
    const old = { totalEnergy: 40 };
    assert.deepEqual(g.check('plant:B', T, old, V7_PLANT, 0), []);
    assert.deepEqual(old, {});
    assert.equal(g.heldBack, 0);
  });
});

describe('monitor: round period', function () {
  const w = (count, windowMs) => ({ count, windowMs, daily: windowMs >= 24 * HOUR });
  /** The round period of 5-minute data under `windows`, one call a round unless told. */
  const period = (windows, profile, { callsPerRound = 1, intervalMs = 0 } = {}) =>
    roundPeriod({ windows, callsPerRound, granularityMs: 5 * MIN, profile, intervalMs });
  it("documented quotas: the data's 5 minutes, whatever the fleet", function () {
    for (const plants of [1, 120, 1000]) {
      const n = Math.ceil(plants / 100);
      assert.equal(period([w(n, 5 * MIN)], 'documented', { callsPerRound: n }), 5 * MIN);
    }
    // Watching 100 of an account's 300 plants leaves room, but the data changes only every 5 minutes.
    assert.equal(period([w(3, 5 * MIN)], 'documented'), 5 * MIN);
  });
  it(
    'custom quotas set the pace, a daily budget included; interval only slows it; off uses the ' + 'granularity',
    function () {
      assert.equal(period([w(10, 5 * MIN)], 'custom'), 30_000);
      assert.equal(period([w(10, 5 * MIN), w(144, 24 * HOUR)], 'custom'), 10 * MIN);
      assert.equal(period([w(10, 5 * MIN)], 'custom', { intervalMs: 120_000 }), 120_000);
      assert.equal(period([], 'off'), 5 * MIN);
      assert.equal(period([], 'off', { intervalMs: 20_000 }), 20_000);
    },
  );
});

describe('monitor: formats', function () {
  /** @type {Reading} */
  const plant = {
    kind: 'plant',
    code: 'NE=1',
    plantCode: 'NE=1',
    source: 'realtime',
    time: T,
    values: { dayEnergy: 3.5, pvPower: 1.2, healthState: 0 },
  };
  /** @type {Reading} */
  const meter = {
    kind: 'device',
    code: '-1000000000000001',
    plantCode: 'NE=1',
    devTypeId: 17,
    source: 'realtime',
    time: T,
    values: { active_power: -2.5, active_cap: 1200, meter_status: 'ok' },
  };

  it('plain: values with their units, topic the code', function () {
    const m = plainMessage(plant, 'v7');
    assert.equal(m.topic, 'NE=1');
    const payload = /** @type {{ units: object, values: object }} */ (m.payload);
    assert.deepEqual(payload.units, { dayEnergy: 'kWh', pvPower: 'kW' });
    assert.deepEqual(payload.values, plant.values);
  });

  it(
    'influxdb: Grafana-ready measurements, codes and type as tags, numeric fields only, the ' + "reading's time",
    function () {
      assert.deepEqual(influxPoint(plant), {
        measurement: 'fusionsolar_plant',
        tags: { plantCode: 'NE=1', type: 'plant' },
        fields: plant.values,
        timestamp: new Date(T),
      });
      const p = must(influxPoint(meter), 'the point');
      assert.equal(p.measurement, 'fusionsolar_grid_meter');
      assert.deepEqual(p.tags, { plantCode: 'NE=1', type: 'grid-meter', device: '-1000000000000001', devTypeId: '17' });
      assert.deepEqual(p.fields, { active_power: -2.5, active_cap: 1200 });
      assert.equal(influxPoint({ ...plant, values: { note: 'x' } }), undefined, 'no numeric field, no point');
    },
  );

  it(
    'homeassistant: one device per plant and device (manufacturer, model, SN, via the plant), ' + 'classes per value',
    function () {
      const ha = new HomeAssistantFormat('homeassistant', 'v6');
      const out = ha.messages(meter, { name: 'Grid meter', model: 'DTSU666-H', sn: 'SN123' });
      const configs = out.filter((m) => m.topic.endsWith('/config')).map((m) => /** @type {HaConfig} */ (m.payload));
      assert.equal(configs.length, 3);
      const cap = must(
        configs.find((c) => c.unique_id === uniqueId(meter, 'active_cap')),
        'the active_cap config',
      );
      assert.equal(cap.unique_id, 'fusionsolar_device_-1000000000000001_active_cap');
      assert.deepEqual(
        [cap.device_class, cap.state_class, cap.unit_of_measurement],
        ['energy', 'total_increasing', 'kWh'],
      );
      assert.deepEqual(cap.device, {
        identifiers: ['fusionsolar_device_-1000000000000001'],
        name: 'Grid meter',
        manufacturer: 'Huawei',
        model: 'DTSU666-H',
        serial_number: 'SN123',
        via_device: 'fusionsolar_plant_NE_1',
      });
      const status = must(
        configs.find((c) => c.unique_id.endsWith('meter_status')),
        'the meter_status config',
      );
      assert.equal(status.state_class, undefined, 'a text state has no state class');
      const state = out[out.length - 1];
      assert.deepEqual([state.topic, state.retain], ['fusionsolar/device/-1000000000000001/state', true]);
      assert.deepEqual(
        ha.messages(meter, {}).map((m) => m.topic),
        [],
        'the same values again: nothing new',
      );
      const next = ha.messages({ ...meter, values: { active_power: -2 } }, {});
      assert.equal(next.length, 1);
      assert.deepEqual(
        next[0].payload,
        { active_power: -2, active_cap: 1200, meter_status: 'ok' },
        'a held-back counter keeps its last good value in the state',
      );
      assert.equal(V6_DEVICE[39].battery_soc.deviceClass, 'battery');
    },
  );
});

describe('monitor: V6 alarms', function () {
  const { AlarmTracker } = require('../../dist/src/monitor/alarms');
  const alarm = (station, id, raiseTime) => ({
    stationCode: station,
    alarmId: id,
    causeId: 1,
    esnCode: `SN-${id}`,
    raiseTime,
    alarmName: `alarm ${id}`,
  });

  it('raises an alarm once, clears it when a full list of its plant no longer has it', function () {
    /** @type {Record<string, Record<string, unknown>>} */
    const open = {};
    const t = new AlarmTracker(open, (c) => c !== 'NE=9');
    const p = { stationCodes: ['NE=1', 'NE=2'] };
    const first = t.answer(p, [alarm('NE=1', 1, T), alarm('NE=2', 2, T), alarm('NE=9', 3, T)], T);
    assert.deepEqual(
      first.map((a) => [a.state, a.plantCode]),
      [
        ['raised', 'NE=1'],
        ['raised', 'NE=2'],
      ],
      'unwatched plants are left out',
    );
    assert.deepEqual(
      t.answer(p, [alarm('NE=1', 1, T), alarm('NE=2', 2, T)], T + MIN),
      [],
      'the same alarms again: nothing',
    );
    // A list of NE=2 only says nothing about NE=1.
    assert.deepEqual(
      t.answer({ stationCodes: ['NE=2'] }, [], T + 2 * MIN).map((a) => [a.state, a.plantCode]),
      [['cleared', 'NE=2']],
    );
    assert.deepEqual(Object.keys(open).length, 1, 'the open alarms are the lasting state');
    // A filtered list (one severity) is partial: nothing clears.
    assert.deepEqual(t.answer({ stationCodes: ['NE=1'], levels: [1] }, [], T + 3 * MIN), []);
    const again = new AlarmTracker(open, () => true);
    assert.deepEqual(
      again.answer(p, [alarm('NE=1', 1, T)], T + 4 * MIN),
      [],
      'after a restart the open alarm is not raised again',
    );
  });
});
