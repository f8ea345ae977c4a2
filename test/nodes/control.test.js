'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { until, settle } = require('../helpers/wait');
const { controlState } = require('../../dist/src/simulator/routes/control-state');
const { must } = require('../helpers/must');

const BATTERY = 20815;
const INVERTER = 20822;
const LOGGER = 20821;

const controlNode = (extra = {}) => ({ type: 'fusionsolar-control', operation: 'chargeDischarge', ...extra });
const devicesOf = (sim, type) => sim.fleet.devices().filter((d) => d.deviceTypeId === type);
const plantsWith = (sim, type) => sim.fleet.plants.filter((p) => p.devices.some((d) => d.deviceTypeId === type));
const plantsWithout = (sim, type) => sim.fleet.plants.filter((p) => !p.devices.some((d) => d.deviceTypeId === type));
/** Node-RED's msg.error.message is err.toString(): "FusionSolarError: field: rule". */
const reason = (r) => r.error.message.replace(/^FusionSolarError: /, '');
const commands = (sim) => Object.values(sim.stats.commands).reduce((a, b) => a + b, 0);

describe('fusionsolar-control node (simulator over HTTP)', function () {
  let sim;
  let clock;
  let h;

  async function start(node = {}, { plants = 6, accountExtra = {} } = {}) {
    ({ sim, clock } = await virtualSim({ plants, record: true }));
    await load(
      flowWith(sim, controlNode(node), { outputs: 2, accountExtra: { allowControl: true, ...accountExtra } }),
      credentials(),
    );
    h = harness();
  }

  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  describe('each operation: a valid call and its parsed result', function () {
    beforeEach(() => start());

    it('chargeDischarge returns per-plant results and the generated requestID', async function () {
      const codes = plantsWith(sim, BATTERY).map((p) => p.plantCode);
      const r = await h.send({
        payload: { plantCodes: codes, dispatchSwitch: 1, controlType: 1, targetSOC: 90, powerDispatch: 2000 },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const msg = r.out[0];
      const id = msg.fusionsolar.requestID;
      assert.ok(Number.isSafeInteger(id) && id > 0);
      assert.deepEqual(
        msg.payload.map((i) => i.plantCode),
        codes,
      );
      for (const item of msg.payload) {
        assert.equal(item.dispatchResult, 0);
        assert.equal(typeof item.remoteID, 'string');
        assert.equal(item.requestID, id);
      }
      assert.equal(sim.stats.commands['vpp/chargeAndDischarge'], 1);
      assert.equal(msg.fusionsolar.total, codes.length);
      assert.equal(h.seen.statuses.at(-1).status.text, `${codes.length} of ${codes.length} ok`);
    });

    it('chargeDischargeStatus parses the subtasks of a task (numbers, times, null capacities)', async function () {
      const [plant] = plantsWith(sim, BATTERY);
      const sent = await h.send({
        payload: { plantCodes: plant.plantCode, dispatchSwitch: 2, controlType: 2, dispatchTime: 30 },
      });
      const requestID = sent.out[0].fusionsolar.requestID;
      clock.advance(6 * 60_000);
      const r = await h.send({ operation: 'chargeDischargeStatus', payload: { requestID: String(requestID) } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const [st] = r.out[0].payload;
      assert.equal(st.plantCode, plant.plantCode);
      assert.equal(st.status, 1);
      assert.equal(st.chargedCapacity, null);
      assert.equal(typeof st.dischargedCapacity, 'number');
      assert.ok(st.dischargedCapacity > 0);
      assert.match(st.execStartTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      assert.equal(st.execEndTime, null);
    });

    it('setDod clamps each battery to its range and reports setDOD', async function () {
      const dns = devicesOf(sim, BATTERY).map((d) => d.dn);
      const r = await h.send({ operation: 'setDod', payload: { dns, dod: '50' } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(
        r.out[0].payload,
        dns.map((dn) => ({ dn, result: 0, setDOD: 80 })),
      );
      assert.ok(devicesOf(sim, BATTERY).every((d) => d.dod === 80));
    });

    it('inverterPower switches inverters off (they produce nothing) and on again', async function () {
      const dns = devicesOf(sim, INVERTER)
        .slice(0, 3)
        .map((d) => d.dn);
      const off = await h.send({ operation: 'inverterPower', payload: { dns, controlType: 2 } });
      assert.equal(off.error, undefined, off.error && off.error.message);
      assert.deepEqual(
        off.out[0].payload,
        dns.map((dn) => ({ dn, result: 0 })),
      );
      assert.ok(dns.every((dn) => sim.fleet.device(dn).off === true));
      const on = await h.send({ operation: 'inverterPower', payload: { dns, controlType: '1' } });
      assert.equal(on.error, undefined, on.error && on.error.message);
      assert.ok(dns.every((dn) => sim.fleet.device(dn).off === false));
      assert.equal(sim.stats.commands['vpp/devOnOff'], 2);
    });

    it('emsMode answers per SmartLogger, booleans read as the documented integers', async function () {
      const [plant] = plantsWith(sim, LOGGER);
      const r = await h.send({ operation: 'emsMode', payload: { dn: plant.plantCode, controlType: 6 } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(r.out[0].payload, [{ name: 'SmartLogger-1', success: 0, message: 'Operation complete.' }]);
    });

    it('defaultSetting sends one task per plant; its status moves from "0" to "1"', async function () {
      const codes = plantsWith(sim, BATTERY)
        .slice(0, 2)
        .map((p) => p.plantCode);
      const r = await h.send({
        operation: 'defaultSetting',
        payload: { plantCodes: codes, maxFeedGridPower: 1.234, activePowerVariationGradient: 2 },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const { requestId, tasks } = r.out[0].payload;
      assert.equal(typeof requestId, 'string');
      assert.deepEqual(
        tasks,
        codes.map((plantCode) => ({ plantCode, result: 0 })),
      );
      const before = await h.send({ operation: 'defaultSettingStatus', payload: { requestId } });
      assert.deepEqual(
        before.out[0].payload.map((s) => s.status),
        ['0', '0'],
      );
      assert.equal(before.out[0].payload[0].maxFeedGridPower, 1.234);
      assert.equal(before.out[0].payload[0].appliedTime, null);
      clock.advance(5 * 60_000);
      const after = await h.send({ operation: 'defaultSettingStatus', payload: { requestId, plantCodes: codes[1] } });
      assert.equal(after.out[0].payload.length, 1);
      assert.equal(after.out[0].payload[0].status, '1');
      assert.equal(typeof after.out[0].payload[0].appliedTime, 'string');
    });

    it(
      'drm sends boolean switches as strings to plantcodes; drmStatus moves "0" -> "1" and drm0 ' +
        'stops the inverters',
      async function () {
        const plants = plantsWithout(sim, LOGGER).slice(0, 2);
        const r = await h.send({
          operation: 'drm',
          payload: { plantCodes: plants.map((p) => p.plantCode), drms: { drm0: true, drm1: 'false', drm5: false } },
        });
        assert.equal(r.error, undefined, r.error && r.error.message);
        const items = r.out[0].payload;
        assert.deepEqual(
          items.map((i) => [i.plantCode, i.result, i.drm]),
          plants.map((p) => [p.plantCode, 0, 'drm0=true,drm1=false,drm5=false']),
        );
        const remoteIds = items.map((i) => i.remoteId);
        const inverters = plants.flatMap((p) => p.devices.filter((d) => d.deviceTypeId === INVERTER));
        assert.ok(inverters.every((d) => d.off !== true));
        const before = await h.send({ operation: 'drmStatus', payload: { remoteIds } });
        assert.deepEqual(
          before.out[0].payload.flatMap((t) => t.devicesStatusInfo.map((d) => d.status)),
          inverters.map(() => '0'),
        );
        clock.advance(2 * 60_000);
        const after = await h.send({ operation: 'drmStatus', payload: { remoteIds: remoteIds.join(',') } });
        assert.deepEqual(
          after.out[0].payload.map((t) => t.remoteId),
          remoteIds,
        );
        assert.deepEqual(
          after.out[0].payload.flatMap((t) => t.devicesStatusInfo.map((d) => d.status)),
          inverters.map(() => '1'),
        );
        assert.ok(inverters.every((d) => d.off === true));
      },
    );
  });

  describe('safety', function () {
    it('refuses every command when control is disabled, with zero HTTP calls', async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      await load(flowWith(sim, controlNode(), { outputs: 2 }), credentials());
      h = harness();
      const code = sim.fleet.plants[0].plantCode;
      const dn = sim.fleet.plants[0].devices[0].dn;
      const inputs = [
        { operation: 'chargeDischarge', payload: { plantCodes: code, dispatchSwitch: 0 } },
        { operation: 'setDod', payload: { dns: dn, dod: 90 } },
        { operation: 'inverterPower', payload: { dns: dn, controlType: 2 } },
        { operation: 'emsMode', payload: { dn: code, controlType: 6 } },
        { operation: 'defaultSetting', payload: { plantCodes: code, activePowerVariationGradient: 1 } },
        { operation: 'drm', payload: { plantcodes: code, drms: { drm0: true, drm1: true, drm5: true } } },
      ];
      for (const msg of inputs) {
        const r = await h.send(msg);
        assert.equal(r.error.code, 'CONTROL_DISABLED', msg.operation);
        assert.match(r.error.message, /Allow device control/);
      }
      assert.equal(sim.stats.requests, 0);
      assert.equal(sim.stats.logins, 0);
    });

    it(
      'checks a command before refusing it: an invalid one names the field and rule, a valid one is ' +
        'CONTROL_DISABLED',
      async function () {
        ({ sim } = await virtualSim({ plants: 3 }));
        await load(flowWith(sim, controlNode(), { outputs: 2 }), credentials());
        h = harness();
        const code = sim.fleet.plants[0].plantCode;
        const bad = await h.send({
          payload: { plantCodes: code, dispatchSwitch: 1, controlType: 1, targetSOC: 150, powerDispatch: 2000 },
        });
        assert.equal(must(bad.error, 'bad.error').code, 'INVALID_INPUT');
        assert.equal(must(bad.caught?.fusionsolar?.error, 'bad.caught.fusionsolar.error').field, 'targetSOC');
        assert.match(reason(bad), /^targetSOC: /);
        assert.doesNotMatch(reason(bad), /Allow device control/);
        const badDod = await h.send({
          operation: 'setDod',
          payload: { dns: sim.fleet.plants[0].devices[0].dn, dod: 'lots' },
        });
        assert.equal(must(badDod.error, 'badDod.error').code, 'INVALID_INPUT');
        assert.equal(must(badDod.caught?.fusionsolar?.error, 'badDod.caught.fusionsolar.error').field, 'dod');
        const good = await h.send({
          payload: { plantCodes: code, dispatchSwitch: 1, controlType: 1, targetSOC: 90, powerDispatch: 2000 },
        });
        assert.equal(must(good.error, 'good.error').code, 'CONTROL_DISABLED');
        assert.equal(must(h.seen.statuses.at(-1)?.status, 'h.seen.statuses.at(-1).status').text, 'CONTROL_DISABLED');
        assert.equal(sim.stats.requests, 0);
      },
    );

    it(
      'sends a command whose answer never arrives exactly once, says the outcome is unknown and ' +
        'keeps the requestID to query',
      async function () {
        await start({}, { accountExtra: { timeout: 1 } });
        const [plant] = plantsWith(sim, BATTERY);
        sim.inject({ kind: 'delay', endpoint: 'vpp/chargeAndDischarge', ms: 1500 });
        const r = await h.send({
          payload: { plantCodes: plant.plantCode, dispatchSwitch: 1, controlType: 2, dispatchTime: 30 },
        });
        assert.equal(r.error.code, 'OUTCOME_UNKNOWN');
        assert.match(r.error.message, /outcome unknown/i);
        assert.match(r.error.message, /query the task status/);
        // The late answer is written (to a connection the client has given up on): nothing follows it.
        await until(
          () => sim.requestLog.some((e) => e.endpoint === 'vpp/chargeAndDischarge' && e.answer !== undefined),
          'the late answer',
        );
        await settle();
        assert.equal(sim.stats.byEndpoint['vpp/chargeAndDischarge'], 1);
        assert.equal(sim.stats.commands['vpp/chargeAndDischarge'], 1);
        assert.equal(h.seen.out.length, 0);
        // The task did start: the requestID on the failed message finds it.
        const requestID = r.caught.fusionsolar.requestID;
        assert.ok(Number.isSafeInteger(requestID));
        const status = await h.send({ operation: 'chargeDischargeStatus', payload: { requestID } });
        assert.equal(status.error, undefined, status.error && status.error.message);
        assert.equal(status.out[0].payload[0].plantCode, plant.plantCode);
      },
    );

    it('waits for the one-a-minute quota instead of provoking 407', async function () {
      await start({ operation: 'setDod' });
      const dn = devicesOf(sim, BATTERY)[0].dn;
      const t0 = clock.now();
      assert.equal((await h.send({ payload: { dns: dn, dod: 90 } })).error, undefined);
      assert.equal((await h.send({ payload: { dns: dn, dod: 85 } })).error, undefined);
      assert.ok(clock.now() - t0 >= 60_000);
      assert.equal(sim.stats.quota407, 0);
      assert.equal(sim.stats.commands['vpp/dod'], 2);
    });
  });

  describe('validation: each rule fails before any call', function () {
    beforeEach(() => start());

    const cd = (p) => ({
      operation: 'chargeDischarge',
      payload: { plantCodes: 'NE=33554432', dispatchSwitch: 1, controlType: 1, targetSOC: 80, ...p },
    });
    const many = (n, prefix = 'NE=') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    const drms = { drm0: true, drm1: false, drm5: false };
    /** @type {Array<[string, object, RegExp]>} */
    const cases = [
      ['plant list required', cd({ plantCodes: undefined }), /^plantCodes: is required/],
      ['at most 100 plants', cd({ plantCodes: many(101) }), /^plantCodes: at most 100/],
      ['no repeated plant', cd({ plantCodes: ['NE=1', 'NE=1'] }), /^plantCodes: must not name the same plant twice/],
      ['switch value', cd({ dispatchSwitch: 3 }), /^dispatchSwitch: must be one of 0, 1, 2/],
      ['control type value', cd({ controlType: 3 }), /^controlType: must be one of 1, 2/],
      [
        'control type required when forcing',
        cd({ controlType: undefined, targetSOC: undefined }),
        /^controlType: is required for forced/,
      ],
      [
        'target SOC required with SOC control',
        cd({ targetSOC: undefined }),
        /^targetSOC: is required with SOC control/,
      ],
      ['target SOC range', cd({ targetSOC: 101 }), /^targetSOC: must be at most 100/],
      [
        'duration required with duration control',
        cd({ controlType: 2, targetSOC: null }),
        /^dispatchTime: is required with duration control/,
      ],
      [
        'duration range',
        cd({ controlType: 2, targetSOC: null, dispatchTime: 1441 }),
        /^dispatchTime: must be at most 1440/,
      ],
      [
        'charge power positive',
        cd({ powerDispatch: -100 }),
        /^powerDispatch: must be greater than 0 W for forced charge/,
      ],
      [
        'discharge power negative',
        cd({ dispatchSwitch: 2, targetSOC: 20, powerDispatch: 100 }),
        /^powerDispatch: must be less than 0 W for forced discharge/,
      ],
      ['requestID a safe whole number', cd({ requestID: '12.5' }), /^requestID: must be a whole number/],
      ['status needs a requestID', { operation: 'chargeDischargeStatus', payload: {} }, /^requestID: is required/],
      ['DoD range', { operation: 'setDod', payload: { dns: 'NE=1', dod: 101 } }, /^dod: must be at most 100/],
      ['at most 100 batteries', { operation: 'setDod', payload: { dns: many(101), dod: 90 } }, /^dns: at most 100/],
      [
        'at most 100 inverters',
        { operation: 'inverterPower', payload: { dns: many(101), controlType: 1 } },
        /^dns: at most 100/,
      ],
      [
        'power switch value',
        { operation: 'inverterPower', payload: { dns: 'NE=1', controlType: 3 } },
        /^controlType: must be one of 1, 2/,
      ],
      [
        'one plant DN per EMS call',
        { operation: 'emsMode', payload: { dn: 'NE=1,NE=2', controlType: 6 } },
        /^dn: takes one plant DN per call/,
      ],
      [
        'EMS type not supported',
        { operation: 'emsMode', payload: { dn: 'NE=1', controlType: 2 } },
        /^controlType: 2 \(Maximum self-consumption\) is marked "not supported"/,
      ],
      [
        'EMS type unknown',
        { operation: 'emsMode', payload: { dn: 'NE=1', controlType: 7 } },
        /^controlType: must be one of 0, 2, 4, 5, 6/,
      ],
      ['default tasks required', { operation: 'defaultSetting', payload: {} }, /^tasks: is required/],
      [
        'default: one value at least',
        { operation: 'defaultSetting', payload: { tasks: [{ plantCode: 'NE=1' }] } },
        /^tasks\[0\]: needs maxFeedGridPower or activePowerVariationGradient/,
      ],
      [
        'feed-in lower bound',
        { operation: 'defaultSetting', payload: { tasks: [{ plantCode: 'NE=1', maxFeedGridPower: -1000.5 }] } },
        /^tasks\[0\]\.maxFeedGridPower: must be at least -1000/,
      ],
      [
        'gradient range',
        { operation: 'defaultSetting', payload: { plantCodes: 'NE=1', activePowerVariationGradient: 0.05 } },
        /^activePowerVariationGradient: must be at least 0.1/,
      ],
      [
        'default: no repeated plant',
        {
          operation: 'defaultSetting',
          payload: {
            tasks: [
              { plantCode: 'NE=1', activePowerVariationGradient: 1 },
              { plantCode: 'NE=1', activePowerVariationGradient: 2 },
            ],
          },
        },
        /^tasks\[1\]\.plantCode: repeats plant NE=1/,
      ],
      [
        'default: at most 100 plants',
        { operation: 'defaultSetting', payload: { plantCodes: many(101), activePowerVariationGradient: 1 } },
        /^plantCodes: at most 100/,
      ],
      [
        'status needs a requestId',
        { operation: 'defaultSettingStatus', payload: { plantCodes: 'NE=1' } },
        /^requestId: is required/,
      ],
      ['DRM plants required', { operation: 'drm', payload: { drms } }, /^plantcodes: is required/],
      [
        'DRM at most 100 plants',
        { operation: 'drm', payload: { plantcodes: many(101), drms } },
        /^plantcodes: at most 100/,
      ],
      [
        'DRM switches are booleans',
        { operation: 'drm', payload: { plantcodes: 'NE=1', drms: { ...drms, drm1: 'yes' } } },
        /^drms\.drm1: must be true or false/,
      ],
      [
        'DRM switches all given',
        { operation: 'drm', payload: { plantcodes: 'NE=1', drms: { drm0: true, drm1: true } } },
        /^drms\.drm5: is required/,
      ],
      [
        'DRM supports drm0/1/5 only',
        { operation: 'drm', payload: { plantcodes: 'NE=1', drms: { ...drms, drm2: true } } },
        /^drms\.drm2: is not supported/,
      ],
      [
        'at most 100 DRM task ids',
        { operation: 'drmStatus', payload: { remoteIds: many(101, '') } },
        /^remoteIds: at most 100/,
      ],
      [
        'unknown parameter',
        { operation: 'setDod', payload: { dns: 'NE=1', dod: 90, extra: 1 } },
        /^extra: is not a parameter of setDod/,
      ],
    ];

    it(
      `rejects ${cases.length} kinds of bad input with INVALID_INPUT naming the field, and makes no ` + `HTTP call`,
      async function () {
        for (const [name, msg, expected] of cases) {
          const r = await h.send(msg);
          assert.ok(r.error, `${name}: expected an error`);
          assert.equal(r.error.code, 'INVALID_INPUT', `${name}: ${r.error.message}`);
          assert.match(reason(r), expected, name);
        }
        assert.equal(sim.stats.requests, 0);
      },
    );

    it(
      'checks the feed-in limit against the plant capacity before the command; DRM without a device ' +
        "list is the server's to judge",
      async function () {
        const plant = sim.fleet.plants[0];
        const over = await h.send({
          operation: 'defaultSetting',
          payload: { tasks: [{ plantCode: plant.plantCode, maxFeedGridPower: plant.capacity + 1 }] },
        });
        assert.equal(over.error.code, 'INVALID_INPUT');
        assert.match(
          reason(over),
          new RegExp(`^tasks\\[0\\]\\.maxFeedGridPower: must be at most the capacity of plant ${plant.plantCode}`),
        );
        assert.equal(commands(sim), 0);
        assert.equal(sim.stats.byEndpoint['vpp/plantDefaultSetting'], undefined);
        // The 100 plants with the most inverters of a larger fleet hold more than 200.
        await helper.unload();
        await stopSim(sim);
        ({ sim } = await virtualSim({ plants: 300 }));
        await load(flowWith(sim, controlNode(), { outputs: 2, accountExtra: { allowControl: true } }), credentials());
        h = harness();
        const inverters = (p) => p.devices.filter((d) => d.deviceTypeId === INVERTER).length;
        const biggest = [...sim.fleet.plants].sort((a, b) => inverters(b) - inverters(a)).slice(0, 100);
        assert.ok(biggest.reduce((n, p) => n + inverters(p), 0) > 200);
        const r = await h.send({
          operation: 'drm',
          payload: { plantcodes: biggest.map((p) => p.plantCode), drms: { drm0: true, drm1: true, drm5: true } },
        });
        // No device list read of its own (it would spend that list's quota): the server answers 20116.
        assert.equal(must(r.error, 'r.error').code, '20116');
        assert.equal(sim.stats.byEndpoint.devices, undefined);
        assert.equal(sim.stats.byEndpoint['vpp/drm'], 1);
        assert.equal(commands(sim), 0);
      },
    );
  });

  describe('per-item results', function () {
    it('succeeds with msg.fusionsolar.failed and "3 of 5 ok" when some plants fail', async function () {
      await start();
      // Four plants with a battery, one of them offline, and one plant without a battery.
      const withBattery = plantsWith(sim, BATTERY)
        .slice(0, 4)
        .map((p) => p.plantCode);
      const [without] = plantsWithout(sim, BATTERY).map((p) => p.plantCode);
      controlState(sim).offline.add(withBattery[3]);
      const r = await h.send({
        payload: { plantCodes: [...withBattery, without], dispatchSwitch: 1, controlType: 2, dispatchTime: 60 },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(
        r.out[0].fusionsolar.failed.map((f) => f.plantCode),
        [withBattery[3], without],
      );
      assert.equal(r.out[0].payload.length, 5);
      assert.equal(h.seen.statuses.at(-1).status.text, '3 of 5 ok');
    });

    it('fails with a summary error and keeps the items when every item failed', async function () {
      await start({ operation: 'drm' });
      const codes = plantsWith(sim, LOGGER).map((p) => p.plantCode);
      const r = await h.send({ payload: { plantcodes: codes, drms: { drm0: false, drm1: false, drm5: true } } });
      assert.equal(r.error.code, 'FAILED');
      assert.equal(
        reason(r),
        `drm: all ${codes.length} plants failed (${codes.map((c) => `${c}: failed`).join('; ')})`,
      );
      const details = r.caught.fusionsolar.error.details;
      assert.deepEqual(
        details.failed.map((f) => f.plantCode),
        codes,
      );
      assert.equal(sim.stats.commands['vpp/drm'], 1);
    });

    it(
      'passes on the API failCodes: duplicate request id, unknown tasks, unauthorized plants and ' + 'devices',
      async function () {
        await start();
        const code = plantsWith(sim, BATTERY)[0].plantCode;
        const first = await h.send({ payload: { plantCodes: code, dispatchSwitch: 0, requestID: 4242 } });
        assert.equal(first.error, undefined, first.error && first.error.message);
        assert.equal(first.out[0].fusionsolar.requestID, 4242);
        clock.advance(60_000);
        const expectations = [
          [{ payload: { plantCodes: code, dispatchSwitch: 0, requestID: 4242 } }, '20048'],
          [{ operation: 'chargeDischargeStatus', payload: { requestID: 999 } }, '20050'],
          [{ operation: 'drmStatus', payload: { remoteIds: '123' } }, '20620'],
          [{ operation: 'defaultSettingStatus', payload: { requestId: '123' } }, '20617'],
          [{ operation: 'emsMode', payload: { dn: 'NE=99999999', controlType: 6 } }, '20045'],
          [{ operation: 'setDod', payload: { dns: 'NE=42', dod: 90 } }, '20046'],
        ];
        for (const [msg, failCode] of expectations) {
          const r = await h.send(msg);
          assert.equal(r.error && r.error.code, failCode, JSON.stringify(msg));
        }
        assert.equal(sim.stats.commands['vpp/chargeAndDischarge'], 1);
      },
    );
  });

  describe('task tracking', function () {
    it(
      'a forced charge to 80% raises the SOC over simulated time; progress on output 2, then one ' + 'final "complete"',
      async function () {
        await start({ track: true });
        const plant = plantsWith(sim, BATTERY).find((p) => p.devices.find((d) => d.deviceTypeId === BATTERY).soc < 70);
        const battery = plant.devices.find((d) => d.deviceTypeId === BATTERY);
        const socs = [battery.soc];
        helper
          .getNode('out2')
          .on('input', (m) => must(m.fusionsolar, 'm.fusionsolar').calls > 0 && socs.push(battery.soc));
        const t0 = clock.now();
        const r = await h.send({
          payload: { plantCodes: plant.plantCode, dispatchSwitch: 1, controlType: 1, targetSOC: 80 },
        });
        assert.equal(r.error, undefined, r.error && r.error.message);
        // The command result went out first, with the id the tracking messages carry.
        assert.equal(r.out.length, 1);
        const requestID = String(r.out[0].fusionsolar.requestID);
        // The first tracking message goes out at once, before any status query: every subtask running.
        const [first, ...tracked] = h.seen.out2;
        assert.deepEqual(
          [
            first.payload,
            first.fusionsolar.tracking.state,
            first.fusionsolar.tracking.running,
            first.fusionsolar.calls,
          ],
          [[], 'progress', 1, 0],
        );
        assert.equal(first.topic, requestID);
        assert.ok(tracked.length >= 3, `expected progress messages, got ${tracked.length}`);
        const states = tracked.map((m) => m.fusionsolar.tracking.state);
        assert.deepEqual(
          states.slice(0, -1),
          states.slice(0, -1).map(() => 'progress'),
        );
        assert.equal(states.at(-1), 'complete');
        assert.ok(tracked.every((m) => m.topic === requestID));
        const final = tracked.at(-1).fusionsolar.tracking;
        assert.equal(final.succeeded, 1);
        assert.equal(final.total, 1);
        assert.equal(tracked.at(-1).payload[0].status, 0);
        // SOC rose at every report and stopped at the target; charged energy grew with it.
        for (let i = 1; i < socs.length; i++)
          assert.ok(socs[i] > socs[i - 1] || socs[i] === 80, `SOC ${socs.join(' -> ')}`);
        assert.equal(battery.soc, 80);
        const charged = tracked.map((m) => m.payload[0].chargedCapacity);
        assert.ok(charged.at(-1) > charged[0]);
        assert.ok(clock.now() - t0 >= 15 * 60_000);
        assert.equal(h.seen.completed.length, 1);
        assert.equal(h.seen.statuses.at(-1).status.text, 'complete');
      },
    );

    it('tracks a DRM task per inverter, and a default task that fails on an offline plant', async function () {
      await start({ track: true });
      const plants = plantsWithout(sim, LOGGER).slice(0, 2);
      const r = await h.send({
        operation: 'drm',
        payload: { plantcodes: plants.map((p) => p.plantCode), drms: { drm0: false, drm1: true, drm5: false } },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const final = h.seen.out2.at(-1).fusionsolar.tracking;
      assert.equal(final.state, 'complete');
      assert.equal(final.total, plants.flatMap((p) => p.devices.filter((d) => d.deviceTypeId === INVERTER)).length);
      assert.equal(final.succeeded, final.total);

      const state = controlState(sim);
      const codes = plantsWith(sim, BATTERY)
        .slice(0, 2)
        .map((p) => p.plantCode);
      const before = h.seen.out2.length;
      const pending = h.send({
        operation: 'defaultSetting',
        payload: { plantCodes: codes, activePowerVariationGradient: 5 },
      });
      await h.waitFor(() => h.seen.out.length === 2);
      state.offline.add(codes[1]);
      const d = await pending;
      assert.equal(d.error, undefined, d.error && d.error.message);
      const last = h.seen.out2.at(-1).fusionsolar.tracking;
      assert.equal(h.seen.out2.length - before >= 1, true);
      assert.deepEqual([last.state, last.succeeded, last.failed], ['complete', 1, 1]);
      assert.equal(h.seen.statuses.at(-1).status.text, '1 of 2 ok');
    });

    it('stops tracking when the node closes: no further status queries', async function () {
      await start({ track: true });
      const plant = plantsWith(sim, BATTERY)[0];
      // The message never ends in this flow: the node is closed under it.
      h.send({ payload: { plantCodes: plant.plantCode, dispatchSwitch: 2, controlType: 1, targetSOC: 0 } }).catch(
        () => undefined,
      );
      await h.waitFor(() => h.seen.out2.length >= 2);
      await helper.unload();
      const queries = sim.stats.byEndpoint['vpp/chargeAndDischargeStatus'];
      await settle();
      assert.equal(clock.pending, 0, 'no status poll is still asleep');
      clock.advance(60 * 60_000);
      await settle();
      assert.equal(sim.stats.byEndpoint['vpp/chargeAndDischargeStatus'], queries);
    });
  });
});
