'use strict';
const assert = require('node:assert/strict');
const { USER, v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Calls an endpoint once a minute (plus a second) until it answers 407; returns how many succeeded. */
async function untilRefused(s, endpoint, body, user = USER, limit = 200) {
  for (let n = 0; n < limit; n++) {
    const r = await s.call(endpoint, body, user);
    if (r.failCode === 407) {
      assert.deepEqual(
        { data: r.data, success: r.success, params: r.params },
        { data: 'ACCESS_FREQUENCY_IS_TOO_HIGH', success: false, params: null },
      );
      return n;
    }
    assert.equal(r.failCode, 0, `${endpoint} call ${n}`);
    s.clock.advance(MINUTE + 1000);
  }
  return limit;
}

describe('simulator V6: access restrictions (407 on the virtual clock)', function () {
  let s;
  /** @type {import('../../dist/src/simulator').SimUser} */
  const OLD = { username: 'old', password: 'p', scope: 'all', v6: { created: '2022-06-30' } };
  /** @type {import('../../dist/src/simulator').SimUser} */
  const CS = {
    username: 'cs',
    password: 'p',
    scope: 'all',
    v6: { interfaces: ['cs/getInventerRealKpi', 'getDevList'] },
  };
  beforeEach(async function () {
    s = await v6Sim({ plants: 120, quotas: true, users: [USER, OLD, CS] });
  });
  afterEach(() => s.sim.close());
  const first100 = () =>
    s.sim.fleet.plants
      .slice(0, 100)
      .map((p) => p.plantCode)
      .join(',');

  it('real-time plant data: Roundup(plants/100) per 5 minutes, one call a minute', async function () {
    const body = { stationCodes: first100() };
    assert.equal((await s.call('getStationRealKpi', body)).failCode, 0);
    assert.equal((await s.call('getStationRealKpi', body)).failCode, 407);
    s.clock.advance(MINUTE);
    assert.equal((await s.call('getStationRealKpi', body)).failCode, 0);
    s.clock.advance(MINUTE);
    // 120 plants: two calls in five minutes.
    assert.equal((await s.call('getStationRealKpi', body)).failCode, 407);
    s.clock.advance(3 * MINUTE);
    assert.equal((await s.call('getStationRealKpi', body)).failCode, 0);
  });

  it('real-time device data: the sum over device types of Roundup(devices/100) per 5 minutes', async function () {
    const devs = (await s.call('getDevList', { stationCodes: first100() })).data.concat(
      (s.clock.advance(MINUTE),
      (
        await s.call('getDevList', {
          stationCodes: s.sim.fleet.plants
            .slice(100)
            .map((p) => p.plantCode)
            .join(','),
        })
      ).data),
    );
    const counts = new Map();
    for (const d of devs)
      if ([1, 10, 17, 38, 39, 41, 47].includes(d.devTypeId))
        counts.set(d.devTypeId, (counts.get(d.devTypeId) ?? 0) + 1);
    const allowed = [...counts.values()].reduce((n, c) => n + Math.ceil(c / 100), 0);
    assert.ok(allowed > counts.size, 'some type has over 100 devices');
    const inv = devs
      .filter((d) => d.devTypeId === 1)
      .slice(0, 100)
      .map((d) => d.id)
      .join(',');
    for (let i = 0; i < allowed; i++)
      assert.equal((await s.call('getDevRealKpi', { devIds: inv, devTypeId: 1 })).failCode, 0, `call ${i}`);
    assert.equal((await s.call('getDevRealKpi', { devIds: inv, devTypeId: 1 })).failCode, 407);
    s.clock.advance(5 * MINUTE);
    assert.equal((await s.call('getDevRealKpi', { devIds: inv, devTypeId: 1 })).failCode, 0);
  });

  it('reports: Roundup(plants/100) + 24 a day, at one a minute', async function () {
    const n = await untilRefused(s, 'getKpiStationHour', { stationCodes: 'NE=33554432', collectTime: s.clock.now() });
    assert.equal(n, 2 + 24);
    s.clock.advance(DAY);
    assert.equal(
      (await s.call('getKpiStationHour', { stationCodes: 'NE=33554432', collectTime: s.clock.now() })).failCode,
      0,
    );
  });

  it('device history: the sum of Roundup(devices/10) + 24 a day, at one a minute', async function () {
    const devs = (await s.call('getDevList', { stationCodes: first100() })).data;
    s.clock.advance(MINUTE);
    const rest = (
      await s.call('getDevList', {
        stationCodes: s.sim.fleet.plants
          .slice(100)
          .map((p) => p.plantCode)
          .join(','),
      })
    ).data;
    const counts = new Map();
    for (const d of devs.concat(rest))
      if ([1, 10, 17, 38, 39, 41, 47].includes(d.devTypeId))
        counts.set(d.devTypeId, (counts.get(d.devTypeId) ?? 0) + 1);
    const allowed = [...counts.values()].reduce((n, c) => n + Math.ceil(c / 10), 0) + 24;
    s.clock.advance(MINUTE);
    const meter = devs.find((d) => d.devTypeId === 17);
    const now = s.clock.now();
    const n = await untilRefused(
      s,
      'getDevHistoryKpi',
      { devIds: String(meter.id), devTypeId: 17, startTime: now - 10 * MINUTE, endTime: now },
      USER,
      allowed + 5,
    );
    assert.equal(n, allowed);
  });

  it('alarms: Roundup(plants/100) per 30 minutes', async function () {
    const body = () => ({ stationCodes: first100(), beginTime: 0, endTime: s.clock.now(), language: 'de_DE' });
    assert.equal((await s.call('getAlarmList', body())).failCode, 0);
    assert.equal((await s.call('getAlarmList', body())).failCode, 0);
    assert.equal((await s.call('getAlarmList', body())).failCode, 407);
    s.clock.advance(30 * MINUTE);
    assert.equal((await s.call('getAlarmList', body())).failCode, 0);
  });

  it('device convergence: once an hour', async function () {
    const inv = (await s.call('getDevList', { stationCodes: 'NE=33554432' }, CS)).data.find(
      (d) => d.devTypeId === 1 || d.devTypeId === 38,
    );
    assert.equal((await s.call('cs/getInventerRealKpi', { sns: inv.esnCode }, CS)).failCode, 0);
    s.clock.advance(59 * MINUTE);
    assert.equal((await s.call('cs/getInventerRealKpi', { sns: inv.esnCode }, CS)).failCode, 407);
    s.clock.advance(MINUTE + 1);
    assert.equal((await s.call('cs/getInventerRealKpi', { sns: inv.esnCode }, CS)).failCode, 0);
  });

  it(
    'keeps the original policy for users created on or before 2022-06-30: one call per interface a ' + 'minute',
    async function () {
      const body = { stationCodes: first100() };
      for (let i = 0; i < 6; i++) {
        assert.equal((await s.call('getStationRealKpi', body, OLD)).failCode, 0, `minute ${i}`);
        assert.equal((await s.call('getStationRealKpi', body, OLD)).failCode, 407);
        s.clock.advance(MINUTE);
      }
      // Quotas are per user: the new user's window is untouched.
      assert.equal((await s.call('getStationRealKpi', body)).failCode, 0);
    },
  );
});
