'use strict';
// The simulator's enrolment endpoints spoken to directly over HTTP, without the client: their
// documented failCodes and quotas must hold whatever the client does.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'raw', password: 'raw-Passw0rd!', scope: 'all' };
const PREFIX = '/rest/openapi/pvms/v1/';

describe('simulator: enrolment endpoints (raw HTTP)', function () {
  let sim;
  let clock;
  let token;

  async function post(endpoint, body) {
    const res = await fetch(sim.url + PREFIX + endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'XSRF-TOKEN': token } : {}) },
      body: JSON.stringify(body),
    });
    return { res, json: await res.json() };
  }

  beforeEach(async function () {
    clock = new VirtualClock();
    sim = await startSimulator({ plants: 3, users: [USER], clock });
    token = undefined;
    const { res } = await post('login', { userName: USER.username, systemCode: USER.password });
    token = res.headers.get('xsrf-token');
  });
  afterEach(async function () {
    await sim.close();
  });

  const FAILS = [
    { endpoint: 'vpp/snEnrolment', body: {}, code: 22008 },
    { endpoint: 'vpp/snEnrolment', body: { devices: [] }, code: 22008 },
    { endpoint: 'vpp/snEnrolment', body: { devices: [{ sn: '', email: 'mark@email.com' }] }, code: 22006 },
    {
      endpoint: 'vpp/snEnrolment',
      body: { devices: Array.from({ length: 1001 }, (_, i) => ({ sn: `S${i}`, phone: '1' })) },
      code: 20611,
    },
    { endpoint: 'vpp/acEnrolment', body: {}, code: 20038 },
    {
      endpoint: 'vpp/acEnrolment',
      body: { authorizationCodes: Array.from({ length: 1001 }, (_, i) => `C${i}`).join(',') },
      code: 20038,
    },
    { endpoint: 'community/snIsRegister', body: { account: 'admin@qq.com' }, code: 30001 },
    {
      endpoint: 'community/snIsRegister',
      body: { sns: Array.from({ length: 51 }, (_, i) => `S${i}`).join(','), account: 'admin@qq.com' },
      code: 30002,
    },
    { endpoint: 'community/snIsRegister', body: { sns: 'BA4372D08E0' }, code: 30003 },
    { endpoint: 'community/snIsRegister', body: { sns: 'BA4372D08E0', account: 'nobody' }, code: 20028 },
  ];
  for (const f of FAILS) {
    it(`answers ${f.endpoint} ${JSON.stringify(f.body).slice(0, 60)} with failCode ${f.code}`, async function () {
      const { json } = await post(f.endpoint, f.body);
      assert.equal(json.failCode, f.code);
      assert.equal(json.data, null);
    });
  }

  it('allows one enrolment call a minute per user and answers 407 to the second', async function () {
    for (const endpoint of ['vpp/snEnrolment', 'vpp/acEnrolment']) {
      const body =
        endpoint === 'vpp/snEnrolment'
          ? { devices: [{ sn: 'HV1920000027', email: 'mark@email.com' }] }
          : { authorizationCodes: '20019857336' };
      assert.equal((await post(endpoint, body)).json.success, true);
      const second = await post(endpoint, body);
      assert.equal(second.json.failCode, 407);
      assert.equal(second.json.data, 'ACCESS_FREQUENCY_IS_TOO_HIGH');
      clock.advance(60_001);
      assert.equal((await post(endpoint, body)).json.success, true);
    }
  });

  it('allows 100 registration queries a minute and answers 407 to the 101st', async function () {
    for (let i = 0; i < 100; i++)
      assert.equal(
        (await post('community/snIsRegister', { sns: 'BA4372D08E0', account: 'admin@qq.com' })).json.success,
        true,
      );
    assert.equal(
      (await post('community/snIsRegister', { sns: 'BA4372D08E0', account: 'admin@qq.com' })).json.failCode,
      407,
    );
  });

  it(
    'locks code registration for 5 minutes after five wrong codes in a row; a right code resets the ' + 'count',
    async function () {
      const send = async (codes) => {
        const r = await post('vpp/acEnrolment', { authorizationCodes: codes });
        clock.advance(60_001);
        return r.json;
      };
      // Four wrong, one right, four wrong: never five in a row.
      assert.equal((await send('W1,W2,W3,W4,20019857328,W5,W6,W7,W8')).success, true);
      // The fifth wrong code in a row: 22004, and the lock holds for 5 minutes.
      assert.equal((await send('W9')).failCode, 22004);
      assert.equal((await send('20019857336')).failCode, 22004);
      clock.advance(4 * 60_000);
      const after = await send('20019857336');
      assert.equal(after.success, true);
      assert.equal(after.data[0].plantName, "Lin's Plant");
    },
  );

  it('enrols a plant once: a second SN registration returns the same plant', async function () {
    const first = (await post('vpp/snEnrolment', { devices: [{ sn: 'HV1920000027', username: 'mark' }] })).json.data[0];
    clock.advance(60_001);
    const again = (await post('vpp/acEnrolment', { authorizationCodes: '20019857328' })).json.data[0];
    assert.equal(again.plantCode, first.plantCode);
    assert.equal(sim.fleet.plants.length, 4);
    assert.equal(sim.fleet.plant(first.plantCode).owner, USER.username);
    assert.ok(sim.fleet.plant(first.plantCode).devices.some((d) => d.sn === 'HV1920000027'));
  });
});
