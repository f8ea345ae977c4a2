'use strict';
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');
const { FusionSolarClient } = require('../../dist/src/client');
const { controlState } = require('../../dist/src/simulator/routes/control-state');
const { fsError } = require('../helpers/must');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'sim-user', password: 'pw-1234567', scope: 'all' };
const MINUTE = 60_000;

/**
 * The simulator's side of the control interfaces, driven with raw request bodies (no client
 * validation in the way) so each documented failCode and the device physics can be seen.
 */
describe('simulator: control interfaces', function () {
  let sim;
  let clock;
  let client;

  async function start(opts = {}) {
    clock = new VirtualClock(undefined, 0);
    sim = await startSimulator({ plants: 6, users: [USER], clock, ...opts });
    client = new FusionSolarClient(
      { baseUrl: sim.url, username: USER.username, password: USER.password, quotaProfile: 'off' },
      clock,
    );
  }

  const call = async (endpoint, body) => (await client.call({ endpoint, body })).data;
  const failCode = async (endpoint, body) => {
    try {
      await call(endpoint, body);
    } catch (err) {
      return fsError(err).code;
    }
    return 'no error';
  };
  const devices = (type) => sim.fleet.devices().filter((d) => d.deviceTypeId === type);
  const withType = (type, yes = true) =>
    sim.fleet.plants.filter((p) => p.devices.some((d) => d.deviceTypeId === type) === yes);

  afterEach(async function () {
    await client.close();
    await sim.close();
  });

  it('answers each documented failCode of the command interfaces', async function () {
    await start({ quotas: false });
    const code = withType(20815)[0].plantCode;
    const charge = (extra) => ({
      plantCodes: code,
      dispatchSwitch: 1,
      controlType: 1,
      targetSOC: 90,
      requestID: 1,
      ...extra,
    });
    const many = (n) => Array.from({ length: n }, (_, i) => `NE=${i}`).join(',');
    const expectations = [
      ['vpp/chargeAndDischarge', charge({ plantCodes: '' }), '20010'],
      ['vpp/chargeAndDischarge', charge({ plantCodes: many(101) }), '20015'],
      ['vpp/chargeAndDischarge', charge({ dispatchSwitch: 5 }), '20040'],
      ['vpp/chargeAndDischarge', charge({ controlType: undefined }), '20041'],
      ['vpp/chargeAndDischarge', charge({ targetSOC: 120 }), '20042'],
      ['vpp/chargeAndDischarge', charge({ controlType: 2, dispatchTime: 1441 }), '20043'],
      ['vpp/chargeAndDischarge', charge({ requestID: undefined }), '20044'],
      ['vpp/chargeAndDischarge', charge({ plantCodes: 'NE=1' }), '20045'],
      ['vpp/chargeAndDischarge', charge({ powerDispatch: -5 }), '20047'],
      ['vpp/chargeAndDischarge', charge({ plantCodes: withType(20815, false)[0].plantCode }), '20053'],
      ['vpp/chargeAndDischargeStatus', {}, '20044'],
      ['vpp/chargeAndDischargeStatus', { requestID: 77 }, '20050'],
      ['vpp/dod', { dns: '', dod: 90 }, '20011'],
      ['vpp/dod', { dns: many(101), dod: 90 }, '20017'],
      ['vpp/dod', { dns: devices(20815)[0].dn, dod: 101 }, '20039'],
      ['vpp/dod', { dns: 'NE=1', dod: 90 }, '20046'],
      ['vpp/dod', { dns: devices(20822)[0].dn, dod: 90 }, '20051'],
      ['vpp/devOnOff', { dns: devices(20822)[0].dn, controlType: 3 }, '20019'],
      ['vpp/devOnOff', { dns: devices(20815)[0].dn, controlType: 1 }, '20052'],
      ['vpp/ems', { controlType: 6 }, '20005'],
      ['vpp/ems', { dn: code, controlType: 2 }, '20117'],
      ['vpp/ems', { dn: 'NE=1', controlType: 6 }, '20045'],
      ['vpp/ems', { dn: code, controlType: 6 }, '20008'],
      ['vpp/plantDefaultSetting', { tasks: [] }, '20607'],
      [
        'vpp/plantDefaultSetting',
        {
          tasks: [
            { plantCode: code, activePowerVariationGradient: 1 },
            { plantCode: code, activePowerVariationGradient: 1 },
          ],
        },
        '20608',
      ],
      ['vpp/plantDefaultSetting', { tasks: [{ plantCode: 'NE=1', activePowerVariationGradient: 1 }] }, '20045'],
      ['vpp/plantDefaultSetting', { tasks: [{ plantCode: code }] }, '20613'],
      ['vpp/plantDefaultSettingStatus', {}, '20616'],
      ['vpp/plantDefaultSettingStatus', { requestId: '1' }, '20617'],
      ['vpp/drm', { plantcodes: '', drms: { drm0: 'true', drm1: 'true', drm5: 'true' } }, '20116'],
      ['vpp/drm', { plantCodes: code, drms: { drm0: 'true', drm1: 'true', drm5: 'true' } }, '20116'],
      ['vpp/drm', { plantcodes: code, drms: { drm0: true, drm1: 'true', drm5: 'true' } }, '20611'],
      ['vpp/drm', { plantcodes: code, drms: { drm0: 'true', drm1: 'true' } }, '20612'],
      ['vpp/drmStatus', {}, '20616'],
      ['vpp/drmStatus', { remoteIds: many(101) }, '20619'],
      ['vpp/drmStatus', { remoteIds: '1' }, '20620'],
    ];
    for (const [endpoint, body, expected] of expectations) {
      assert.equal(await failCode(endpoint, body), expected, `${endpoint} ${JSON.stringify(body)}`);
    }
    assert.deepEqual(sim.stats.commands, {});
  });

  it(
    'rejects a repeated requestID (20048) and the same signal to a plant whose task runs (per ' + 'item)',
    async function () {
      await start({ quotas: false });
      const [code, other] = withType(20815).map((p) => p.plantCode);
      const body = { plantCodes: code, dispatchSwitch: 1, controlType: 2, dispatchTime: 60, requestID: 10 };
      assert.equal((await call('vpp/chargeAndDischarge', body))[0].dispatchResult, 0);
      assert.equal(await failCode('vpp/chargeAndDischarge', body), '20048');
      const both = await call('vpp/chargeAndDischarge', { ...body, plantCodes: `${code},${other}`, requestID: 11 });
      assert.deepEqual(
        both.map((r) => r.dispatchResult),
        [1, 0],
      );
      // When no plant can take the task, the whole request fails.
      assert.equal(await failCode('vpp/chargeAndDischarge', { ...body, requestID: 13 }), '20049');
      // A different signal replaces the running task, which then reports 0 with the reason in message.
      assert.equal(
        (await call('vpp/chargeAndDischarge', { plantCodes: code, dispatchSwitch: 0, requestID: 12 }))[0]
          .dispatchResult,
        0,
      );
      clock.advance(3 * MINUTE);
      const [old] = await call('vpp/chargeAndDischargeStatus', { requestID: 10 });
      assert.equal(old.status, 0);
      assert.match(old.message, /changed by a later task/);
    },
  );

  it(
    'discharges only to the end-of-discharge SOC (100 - DoD); an unreachable target times out with ' +
      'status 2 after 24 h',
    async function () {
      await start({ quotas: false });
      const plant = withType(20815)[0];
      const battery = plant.devices.find((d) => d.deviceTypeId === 20815);
      assert.deepEqual(await call('vpp/dod', { dns: battery.dn, dod: 95 }), [
        { dn: battery.dn, result: 0, setDOD: 95 },
      ]);
      await call('vpp/chargeAndDischarge', {
        plantCodes: plant.plantCode,
        dispatchSwitch: 2,
        controlType: 1,
        targetSOC: 0,
        powerDispatch: -1000,
        requestID: 20,
      });
      assert.ok(battery.power < 0);
      clock.advance(12 * 60 * MINUTE);
      assert.equal(battery.soc, 5);
      assert.equal(battery.power, 0);
      assert.equal((await call('vpp/chargeAndDischargeStatus', { requestID: 20 }))[0].status, 1);
      clock.advance(12 * 60 * MINUTE);
      const [st] = await call('vpp/chargeAndDischargeStatus', { requestID: 20 });
      assert.deepEqual([st.status, st.chargedCapacity, st.message], [2, null, 'The task timed out after 24 hours.']);
      assert.ok(st.dischargedCapacity > 0);
    },
  );

  it('clamps DoD to the battery range: Huawei [80, 100], LG [80, 88]', async function () {
    await start({ quotas: false });
    const [a, b] = devices(20815);
    b.model = 'LG RESU10H';
    assert.deepEqual(await call('vpp/dod', { dns: `${a.dn},${b.dn}`, dod: 90 }), [
      { dn: a.dn, result: 0, setDOD: 90 },
      { dn: b.dn, result: 0, setDOD: 88 },
    ]);
  });

  it(
    'marks per-item failures: an offline inverter, an out-of-range default value, a plant whose ' +
      'default task still runs',
    async function () {
      await start({ quotas: false });
      const state = controlState(sim);
      const [inv1, inv2] = devices(20822);
      state.offline.add(inv2.dn);
      assert.deepEqual(await call('vpp/devOnOff', { dns: `${inv1.dn},${inv2.dn}`, controlType: 2 }), [
        { dn: inv1.dn, result: 0 },
        { dn: inv2.dn, result: 1 },
      ]);
      assert.deepEqual([inv1.off, Boolean(inv2.off)], [true, false]);
      const [small, big] = [withType(20815)[0], withType(20821)[0]];
      const res = await call('vpp/plantDefaultSetting', {
        tasks: [
          { plantCode: small.plantCode, maxFeedGridPower: small.capacity + 1 },
          { plantCode: big.plantCode, activePowerVariationGradient: 2 },
        ],
      });
      assert.deepEqual(res.tasks, [
        { plantCode: small.plantCode, result: 20611 },
        { plantCode: big.plantCode, result: 0 },
      ]);
      const again = await call('vpp/plantDefaultSetting', {
        tasks: [
          { plantCode: big.plantCode, activePowerVariationGradient: 3 },
          { plantCode: small.plantCode, activePowerVariationGradient: 3 },
        ],
      });
      assert.deepEqual(
        again.tasks.map((t) => t.result),
        [20615, 0],
      );
    },
  );

  it('answers 407 past the per-minute quota and 20618 past the 1000 calls a day', async function () {
    await start();
    const code = withType(20815)[0].plantCode;
    const stop = (id) => ({ plantCodes: code, dispatchSwitch: 0, requestID: id });
    await call('vpp/chargeAndDischarge', stop(1));
    assert.equal(await failCode('vpp/chargeAndDischarge', stop(2)), '407');
    clock.advance(MINUTE);
    await call('vpp/chargeAndDischarge', stop(3));
    assert.equal(sim.stats.commands['vpp/chargeAndDischarge'], 2);

    for (let i = 0; i < 10; i++) assert.equal(await failCode('vpp/drmStatus', { remoteIds: '1' }), '20620');
    assert.equal(await failCode('vpp/drmStatus', { remoteIds: '1' }), '407');
    for (let minute = 1; minute < 100; minute++) {
      clock.advance(MINUTE);
      for (let i = 0; i < 10; i++) await failCode('vpp/drmStatus', { remoteIds: '1' });
    }
    clock.advance(MINUTE);
    assert.equal(await failCode('vpp/drmStatus', { remoteIds: '1' }), '20618');
  });
});
