'use strict';
// A V6 (/thirdData/) simulator on a virtual clock, spoken to over real HTTP without the
// client: these suites check the simulator's own reading of the reference.
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'v6user', password: 'v6-Passw0rd!', scope: 'all' };
/** 10:00 UTC on 21 June 2026: daylight in Europe, evening in Asia and Australia. */
const START = Date.UTC(2026, 5, 21, 10, 0, 0);

/** `start`: the virtual clock's time at the start; the rest are the simulator's options. */
/** @param {Partial<import('../../dist/src/simulator').SimulatorOptions> & { start?: number }} [opts] */
async function v6Sim({ start = START, ...opts } = {}) {
  const clock = new VirtualClock(start);
  const sim = await startSimulator({ plants: 3, users: [USER], clock, quotas: false, ...opts });
  const tokens = new Map();
  async function login(user = USER) {
    const res = await fetch(`${sim.url}/thirdData/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: user.username, systemCode: user.password }),
    });
    const text = await res.text();
    return { res, token: res.headers.get('xsrf-token'), body: text ? JSON.parse(text) : '' };
  }
  /** One call, logging in first when the token is missing or (after 30 idle minutes) gone. */
  /**
   * @param {string} endpoint
   * @param {unknown} [body]
   * @param {import('../../dist/src/simulator').SimUser} [user]
   */
  async function call(endpoint, body = {}, user = USER) {
    for (let attempt = 0; ; attempt++) {
      if (!tokens.has(user.username)) tokens.set(user.username, (await login(user)).token);
      const res = await fetch(`${sim.url}/thirdData/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'XSRF-TOKEN': tokens.get(user.username) },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      if (json.failCode !== 305 || attempt > 0) return json;
      tokens.delete(user.username);
    }
  }
  const codes = () => sim.fleet.plants.map((p) => p.plantCode).join(',');
  async function devices(user = USER) {
    return (await call('getDevList', { stationCodes: codes() }, user)).data;
  }
  return { sim, clock, login, call, codes, devices, tokens };
}

module.exports = { USER, START, v6Sim };
