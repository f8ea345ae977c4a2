'use strict';
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters, ivNode, ivCalls } = require('../helpers/iv');
const { must } = require('../helpers/must');

const SEVILLE_2021 = '2021-03-01T00:00:00+01:00';

describe('fusionsolar-iv node: strings and modules (9.4.7-9.4.11)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  async function start(allowControl = false) {
    ({ sim } = await sunnySim());
    await load(flowWith(sim, ivNode('stringConfigs'), { accountExtra: { allowControl } }), credentials());
    return harness();
  }

  it("lists every inverter's string configuration, filtered by status, plant or name", async function () {
    const h = await start();
    const all = await h.send({});
    assert.equal(all.error, undefined, all.error && all.error.message);
    const count = sim.fleet.devices().filter((d) => d.deviceTypeId === 20822).length;
    assert.equal(all.out[0].payload.length, count);
    assert.ok(
      all.out[0].payload.every((x) => typeof x.pvNum === 'number' && (x.configStatus === 0 || x.configStatus === 1)),
    );
    const unconfigured = await h.send({ payload: { configStatus: 0 } });
    assert.ok(
      unconfigured.out[0].payload.length >= 1 && unconfigured.out[0].payload.every((x) => x.configStatus === 0),
    );
    const plant = await h.send({
      payload: { plantCodes: [sim.fleet.plants[1].plantCode], inverterName: 'inverter-2' },
    });
    assert.deepEqual(
      plant.out[0].payload.map((x) => x.dn),
      [inverters(sim, 1)[1]],
    );
    const bad = await h.send({ payload: { configStatus: 3 } });
    assert.match(
      must(bad.error, 'bad.error').message,
      /configStatus: must be 0 \(not configured\) or 1 \(configured\)/,
    );
  });

  it(
    "reads the library, a module's details (both vendor spellings) and the configured strings of " + 'inverters',
    async function () {
      const h = await start();
      const lib = await h.send({ operation: 'moduleLibrary' });
      assert.ok(lib.out[0].payload.length >= 2);
      assert.deepEqual(lib.out[0].payload[0], {
        id: 180053,
        manufacturer: 'Green Power PV',
        moduleModel: 'GPM260P-B-60-7',
        moduleType: 1,
        modulePower: 250,
      });
      const mod = await h.send({ operation: 'moduleDetails', payload: { moduleId: '140003' } });
      assert.equal(mod.out[0].payload.moduleManufacturer, 'Juli Solar');
      assert.equal(mod.out[0].payload.manufacturer, 'Juli Solar');
      assert.equal(mod.out[0].payload.moduleOpenCircuitVoltage, 39.22);
      const details = await h.send({ operation: 'stringDetails', payload: { dn: inverters(sim, 1).slice(0, 2) } });
      assert.equal(must(details.out[0].fusionsolar, 'details.out[0].fusionsolar').calls, 2);
      assert.ok(
        details.out[0].payload.length > 0 &&
          details.out[0].payload.every((s) => typeof s.devId === 'number' && typeof s.gridConnectionDate === 'number'),
      );

      const before = ivCalls(sim);
      const badId = await h.send({ operation: 'moduleDetails', payload: { moduleId: 'x' } });
      assert.match(must(badId.error, 'badId.error').message, /moduleId: must be a module id number/);
      const extra = await h.send({ operation: 'moduleLibrary', payload: { vendor: 'x' } });
      assert.match(must(extra.error, 'extra.error').message, /vendor: is not a parameter of moduleLibrary/);
      const noDn = await h.send({ operation: 'stringDetails', payload: { dn: '' } });
      assert.match(must(noDn.error, 'noDn.error').message, /dn: must name at least one code/);
      assert.equal(ivCalls(sim), before);
    },
  );

  it('refuses configureStrings unless the account allows device control, without any call', async function () {
    const h = await start(false);
    const r = await h.send({
      operation: 'configureStrings',
      payload: {
        dn: inverters(sim, 0)[0],
        pvNum: 2,
        configuration: [
          { pvIndex: 1, moduleId: 180053, moduleQuantity: 10, is2in1String: 0, gridConnectionDate: SEVILLE_2021 },
        ],
      },
    });
    assert.equal(must(r.error, 'r.error').code, 'CONTROL_DISABLED');
    // An invalid configuration is reported as such even with control off: field and rule first.
    const bad = await h.send({
      operation: 'configureStrings',
      payload: {
        dn: inverters(sim, 0)[0],
        pvNum: 2,
        configuration: [
          { pvIndex: 1, moduleId: 180053, moduleQuantity: 'many', is2in1String: 0, gridConnectionDate: SEVILLE_2021 },
        ],
      },
    });
    assert.equal(must(bad.error, 'bad.error').code, 'INVALID_INPUT');
    assert.match(must(bad.error, 'bad.error').message, /moduleQuantity/);
    assert.equal(ivCalls(sim), 0);
  });

  it(
    'configures strings from a module id, clearing the strings left out, and sends the command ' + 'once',
    async function () {
      const h = await start(true);
      const dn = inverters(sim, 1)[0];
      const configuration = [
        { pvIndex: 1, moduleId: 180053, moduleQuantity: 12, is2in1String: 0, gridConnectionDate: SEVILLE_2021 },
        {
          pvIndex: 3,
          moduleId: 140003,
          moduleQuantity: 11,
          is2in1String: 1,
          gridConnectionDate: SEVILLE_2021,
          fillFactor: 77,
        },
      ];
      const r = await h.send({ operation: 'configureStrings', payload: { dn, pvNum: 8, configuration } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(r.out[0].payload, { dn, configured: [1, 3] });
      assert.equal(sim.stats.commands['iv/pvConfig/configuration'], 1);
      const details = await h.send({ operation: 'stringDetails', payload: { dn } });
      const strings = details.out[0].payload;
      assert.deepEqual(
        strings.map((s) => s.pvIndex),
        [1, 3],
      );
      assert.equal(strings[0].moduleModel, 'GPM260P-B-60-7');
      assert.equal(strings[0].moduleShortCircuitCurrent, 8.62);
      assert.equal(strings[1].moduleManufacturer, 'Juli Solar');
      assert.equal(strings[1].fillFactor, 77, 'a value given explicitly wins over the library');
      assert.equal(strings[1].gridConnectionDate, Date.parse(SEVILLE_2021));

      const before = ivCalls(sim);
      const tooHigh = await h.send({
        operation: 'configureStrings',
        payload: { dn, pvNum: 2, configuration: [{ ...configuration[1] }] },
      });
      assert.match(
        must(tooHigh.error, 'tooHigh.error').message,
        /configuration\[0\]\.pvIndex: must be at most pvNum \(2\)/,
      );
      const noModule = await h.send({
        operation: 'configureStrings',
        payload: {
          dn,
          pvNum: 8,
          configuration: [{ pvIndex: 1, moduleQuantity: 12, is2in1String: 0, gridConnectionDate: SEVILLE_2021 }],
        },
      });
      assert.match(
        must(noModule.error, 'noModule.error').message,
        /configuration\[0\]\.moduleManufacturer: is required \(or give moduleId/,
      );
      const nullValue = await h.send({
        operation: 'configureStrings',
        payload: { dn, pvNum: 8, configuration: [{ ...configuration[0], maxModulePower: null }] },
      });
      assert.match(
        must(nullValue.error, 'nullValue.error').message,
        /configuration\[0\]\.maxModulePower: must be a number/,
      );
      assert.equal(ivCalls(sim), before);
    },
  );
});
