'use strict';
// Issue 14: the client follows the V7 reference, checked over HTTP against the simulator
// (which implements the reference on its own). One test per numbered point; points 7 and
// 11 are also in plant-data.test.js and iv-results.test.js, point 5 in governor-edge.test.js.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters } = require('../helpers/iv');
const { execute, NODE_OPERATIONS } = require('../../dist/src/api');
const { must } = require('../helpers/must');

const DAY = 86_400_000;
const reason = (r) => r.error.message.replace(/^FusionSolarError: /, '');
/** Parsed bodies the simulator received for an endpoint (record: true). */
const bodies = (sim, endpoint) => sim.requestLog.filter((e) => e.endpoint === endpoint).map((e) => JSON.parse(e.body));
const op = (type, name) => NODE_OPERATIONS[type].find((o) => o.name === name);

describe('issue 14: the client follows the V7 reference (simulator over HTTP)', function () {
  let sim;
  let clock;
  let h;

  async function start(node, { plants = 4, quirks = false, allowControl = false, sunny = false } = {}) {
    ({ sim, clock } = await (sunny ? sunnySim : virtualSim)({ plants, record: true, quirks }));
    await load(flowWith(sim, node, { outputs: 2, accountExtra: { allowControl } }), credentials());
    h = harness();
  }
  const client = () => must(helper.getNode('acc').client, "the account's client");

  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('1: a bare device list is the whole answer: one call, however full the page', async function () {
    await start({ type: 'fusionsolar-plants', operation: 'deviceList' }, { plants: 40, quirks: true });
    const codes = sim.fleet.plants.map((p) => p.plantCode);
    assert.ok(sim.fleet.devices().length > 100, 'more devices than a page holds');
    const r = await h.send({ payload: { plantCodes: codes } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(sim.stats.byEndpoint.devices, 1);
    assert.equal(r.out[0].payload.length, sim.fleet.devices().length);
    assert.ok(r.out[0].payload.every((d) => d.dataItemMap && !('dataltemMap' in d)));
  });

  it(
    '2: repeated plant codes are sent once and answered once per distinct code (9.3.1, 9.3.2, ' + '9.3.3, 9.6.1.5)',
    async function () {
      await start({ type: 'fusionsolar-plant-data', operation: 'realtimeKpi' });
      const [a, b] = sim.fleet.plants.map((p) => p.plantCode);
      const now = clock.now();
      /** @type {Array<[string, string, object]>} */
      const cases = [
        ['plantInfo', 'vpp/plants', {}],
        ['realtimeKpi', 'vpp/plantRealtimeKpi', {}],
        ['historyKpi', 'vpp/plantHistoryKpi', { startTime: now - 3_600_000, endTime: now }],
        ['ratedData', 'vpp/plantRatedData', {}],
      ];
      for (const [operation, endpoint, extra] of cases) {
        clock.advance(61_000);
        const r = await h.send({ operation, payload: { plantCodes: [a, b, a], ...extra } });
        assert.equal(r.error, undefined, `${operation}: ${r.error && r.error.message}`);
        assert.deepEqual(
          bodies(sim, endpoint).map((x) => x.plantCodes),
          [`${a},${b}`],
          operation,
        );
        const items = operation === 'ratedData' ? r.out[0].payload.plantRatedData : r.out[0].payload;
        assert.deepEqual(
          items.map((i) => i.plantCode),
          [a, b],
          operation,
        );
      }
    },
  );

  it('3: default-task values with more than 3 decimals are rounded off, not refused (9.6.1.3)', async function () {
    await start({ type: 'fusionsolar-control', operation: 'defaultSetting' }, { allowControl: true });
    const plant = sim.fleet.plants[0];
    const r = await h.send({
      payload: {
        tasks: [{ plantCode: plant.plantCode, maxFeedGridPower: 1.23456, activePowerVariationGradient: 0.12345 }],
      },
    });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(bodies(sim, 'vpp/plantDefaultSetting')[0].tasks, [
      { plantCode: plant.plantCode, maxFeedGridPower: 1.235, activePowerVariationGradient: 0.123 },
    ]);
    const below = await h.send({ payload: { plantCodes: plant.plantCode, activePowerVariationGradient: 0.0994 } });
    assert.match(
      reason(below),
      /^activePowerVariationGradient: must be at least 0.1/,
      'the range applies to the rounded value',
    );
  });

  it('4: only the list calls teach the fleet size, not the codes of a request', async function () {
    await start({ type: 'fusionsolar-plant-data', operation: 'realtimeKpi' });
    const many = Array.from({ length: 150 }, (_, i) => `NE=${900000 + i}`);
    const r = await h.send({ payload: { plantCodes: many } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(must(client(), 'client()').fleet.plants, 1, '150 codes asked for prove nothing about the account');
    clock.advance(61_000);
    await execute(op('fusionsolar-plants', 'plantList'), {}, { client: client() });
    assert.equal(must(client(), 'client()').fleet.plants, sim.fleet.plants.length);
  });

  it('6: DRM reads no device list of its own, and counts central inverters (20827) toward the 200', async function () {
    await start({ type: 'fusionsolar-control', operation: 'drm' }, { allowControl: true, plants: 6 });
    const drms = { drm0: true, drm1: false, drm5: false };
    const plant = sim.fleet.plants[1];
    for (let i = 0; i < 200; i++)
      plant.devices.push({
        dn: `NE=${70000000 + i}`,
        sn: `C${i}`,
        deviceName: `Central-${i}`,
        deviceTypeId: 20827,
        plantCode: plant.plantCode,
        model: 'SUN8000',
      });
    // No device list read today: the command goes to the server, which judges (20116).
    const first = await h.send({ payload: { plantcodes: plant.plantCode, drms } });
    assert.equal(first.error.code, '20116');
    assert.equal(sim.stats.byEndpoint.devices, undefined);
    // After the flow's own device list the limit is known and checked before any command.
    await execute(op('fusionsolar-plants', 'deviceList'), { plantCodes: [plant.plantCode] }, { client: client() });
    const listCalls = sim.stats.byEndpoint.devices;
    const drmCalls = sim.stats.byEndpoint['vpp/drm'];
    const r = await h.send({ payload: { plantcodes: plant.plantCode, drms } });
    assert.equal(r.error.code, 'INVALID_INPUT');
    assert.match(reason(r), /^plantcodes: these plants have 20\d inverters \(string and central/);
    assert.equal(sim.stats.byEndpoint['vpp/drm'], drmCalls);
    assert.equal(sim.stats.byEndpoint.devices, listCalls);
  });

  it('8: moduleDetails accepts the reference\'s own "id" in msg.payload', async function () {
    await start({ type: 'fusionsolar-iv', operation: 'moduleDetails' });
    const r = await h.send({ payload: { id: 140003 } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(bodies(sim, 'iv/pvConfig/module'), [{ id: 140003 }]);
    assert.equal(r.out[0].payload.id, 140003);
  });

  it('9: createTask and chargeDischarge send the optional fields the user gave', async function () {
    await start({ type: 'fusionsolar-iv', operation: 'createTask' }, { sunny: true, allowControl: true });
    const dns = inverters(sim, 1);
    const r = await h.send({
      payload: {
        taskName: 'auto with readings',
        dns,
        cleanStatus: 0,
        environmentalParameters: 0,
        modulePlaneIrradiance: 800,
        moduleBackSurfaceTemperature: 25,
      },
    });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const [sent] = bodies(sim, 'iv/scanTask');
    assert.equal(sent.modulePlaneIrradiance, 800);
    assert.equal(sent.moduleBackSurfaceTemperature, 25);
    await helper.unload();
    await stopSim(sim);
    await start({ type: 'fusionsolar-control', operation: 'chargeDischarge' }, { allowControl: true });
    const code = sim.fleet.plants.find((p) => p.devices.some((d) => d.deviceTypeId === 20815)).plantCode;
    const c = await h.send({
      payload: { plantCodes: code, dispatchSwitch: 1, controlType: 2, dispatchTime: 30, targetSOC: 80 },
    });
    assert.equal(c.error, undefined, c.error && c.error.message);
    const [body] = bodies(sim, 'vpp/chargeAndDischarge');
    assert.equal(body.dispatchTime, 30);
    assert.equal(body.targetSOC, 80);
  });

  it(
    '10: no 100-code caps the reference lacks (pvConfig, default-task status); deviceTypeId from ' + 'chapter 10',
    async function () {
      await start({ type: 'fusionsolar-iv', operation: 'stringConfigs' });
      const many = Array.from({ length: 101 }, (_, i) => `NE=${900000 + i}`);
      const r = await h.send({ payload: { plantCodes: many } });
      assert.notEqual(r.error && r.error.code, 'INVALID_INPUT', r.error && r.error.message);
      assert.equal(bodies(sim, 'iv/pvConfig')[0].plantCodes.split(',').length, 101);
      const status = op('fusionsolar-control', 'defaultSettingStatus');
      const s = await execute(status, { requestId: '1', plantCodes: many }, { client: client() }).catch((e) => e);
      assert.notEqual(s.code, 'INVALID_INPUT', s.message);
      const devices = op('fusionsolar-plants', 'deviceList');
      const bad = await execute(devices, { plantCodes: ['NE=1'], deviceTypeId: 20823 }, { client: client() }).catch(
        (e) => e,
      );
      assert.equal(bad.code, 'INVALID_INPUT');
      assert.match(bad.message, /^deviceTypeId: must be a device type id of reference chapter 10/);
    },
  );

  it('12 (client side): a logout sends the token in the body, and the simulator ends the session', async function () {
    await start({ type: 'fusionsolar-plants', operation: 'plantList' });
    const r = await h.send({ payload: {} });
    assert.equal(r.error, undefined);
    await must(client(), 'client()').session.logout(must(client(), 'client()').governor);
    assert.equal(sim.stats.logouts, 1);
  });

  it(
    '7: history older than 365 days or starting after now reaches the server (9.3.3 states only the ' + '24 hours)',
    async function () {
      await start({ type: 'fusionsolar-plant-data', operation: 'historyKpi' });
      const code = sim.fleet.plants[0].plantCode;
      const now = clock.now();
      const old = await h.send({
        payload: { plantCodes: code, startTime: now - 366 * DAY, endTime: now - 365.5 * DAY },
      });
      assert.equal(old.error.code, '20026');
      clock.advance(61_000);
      const later = await h.send({ payload: { plantCodes: code, startTime: now + DAY, endTime: now + 1.5 * DAY } });
      assert.equal(later.error, undefined, later.error && later.error.message);
      assert.deepEqual(
        later.out[0].payload.map((p) => p.dataItem.length),
        [0],
      );
      assert.equal(sim.stats.byEndpoint['vpp/plantHistoryKpi'], 2);
    },
  );
});
