'use strict';
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'u', password: 'p', scope: 'all' };
const DAY = 86_400_000;

/** The simulator's own answers to the reference's validation rules, without the client. */
describe('simulator: plant data endpoints', function () {
  let sim;
  let clock;
  const tokens = new Map();
  before(async function () {
    clock = new VirtualClock();
    sim = await startSimulator({
      plants: 3,
      users: [USER, { username: 'one', password: 'p', scope: ['NE=33554432'] }],
      clock,
      quotas: false,
    });
  });
  after(() => sim.close());

  /**
   * @param {string} endpoint
   * @param {unknown} body
   * @param {{ username: string, password: string, scope?: unknown }} [user]
   */
  async function call(endpoint, body, user = USER) {
    const base = `${sim.url}/rest/openapi/pvms/v1/`;
    if (!tokens.has(user.username)) {
      const login = await fetch(`${base}login`, {
        method: 'POST',
        body: JSON.stringify({ userName: user.username, systemCode: user.password }),
      });
      tokens.set(user.username, login.headers.get('xsrf-token'));
    }
    const res = await fetch(base + endpoint, {
      method: 'POST',
      headers: { 'xsrf-token': tokens.get(user.username) },
      body: JSON.stringify(body),
    });
    return res.json();
  }
  const codes = (n) => Array.from({ length: n }, (_, i) => `NE=${33554432 + i}`).join(',');

  it('answers the documented failCodes for bad plant lists and times', async function () {
    const now = clock.now();
    /** @type {Array<[string, unknown, number]>} */
    const cases = [
      ['vpp/plants', {}, 20010],
      ['vpp/plantRealtimeKpi', { plantCodes: codes(101) }, 20014],
      ['vpp/plantRatedData', { plantCodes: codes(101) }, 20015],
      ['vpp/plantRatedData', { plantCodes: 'NE=99' }, 20045],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), endTime: now }, 20012],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), startTime: now, endTime: now - 1 }, 20023],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), startTime: now, endTime: now }, 20604],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), startTime: -5, endTime: now }, 20605],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), startTime: now - DAY - 1, endTime: now }, 20027],
      ['vpp/plantHistoryKpi', { plantCodes: codes(1), startTime: now - 366 * DAY, endTime: now - 365.5 * DAY }, 20026],
      ['vpp/plantFiveMinutesKpi', { startTime: now - 1000, endTime: now }, 20010],
      ['vpp/plantFiveMinutesKpi', { plantCode: 'NE=33554432', startTime: now - 20 * 3_600_000, endTime: now }, 20027],
    ];
    for (const [endpoint, body, code] of cases) {
      const r = await call(endpoint, body);
      assert.equal(r.success, false, `${endpoint} ${JSON.stringify(body)}`);
      assert.equal(r.failCode, code, `${endpoint} ${JSON.stringify(body)}`);
    }
  });

  it("leaves out plants the user cannot see, and rates data from the plant's inverters", async function () {
    const r = await call(
      'vpp/plantRealtimeKpi',
      { plantCodes: codes(3) },
      { username: 'one', password: 'p', scope: undefined },
    );
    assert.deepEqual(
      r.data.map((p) => p.plantCode),
      ['NE=33554432'],
    );
    const rated = await call('vpp/plantRatedData', { plantCodes: codes(3) });
    assert.equal(rated.data.total, 3);
    for (const item of rated.data.plantRatedData) {
      const plant = sim.fleet.plant(item.plantCode);
      const kw = plant.devices.filter((d) => d.deviceTypeId === 20822).reduce((s, d) => s + d.ratedPower, 0);
      assert.equal(Number(item.ratedActivePower), kw);
      assert.ok(Number(item.ratedApparentPower) > kw);
    }
  });

  it('sends history points every 5 minutes in plant time, with the offset', async function () {
    const now = clock.now();
    const r = await call('vpp/plantHistoryKpi', { plantCodes: codes(3), startTime: now - DAY, endTime: now });
    for (const plant of r.data) {
      const p = sim.fleet.plant(plant.plantCode);
      assert.equal(plant.dataItem.length, 288);
      const first = plant.dataItem[0].dataTime;
      const sign = p.tzOffsetMin < 0 ? '-' : '+';
      const hh = String(Math.floor(Math.abs(p.tzOffsetMin) / 60)).padStart(2, '0');
      assert.ok(
        first.endsWith(`${sign}${hh}:${String(Math.abs(p.tzOffsetMin) % 60).padStart(2, '0')}`) ||
          first.endsWith(`${sign}${hh}${String(Math.abs(p.tzOffsetMin) % 60).padStart(2, '0')}`),
        first,
      );
      const local = new Date(now - DAY + p.tzOffsetMin * 60_000).toISOString().slice(0, 19);
      assert.equal(first.slice(0, 19), local);
    }
  });
});

describe('simulator: plant data quotas', function () {
  let sim;
  let clock;
  before(async function () {
    clock = new VirtualClock();
    sim = await startSimulator({ plants: 3, users: [USER], clock });
  });
  after(() => sim.close());

  it('answers 407 past the documented per-user limits and admits again after the window', async function () {
    const base = `${sim.url}/rest/openapi/pvms/v1/`;
    const login = await fetch(`${base}login`, {
      method: 'POST',
      body: JSON.stringify({ userName: USER.username, systemCode: USER.password }),
    });
    const token = login.headers.get('xsrf-token');
    const call = async (endpoint, body) =>
      (
        await fetch(base + endpoint, {
          method: 'POST',
          headers: { 'xsrf-token': String(token) },
          body: JSON.stringify(body),
        })
      ).json();
    const body = { plantCodes: 'NE=33554432' };
    // Real-time KPI: Roundup(3/100) = 1 call per 5 minutes.
    assert.equal((await call('vpp/plantRealtimeKpi', body)).success, true);
    assert.equal((await call('vpp/plantRealtimeKpi', body)).failCode, 407);
    clock.advance(5 * 60_000);
    assert.equal((await call('vpp/plantRealtimeKpi', body)).success, true);
    // Rated data: 10 a minute.
    for (let i = 0; i < 10; i++) assert.equal((await call('vpp/plantRatedData', body)).success, true);
    assert.equal((await call('vpp/plantRatedData', body)).failCode, 407);
    // History: one a minute.
    const now = clock.now();
    const range = { ...body, startTime: now - 3_600_000, endTime: now };
    assert.equal((await call('vpp/plantHistoryKpi', range)).success, true);
    assert.equal((await call('vpp/plantHistoryKpi', range)).failCode, 407);
  });
});
