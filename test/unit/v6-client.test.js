'use strict';
// The V6 pieces that need no server: the period a collectTime names, units per device type,
// merged history windows, V6 states by name, catalogue lookups by interface, session paths.
const assert = require('node:assert/strict');
const { collectTimeInput } = require('../../dist/src/api/plant-data/v6');
const { unitOf } = require('../../dist/src/api/device-data/units');
const { mergeUnique, normaliseDataMap } = require('../../dist/src/api/device-data/items');
const { operation, operationsOf, apiOf } = require('../../dist/src/api');
const { catalogued, must } = require('../helpers/must');
const { endpointPath } = require('../../dist/src/client/session');
const { perTypeCalls } = require('../../dist/src/client/quota/rules');
const { pickOperation } = require('../../dist/nodes/shared/operation-node');
const { translator } = require('../../dist/nodes/shared/i18n');

/** The runtime's English texts, as a Node-RED without locales loaded falls back to. */
// A runtime double: the translator calls only RED._().
const t = translator(/** @type {import('node-red').NodeAPI} */ (/** @type {unknown} */ ({ _: (key) => key })));
const { validate } = require('../../dist/src/api/core/validate');
const { parseExact } = require('../../dist/src/client/exact-json');

const parse = (period, v) => collectTimeInput(period).safeParse(v);
/** Why `v` is refused as a time of `period`. */
const problem = (period, v) => must(parse(period, v).error, `${v} is refused`).issues[0].message;

describe('V6 client pieces', function () {
  it('a date without a time is sent as noon UTC in the middle of its period; instants pass unchanged', function () {
    assert.equal(parse('day', '2026-06-20').data, Date.UTC(2026, 5, 20, 12));
    assert.equal(parse('month', '2026-06').data, Date.UTC(2026, 5, 15, 12));
    assert.equal(parse('year', '2026').data, Date.UTC(2026, 6, 1, 12));
    assert.equal(parse('month', '2026-06-03').data, Date.UTC(2026, 5, 3, 12), 'a day names its month too');
    const t = Date.UTC(2026, 5, 20, 23, 59);
    assert.equal(parse('day', t).data, t);
    assert.equal(parse('day', new Date(t)).data, t);
    assert.equal(parse('day', '2026-06-20T23:59:00Z').data, t);
    assert.equal(parse('day', String(t)).data, t, 'epoch ms as a digit string');
    // Noon UTC of a date is that same date from UTC-11 to UTC+11.
    for (const offsetH of [-11, -5, 0, 5.5, 8, 11])
      assert.equal(new Date(must(parse('day', '2026-06-20').data, 'the time') + offsetH * 3600_000).getUTCDate(), 20);
  });

  it('refuses a date that names less than the period, and impossible months and days', function () {
    assert.match(problem('day', '2026-06'), /must name a day/);
    assert.match(problem('month', '2026'), /must name a month/);
    assert.match(problem('day', '2026-00-10'), /month outside 01-12/);
    assert.match(problem('day', '2026-02-40'), /day outside 01-31/);
    assert.match(problem('all', 'soon'), /not a valid time/);
  });

  it('units follow the device type: meter kW, power sensor W, battery W, strings V and A', function () {
    assert.equal(unitOf(17, 'active_power'), 'kW');
    assert.equal(unitOf(47, 'active_power'), 'W');
    assert.equal(unitOf(39, 'ch_discharge_power'), 'W');
    assert.equal(unitOf(1, 'pv17_u'), 'V');
    assert.equal(unitOf(38, 'pv3_i'), 'A');
    assert.equal(unitOf(1, 'mppt_7_cap'), 'kWh');
    assert.equal(unitOf(17, 'positive_active_peak'), 'kWh');
    assert.equal(unitOf(17, 'pv1_u'), undefined);
    assert.equal(unitOf(1, 'inverter_state'), undefined);
  });

  it('states stay numbers and get names; "N/A" and numeric strings as for V7', function () {
    const map = {
      inverter_state: '512.0',
      run_state: 1,
      battery_status: '3',
      ch_discharge_model: 2,
      active_power: 'N/A',
      day_cap: '12.5',
      label: 'x',
    };
    normaliseDataMap(map, 'en-us');
    assert.deepEqual(map, {
      inverter_state: 512,
      inverter_state_name: 'Grid-connected',
      run_state: 1,
      run_state_name: 'Connected',
      battery_status: 3,
      battery_status_name: 'Faulty',
      ch_discharge_model: 2,
      ch_discharge_model_name: 'Time-of-use price',
      active_power: null,
      day_cap: 12.5,
      label: 'x',
    });
    const zh = { inverter_state: 768 };
    normaliseDataMap(zh, 'zh-cn');
    assert.equal(zh.inverter_state_name, '关机：故障');
    const unknown = { inverter_state: 9999 };
    normaliseDataMap(unknown, 'en-us');
    assert.equal(unknown.inverter_state_name, undefined);
  });

  it('merges history windows keeping a boundary point once', function () {
    const a = [
      { devId: '1', collectTime: 0 },
      { devId: '1', collectTime: 300 },
    ];
    const b = [
      { devId: '1', collectTime: 300 },
      { devId: '1', collectTime: 600 },
      { devId: '2', collectTime: 300 },
    ];
    assert.deepEqual(
      mergeUnique([a, b]).map((p) => {
        const { devId, collectTime } = /** @type {{ devId: string, collectTime: number }} */ (p);
        return `${devId}@${collectTime}`;
      }),
      ['1@0', '1@300', '1@600', '2@300'],
    );
  });

  it('the V6 device quota sums the served types of the device list, 1 until it is read', function () {
    assert.equal(perTypeCalls({ plants: 1, devices: 1, devicesByType: {} }, 100), 1);
    assert.equal(perTypeCalls({ plants: 1, devices: 1, devicesByType: { 1: 150, 17: 120, 62: 40 } }, 100, [1, 17]), 4);
    assert.equal(perTypeCalls({ plants: 1, devices: 1, devicesByType: { 1: 150, 17: 120 } }, 10, [1, 17]), 27);
  });

  it('the catalogue keeps V7 and V6 entries of one name apart; V6 endpoints are their own paths', function () {
    assert.equal(catalogued('plantList').endpoint, 'plants');
    assert.equal(catalogued('plantList', 'v6').endpoint, 'thirdData/stations');
    assert.equal(catalogued('alarmList').endpoint, 'thirdData/getAlarmList', 'a V6-only name without an interface');
    assert.equal(operation('alarmList', 'v7'), undefined);
    assert.deepEqual(
      operationsOf('fusionsolar-plant-data', 'v6').map((o) => o.name),
      ['realtimeKpi', 'hourKpi', 'dayKpi', 'monthKpi', 'yearKpi'],
    );
    assert.ok(operationsOf('fusionsolar-device-data').every((o) => apiOf(o) === 'v6'));
    assert.equal(endpointPath('thirdData/getDevRealKpi'), '/thirdData/getDevRealKpi');
    assert.equal(endpointPath('vpp/plants'), '/rest/openapi/pvms/v1/vpp/plants');
    const ops = operationsOf('fusionsolar-plant-data');
    assert.equal(pickOperation(ops, 'realtimeKpi', 'v6', t).endpoint, 'thirdData/getStationRealKpi');
    assert.equal(pickOperation(ops, 'realtimeKpi', 'v7', t).endpoint, 'vpp/plantRealtimeKpi');
    assert.throws(
      () => pickOperation(ops, 'hourKpi', 'v7', t),
      /hourKpi is a V6 operation and this account uses the V7 interface/,
    );
    assert.throws(() => pickOperation(ops, 'nothing', 'v6', t), /must be one of realtimeKpi, hourKpi/);
  });

  it('plantCodes is another name for stationCodes on V6', function () {
    const op = catalogued('realtimeKpi', 'v6');
    assert.deepEqual(validate(op, { plantCodes: 'NE=1,NE=2' }), { stationCodes: ['NE=1', 'NE=2'] });
    assert.deepEqual(
      validate(op, { plantCodes: ['NE=1'], stationCodes: 'NE=1' }).stationCodes,
      ['NE=1'],
      'the same value twice is fine',
    );
    assert.throws(
      () => validate(op, { plantCodes: 'NE=1', stationCodes: 'NE=2' }),
      /plantCodes: is another name for stationCodes/,
    );
    assert.throws(
      () => validate(catalogued('realtimeKpi', 'v7'), { stationCodes: 'NE=1' }),
      /stationCodes: is not a parameter of realtimeKpi/,
    );
  });

  it('16-digit V6 ids below 2^53 parse as plain JSON; beyond it, digits are kept as strings', function () {
    const text =
      '{"a":1000001009000000,"b":-1000001009000000,"c":9007199254740991,"d":9007199254740992,' +
      '"e":-12345678901234567,"f":"99999999999999999","g":0.12345678901234567}';
    assert.deepEqual(parseExact(text), {
      a: 1000001009000000,
      b: -1000001009000000,
      c: 9007199254740991,
      d: '9007199254740992',
      e: '-12345678901234567',
      f: '99999999999999999',
      // eslint-disable-next-line no-loss-of-precision -- the literal shows the double the parser must give
      g: 0.12345678901234567,
    });
    const safe = '{"devId":1000001009000000,"collectTime":1781654400000}';
    assert.deepEqual(parseExact(safe), JSON.parse(safe));
  });
});
