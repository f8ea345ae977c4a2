'use strict';
// Issue 12, point 9: every login answer that is not a success with a token counts as a
// failed attempt. One that may mean a wrong password latches until the credentials change;
// one that failed in transit backs off, so retries never use up the 5 logins per 10 minutes.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const registry = require('../../dist/src/client/registry');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const { helper, requestFlow } = require('./flow');
const { HostileServer } = require('./hostile');
const report = require('./report');

const LATCHING = ['html200', 'status401', 'successFalse', 'failCode20010', 'noToken', 'empty200'];
const IN_TRANSIT = ['status500', 'reset'];
const MESSAGES = 8;

describe('security: odd login answers (issue 12, point 9)', function () {
  let hostile;
  let clock;
  beforeEach(async function () {
    clock = new VirtualClock();
    registry.useClock(clock);
    resetLoginGuards();
    hostile = await new HostileServer().start();
  });
  afterEach(async function () {
    await helper.unload();
    registry.useClock(undefined);
    await registry.closeIdleClients();
    await hostile.close();
  });

  async function storm(kind) {
    hostile.login = kind;
    const h = await requestFlow(hostile.url, { quotaWait: 600 });
    const errors = [];
    for (let i = 0; i < MESSAGES; i++) {
      const r = await h.send({ method: 'GET', path: 'vpp/anything' });
      errors.push(r.caught && r.caught.fusionsolar ? r.caught.fusionsolar.error : r.error);
    }
    return { h, errors };
  }

  for (const kind of LATCHING) {
    it(
      `9. login answered "${kind}": one attempt, then none until the credentials change ` + `(${MESSAGES} messages)`,
      async function () {
        const { h, errors } = await storm(kind);
        report.logins(`login ${kind}`, hostile.count('login'));
        report.attack(`login answered ${kind}`, hostile.count('login') === 1);
        assert.equal(hostile.count('login'), 1);
        assert.ok(
          errors.every((e) => e && e.code === 'LOGIN_REJECTED'),
          JSON.stringify(errors.map((e) => e && e.code)),
        );
        // Ten minutes on, still nothing: only new credentials may try again.
        clock.advance(11 * 60_000);
        assert.equal((await h.failed({ method: 'GET', path: 'vpp/anything' })).code, 'LOGIN_REJECTED');
        assert.equal(hostile.count('login'), 1);
        assert.equal(hostile.count('vpp/anything'), 0);
      },
    );
  }

  for (const kind of IN_TRANSIT) {
    it(
      `9. login answered "${kind}": backs off (1, 2, 4 minutes...), at most 4 attempts in any 10 ` + `minutes`,
      async function () {
        const { h, errors } = await storm(kind);
        assert.equal(hostile.count('login'), 1, 'no second attempt during the back-off');
        assert.ok(errors.slice(1).every((e) => e && typeof e.retryAfter === 'number' && e.retryAfter > 0));
        // Twenty simulated minutes of one message every 10 s: count the attempts per 10 minutes.
        const attempts = [0];
        for (let t = 10_000; t <= 20 * 60_000; t += 10_000) {
          clock.advance(10_000);
          const before = hostile.count('login');
          await h.send({ method: 'GET', path: 'vpp/anything' });
          if (hostile.count('login') > before) attempts.push(t);
        }
        const worst = Math.max(...attempts.map((a) => attempts.filter((b) => b >= a && b < a + 10 * 60_000).length));
        report.logins(`login ${kind} over 20 min`, hostile.count('login'));
        report.attack(`login answered ${kind}`, worst <= 4);
        assert.ok(worst <= 4, `${worst} attempts in 10 minutes: ${attempts.join(', ')}`);
        assert.ok(attempts.length >= 3, 'it does try again');
        // The server heals: the next attempt logs in and the call goes through.
        hostile.login = 'ok';
        clock.advance(10 * 60_000);
        const r = await h.send({ method: 'GET', path: 'vpp/anything' });
        assert.equal(r.error, undefined, r.error && r.error.message);
      },
    );
  }
});
