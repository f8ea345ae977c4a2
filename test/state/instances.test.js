'use strict';
// Two instances of one account in one test process: each its own login guard (as in two
// processes) over one Redis, against the simulator with single sessions (a login ends the
// others, as on the live system).
const assert = require('node:assert/strict');
const { FusionSolarClient } = require('../../dist/src/client/client');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const { startSimulator } = require('../../dist/src/simulator');
const { startRedis } = require('../helpers/redis');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'shared-user', password: 'Shared-Passw0rd!', scope: 'all' };

describe('instances sharing one account through Redis (client level)', function () {
  this.timeout(20000);
  let sim;
  let redis;
  const clients = [];
  /** A client as a separate instance would have it: nothing shared in memory with the others. */
  const instance = (extra = {}) => {
    resetLoginGuards();
    const c = new FusionSolarClient({
      baseUrl: sim.url,
      username: USER.username,
      password: USER.password,
      quotaProfile: 'off',
      store: { kind: 'redis', url: redis.url, fallback: 'local' },
      ...extra,
    });
    clients.push(c);
    return c;
  };
  const list = (c) => c.call({ endpoint: 'plants', body: { pageNo: 1, pageSize: 100 } });

  before(async function () {
    [sim, redis] = await Promise.all([
      startSimulator({ plants: 3, users: [USER], singleSession: true, record: true, quotas: false }),
      startRedis(),
    ]);
  });
  after(async function () {
    for (const c of clients) await c.state?.close();
    if (sim) await sim.close();
    if (redis) await redis.close();
    resetLoginGuards();
  });

  it('logs in once for all, and renews a dropped token (305) once for all', async function () {
    const [a, b, c] = [instance(), instance(), instance()];
    await Promise.all([list(a), list(b), list(c)]);
    assert.equal(sim.stats.logins, 1, 'one login, the others waited for it and used its token');
    sim.accounts.revoke(USER.username);
    await Promise.all([list(a), list(b), list(c)]);
    assert.equal(sim.stats.logins, 2, 'one renewal after the 305, not one per instance');
    await Promise.all([list(a), list(b), list(c)]);
    assert.equal(sim.stats.logins, 2);
    const answers = sim.requestLog.map((r) => r.answer);
    assert.equal(
      answers.filter((x) => x === '305').length,
      3,
      'each instance saw the revoked token once, and no ping-pong after',
    );
  });

  it('shares the rejected-password latch: one attempt for all instances', async function () {
    const wrong = { password: 'wrong-password' };
    const [a, b] = [instance(wrong), instance(wrong)];
    await assert.rejects(list(a), (/** @type {CaughtError} */ e) => e.code === 'LOGIN_REJECTED');
    await assert.rejects(list(b), (/** @type {CaughtError} */ e) => e.code === 'LOGIN_REJECTED');
    assert.equal(sim.stats.failedLogins, 1);
    assert.equal(b.session.state, 'rejected');
  });
});
