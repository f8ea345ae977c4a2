'use strict';
const assert = require('node:assert/strict');
const { USER, v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;

describe('simulator V6: login, token and access', function () {
  let s;
  beforeEach(async function () {
    s = await v6Sim({
      quotas: true,
      users: [
        USER,
        {
          username: 'old',
          password: 'p',
          scope: 'all',
          v6: { created: '2021-05-01', interfaces: ['getStationList', 'getDevList', 'getDevFiveMinutes'] },
        },
        { username: 'cs', password: 'p', scope: 'all', v6: { interfaces: ['cs/getInventerRealKpi', 'getDevList'] } },
      ],
    });
  });
  afterEach(() => s.sim.close());

  it('logs in with userName and systemCode and hands out XSRF-TOKEN as header and cookie', async function () {
    const { res, token, body } = await s.login();
    assert.equal(res.status, 200);
    assert.deepEqual(body, { success: true, failCode: 0, message: null, data: null, params: null });
    assert.match(token, /^x-/);
    assert.match(res.headers.get('set-cookie'), new RegExp(`XSRF-TOKEN=${token}`));
    const byHeader = await fetch(`${s.sim.url}/thirdData/getDevList`, {
      method: 'POST',
      headers: { 'XSRF-TOKEN': token },
      body: JSON.stringify({ stationCodes: 'NE=33554432' }),
    });
    assert.equal((await byHeader.json()).failCode, 0);
    // getDevList takes one call a minute.
    s.clock.advance(MINUTE);
    // Older versions read the token from the cookie.
    const byCookie = await fetch(`${s.sim.url}/thirdData/getDevList`, {
      method: 'POST',
      headers: { cookie: `XSRF-TOKEN=${token}` },
      body: JSON.stringify({ stationCodes: 'NE=33554432' }),
    });
    assert.equal((await byCookie.json()).failCode, 0);
  });

  it('answers a wrong systemCode with an empty body, and locks after five within 10 minutes', async function () {
    const wrong = { username: USER.username, password: 'nope' };
    for (let i = 0; i < 5; i++) {
      const { res, body, token } = await s.login(wrong);
      assert.equal(res.status, 200);
      assert.equal(body, '');
      assert.equal(token, null);
      s.clock.advance(2 * MINUTE + 1);
    }
    // Locked for 30 minutes, even with the right password.
    const locked = await s.login();
    assert.equal(locked.body.failCode, 20400);
    assert.deepEqual(locked.body.params, { currentTime: s.clock.now() });
    s.clock.advance(31 * MINUTE);
    assert.equal((await s.login()).body.failCode, 0);
  });

  it('allows five logins per 10 minutes (407 on the sixth)', async function () {
    for (let i = 0; i < 5; i++) assert.equal((await s.login()).body.failCode, 0);
    const sixth = await s.login();
    assert.equal(sixth.body.failCode, 407);
    assert.equal(sixth.body.data, 'ACCESS_FREQUENCY_IS_TOO_HIGH');
    s.clock.advance(10 * MINUTE + 1);
    assert.equal((await s.login()).body.failCode, 0);
  });

  it('answers 305 without a token, after 30 idle minutes and after logout', async function () {
    const none = await fetch(`${s.sim.url}/thirdData/getDevList`, { method: 'POST', body: '{}' });
    assert.deepEqual(await none.json(), { failCode: 305, immediately: true, message: 'USER_MUST_RELOGIN' });
    const first = await s.login();
    const raw = (token) =>
      fetch(`${s.sim.url}/thirdData/getDevList`, {
        method: 'POST',
        headers: { 'XSRF-TOKEN': token },
        body: JSON.stringify({ stationCodes: 'NE=33554432' }),
      }).then((r) => r.json());
    assert.equal((await raw(first.token)).failCode, 0);
    s.clock.advance(31 * MINUTE);
    assert.equal((await raw(first.token)).failCode, 305);
    const { token } = await s.login();
    const out = await fetch(`${s.sim.url}/thirdData/logout`, {
      method: 'POST',
      body: JSON.stringify({ xsrfToken: token }),
    });
    const body = await out.json();
    assert.equal(body.failCode, 0);
    assert.equal(body.params.currentTime, s.clock.now());
    const after = await fetch(`${s.sim.url}/thirdData/getDevList`, {
      method: 'POST',
      headers: { 'XSRF-TOKEN': token },
      body: '{}',
    });
    assert.equal((await after.json()).failCode, 305);
  });

  it(
    'refuses interfaces not ticked for the user, and the to-be-offline ones to new users, with ' + '401',
    async function () {
      const refuse = async (endpoint, body, user) => {
        const r = await s.call(endpoint, body, user);
        assert.equal(r.failCode, 401, `${endpoint} ${user.username}`);
        assert.equal(r.message, 'Invalid access to current interface!');
      };
      const now = s.clock.now();
      await refuse('getStationList', {}, USER);
      await refuse('getDevFiveMinutes', { devIds: '1', devTypeId: 1, collectTime: now }, USER);
      await refuse('cs/getInventerRealKpi', { sns: 'x' }, USER);
      const old = { username: 'old', password: 'p' };
      await refuse('stations', { pageNo: 1 }, old);
      assert.equal((await s.call('getStationList', {}, old)).failCode, 0);
      const cs = { username: 'cs', password: 'p' };
      await refuse('getStationRealKpi', { stationCodes: 'NE=33554432' }, cs);
      const inv = (await s.devices(cs)).find((d) => d.devTypeId === 1);
      const conv = await s.call('cs/getInventerRealKpi', { sns: inv.esnCode }, cs);
      assert.equal(conv.failCode, 0);
      assert.equal(conv.data[0].sn, inv.esnCode);
    },
  );

  it('names V6 endpoints thirdData/<name> in faults and stats', async function () {
    s.sim.inject({ kind: 'empty', endpoint: 'thirdData/getDevList' });
    const { token } = await s.login();
    const res = await fetch(`${s.sim.url}/thirdData/getDevList`, {
      method: 'POST',
      headers: { 'XSRF-TOKEN': token },
      body: JSON.stringify({ stationCodes: 'NE=33554432' }),
    });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '');
    assert.equal(s.sim.stats.byEndpoint['thirdData/getDevList'], 1);
    assert.equal(s.sim.stats.byEndpoint['thirdData/login'], 1);
    const unknown = await fetch(`${s.sim.url}/thirdData/getNothing`, {
      method: 'POST',
      headers: { 'XSRF-TOKEN': token },
      body: '{}',
    });
    assert.equal(unknown.status, 404);
  });

  it('echoes the request and the server time in params', async function () {
    const r = await s.call('getDevList', { stationCodes: 'NE=33554432' });
    assert.deepEqual(r.params, { stationCodes: 'NE=33554432', currentTime: s.clock.now() });
    s.clock.advance(MINUTE);
    const bad = await s.call('getDevList', {});
    assert.deepEqual(
      { success: bad.success, failCode: bad.failCode, data: bad.data, message: bad.message },
      { success: false, failCode: 20010, data: null, message: null },
    );
    assert.equal(bad.params.currentTime, s.clock.now());
  });
});
