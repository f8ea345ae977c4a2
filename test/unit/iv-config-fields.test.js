'use strict';
// The mandatory fields of a string configuration (9.4.9) are written twice on purpose: once
// in the api layer (the node refuses a message before any call) and once in the simulator
// (the fake server answers 20612), which shares no request rule with the client so that it
// cannot agree with the client's mistakes (DESIGN, Simulator). This test keeps the two
// copies equal: a field one side requires and the other does not fails it, naming the field.
const assert = require('node:assert/strict');
const { configureStrings, validate } = require('../../dist/src/api');
const { startSimulator } = require('../../dist/src/simulator');
const { must, fsError } = require('../helpers/must');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'iv-fields', password: 'iv-fields-Passw0rd!', scope: 'all' };

/** A string with every field 9.4.9 names, each set. */
const COMPLETE = {
  pvIndex: 1,
  moduleQuantity: 12,
  is2in1String: 0,
  moduleManufacturer: 'Sim Solar',
  moduleModel: 'SS-410M-54',
  moduleType: 4,
  maxModulePower: 410,
  optimalModuleOperatingVoltage: 31.4,
  optimalModuleOperatingCurrent: 13.06,
  moduleOpenCircuitVoltage: 37.5,
  moduleShortCircuitCurrent: 13.9,
  maxPowerTemperatureCoefficient: -0.35,
  openCircuitVoltageTemperatureCoefficient: -0.27,
  shortCircuitCurrentTemperatureCoefficient: 0.048,
  cellQuantity: 108,
  moduleDegradationRateInFirstYear: 2,
  moduleDegradationRateFromSecondYear: 0.55,
  fillFactor: 78.67,
  nominalModuleEfficiency: 21,
  minWorkTemperature: -40,
  maxWorkTemperature: 85,
  gridConnectionDate: Date.UTC(2024, 0, 15),
  isDefault: false,
};

const without = (key) => Object.fromEntries(Object.entries(COMPLETE).filter(([k]) => k !== key));

describe('I-V string configuration: the api and the simulator require the same fields', function () {
  let sim;
  let dn;
  before(async function () {
    sim = await startSimulator({ plants: 1, users: [USER] });
    dn = must(
      sim.fleet.plants[0].devices.find((d) => d.deviceTypeId === 20822),
      'an inverter of the plant',
    ).dn;
  });
  after(async function () {
    if (sim) await sim.close();
  });

  /** The api's verdict on a configuration of one string: the field it names, or undefined. */
  function apiRefuses(item) {
    try {
      validate(configureStrings, { dn, pvNum: 1, configuration: [item] });
      return undefined;
    } catch (e) {
      return fsError(e).field;
    }
  }

  /** The simulator's verdict: its failCode, or undefined when it accepts. */
  function simRefuses(item) {
    const route = sim.routes.get('iv/pvConfig/configuration');
    try {
      route.handler({
        sim,
        user: USER,
        body: { dn, pvNum: 1, configuration: [item] },
        endpoint: 'iv/pvConfig/configuration',
        now: Date.now(),
      });
      return undefined;
    } catch (e) {
      return /** @type {{ failCode?: number }} */ (e).failCode;
    }
  }

  it('both accept a string with every field', function () {
    assert.equal(apiRefuses(COMPLETE), undefined);
    assert.equal(simRefuses(COMPLETE), undefined);
  });

  it('a field left out is refused by both or by neither', function () {
    const byApi = [];
    const bySim = [];
    for (const key of Object.keys(COMPLETE)) {
      const field = apiRefuses(without(key));
      if (field !== undefined) {
        assert.equal(field, `configuration[0].${key}`, `the api names ${key}`);
        byApi.push(key);
      }
      const code = simRefuses(without(key));
      if (code !== undefined) {
        assert.equal(code, 20612, `the simulator answers a missing ${key} with 20612`);
        bySim.push(key);
      }
    }
    assert.deepEqual(bySim, byApi, 'fields the simulator requires = fields the api requires');
    // 9.4.9: the string's index, count, 2-in-1 flag and grid date, and 14 module fields.
    assert.equal(byApi.length, 18, byApi.join(', '));
  });
});
