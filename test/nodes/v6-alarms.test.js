'use strict';
// fusionsolar-alarms on a V6 account: the current alarms, every filter, the account's
// language by default, 100 plants a call, validation and the server's codes.
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NARROW, V6, v6Sim, fleetOf } = require('../helpers/v6');
const { activeAlarms } = require('../../dist/src/simulator/v6/alarms');
const { must } = require('../helpers/must');

const node = (extra = {}) => ({ type: 'fusionsolar-alarms', operation: 'alarmList', ...extra });
const v6 = (extra = {}) => ({ accountExtra: { ...V6, ...extra } });

describe('fusionsolar-alarms (V6, simulator over HTTP)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    "lists the active alarms of every plant (150 plants: 2 calls), named in the account's " + 'language',
    async function () {
      ({ sim, clock } = await v6Sim({ plants: 150 }));
      await load(flowWith(sim, node(), v6()), credentials());
      const h = harness();
      const r = await h.send({});
      assert.equal(r.error, undefined, r.error && r.error.message);
      const alarms = r.out[0].payload;
      const expected = activeAlarms(sim, clock.now());
      assert.ok(expected.length > 0, 'the simulator has alarms now');
      assert.equal(alarms.length, expected.length);
      assert.equal(sim.stats.byEndpoint['thirdData/getAlarmList'], 2);
      for (const a of alarms) {
        for (const k of ['alarmId', 'causeId', 'alarmType', 'devTypeId', 'lev', 'status', 'raiseTime'])
          assert.equal(typeof a[k], 'number', k);
        assert.equal(typeof a.levName, 'string');
        assert.equal(typeof a.statusName, 'string');
        assert.equal(typeof a.devTypeName, 'string');
        assert.doesNotMatch(a.alarmName, /[\u4e00-\u9fff]/, 'English for an en-us account');
      }
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it('follows a zh-cn account (zh_CN) unless the message names a language', async function () {
    ({ sim } = await v6Sim({ plants: 60 }));
    await load(flowWith(sim, node(), v6({ locale: 'zh-cn' })), credentials());
    const h = harness();
    const zh = await h.send({});
    assert.equal(zh.error, undefined, zh.error && zh.error.message);
    assert.ok(zh.out[0].payload.length > 0);
    assert.ok(zh.out[0].payload.every((a) => /[\u4e00-\u9fff]/.test(a.alarmName) && /[\u4e00-\u9fff]/.test(a.levName)));
  });

  it('applies every filter of the reference: levels, status, devTypes, types, devName, time range', async function () {
    // Neither side limits calls here, so every filter sees the same moment's alarms.
    ({ sim, clock } = await v6Sim({ plants: 80, quotas: false }));
    await load(flowWith(sim, node(), v6({ quotaProfile: 'off' })), credentials());
    const h = harness();
    const all = (await h.send({})).out[0].payload;
    assert.ok(all.length >= 3, `${all.length} alarms`);
    const a = all[0];
    const check = async (payload, pred) => {
      const r = await h.send({ payload });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const want = all.filter(pred);
      assert.deepEqual(
        r.out[0].payload.map((x) => x.alarmId + x.esnCode + x.raiseTime).sort(),
        want.map((x) => x.alarmId + x.esnCode + x.raiseTime).sort(),
        JSON.stringify(payload),
      );
    };
    await check({ levels: [a.lev] }, (x) => x.lev === a.lev);
    await check({ status: String(a.status) }, (x) => x.status === a.status);
    await check({ devTypes: `${a.devTypeId}` }, (x) => x.devTypeId === a.devTypeId);
    await check({ types: a.alarmType }, (x) => x.alarmType === a.alarmType);
    await check({ devName: a.devName }, (x) => x.devName === a.devName);
    await check(
      { beginTime: a.raiseTime, endTime: new Date(a.raiseTime).toISOString() },
      (x) => x.raiseTime === a.raiseTime,
    );
    await check({ stationCodes: a.stationCode }, (x) => x.stationCode === a.stationCode);
  });

  it('validates before any call', async function () {
    ({ sim } = await v6Sim());
    await load(flowWith(sim, node(), v6()), credentials());
    const h = harness();
    /** @type {Array<[object, RegExp]>} */
    const cases = [
      [{ language: 'xx_XX' }, /^language: must be one of zh_CN, en_US/],
      [{ levels: 5 }, /^levels: 5 is not an alarm severity/],
      [{ status: '1,7' }, /^status: "7" is not an alarm status/],
      [{ types: [0] }, /^types: 0 is not an alarm type/],
      [{ devTypes: 99 }, /^devTypes: 99 is not a device type of the alarm interface/],
      [{ beginTime: 2000, endTime: 1000 }, /^endTime: must not be before beginTime/],
      [{ beginTime: 'last week' }, /^beginTime: is not a valid time/],
      [{ devName: 42 }, /^devName: must be a device name/],
      [{ stationCodes: 'NE=1,NE=1' }, /^stationCodes: must not name a plant code twice/],
      [{ sns: 'A' }, /^sns: is not a parameter of alarmList/],
    ];
    for (const [payload, rule] of cases) {
      const r = await h.send({ payload });
      assert.equal(r.error && r.error.code, 'INVALID_INPUT', JSON.stringify(payload));
      assert.match(must(r.error, 'r.error').message, rule);
    }
    assert.equal(sim.stats.requests, 0);
  });

  it(
    "passes the server's failCodes through (20007, 20045, 401, 407); the documented quota waits 30 " +
      'minutes instead',
    async function () {
      /** @type {import('../../dist/src/simulator').SimUser} */
      const NO_ALARMS = {
        username: 'noalarm',
        password: 'n0alarm-Passw0rd!',
        scope: 'all',
        v6: { interfaces: ['stations'] },
      };
      ({ sim, clock } = await v6Sim({ plants: 3, users: [NO_ALARMS] }));
      const codes = fleetOf(sim).codes();
      await load(flowWith(sim, node(), v6({ quotaProfile: 'off' })), {
        acc: { username: NARROW.username, password: NARROW.password },
      });
      let h = harness();
      assert.equal((await h.failed({ payload: { stationCodes: 'NE=99999999' } })).code, '20007');
      clock.advance(30 * 60_000);
      assert.equal((await h.failed({ payload: { stationCodes: codes[1] } })).code, '20045');
      clock.advance(30 * 60_000);
      assert.equal((await h.send({ payload: { stationCodes: codes[0] } })).error, undefined);
      assert.equal((await h.failed({ payload: { stationCodes: codes[0] } })).code, '407');
      await helper.unload();
      await load(flowWith(sim, node(), v6()), { acc: { username: NO_ALARMS.username, password: NO_ALARMS.password } });
      h = harness();
      assert.equal((await h.failed({ payload: { stationCodes: codes[0] } })).code, '401');
      await helper.unload();
      // Documented quota: a second poll fails fast with QUOTA (and when to retry) when the wait is
      // longer than the account allows, and waits its turn when the account allows that long.
      await load(flowWith(sim, node(), v6()), credentials());
      h = harness();
      const before = sim.stats.quota407;
      await h.send({});
      const fast = await h.send({});
      assert.equal(must(fast.error, 'fast.error').code, 'QUOTA');
      const retryAfter = must(fast.caught?.fusionsolar?.error?.retryAfter, 'the retryAfter');
      assert.ok(retryAfter > 25 * 60_000 && retryAfter <= 30 * 60_000, `${retryAfter} ms`);
      await helper.unload();
      await load(flowWith(sim, node(), v6({ quotaWait: 3600 })), credentials());
      h = harness();
      const t0 = clock.now();
      const again = await h.send({});
      assert.equal(again.error, undefined, again.error && again.error.message);
      assert.ok(clock.now() - t0 >= 25 * 60_000, 'waited for the 30-minute window');
      assert.equal(sim.stats.quota407, before);
    },
  );
});
