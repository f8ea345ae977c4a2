'use strict';
// Three monitors on one account, each in its own "instance" (its own client, login guard
// and ledger, as in three processes), sharing a real Redis, on the simulator's virtual
// clock. The instances divide the monitor's polls: each real-time poll is made once, by one
// of them, and the account's calls are what one monitor alone would make.
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { holdHttp, monitorOptions } = require('../helpers/monitor');
const { startRedis } = require('../helpers/redis');
const { FusionSolarClient } = require('../../dist/src/client/client');
const { resetLoginGuards } = require('../../dist/src/client/login-guard');
const { catalogueRules } = require('../../dist/src/api');
const { Monitor } = require('../../dist/src/monitor/monitor');
const { forgetMonitorState } = require('../../dist/src/monitor/state');
const { RedisStore } = require('../../dist/src/client/store/redis-store');
const { RedisLedger } = require('../../dist/src/client/store/redis-ledger');

const MIN = 60_000;

/** Simulated time stands still while an instance waits for Redis (as it does for HTTP). */
function holdRedis(clock) {
  const undo = [];
  /** @type {Array<[object, string[]]>} */
  const held = [
    [RedisStore.prototype, ['load', 'claimPoll', 'session', 'rejection', 'exclusive']],
    [RedisLedger.prototype, ['take']],
  ];
  for (const [proto, names] of held) {
    for (const name of names) {
      const fn = proto[name];
      proto[name] = async function held(...args) {
        const release = clock.hold();
        try {
          return await fn.apply(this, args);
        } finally {
          release();
        }
      };
      undo.push(() => (proto[name] = fn));
    }
  }
  return () => undo.forEach((u) => u());
}

/** The most calls inside any window of `ms` (t - ms, t]. */
function busiest(times, ms) {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[i] <= times[j] - ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('monitors of three instances divide their polls through Redis', function () {
  this.timeout(120_000);
  let sim;
  let redis;
  let unhold;
  const instances = [];

  after(async function () {
    for (const i of instances) {
      await i.m.stop();
      await i.client.close();
    }
    unhold?.();
    await stopSim(sim);
    if (redis) await redis.close();
    resetLoginGuards();
  });

  it('120 plants for 2 simulated hours: each poll once, calls of one monitor, 1 login, 0 407s', async function () {
    let clock;
    [{ sim, clock }, redis] = await Promise.all([
      virtualSim({ plants: 120, singleSession: true, record: true }),
      startRedis(),
    ]);
    holdHttp(clock);
    unhold = holdRedis(clock);
    forgetMonitorState();
    for (let n = 0; n < 3; n++) {
      // Nothing shared in memory with the others: each its own login guard and ledger.
      resetLoginGuards();
      const client = new FusionSolarClient(
        {
          baseUrl: sim.url,
          username: USER.username,
          password: USER.password,
          quotaWait: 600,
          rules: catalogueRules(),
          store: { kind: 'redis', url: redis.url, fallback: 'local' },
        },
        clock,
      );
      const readings = [];
      const errors = [];
      const m = new Monitor(monitorOptions(client), {
        readings: (l) => readings.push(...l.map((x) => x.payload)),
        alarms: () => undefined,
        status: () => undefined,
        error: (e) => errors.push(e),
      });
      instances.push({ client, m, readings, errors });
    }
    for (const i of instances) i.m.start();
    const start = clock.now();
    while (clock.now() < start + 120 * MIN) await clock.sleep(MIN);

    const realtime = sim.requestLog.filter((r) => r.endpoint === 'vpp/plantRealtimeKpi').map((r) => r.time);
    assert.equal(sim.stats.logins, 1, 'one login for three instances');
    assert.equal(sim.stats.quota407, 0);
    assert.deepEqual(
      sim.requestLog.filter((r) => r.answer === '305'),
      [],
      'nobody logged the others out',
    );
    // One monitor alone: 2 chunks of 100 plants every 5 minutes, from the first round on.
    assert.ok(
      busiest(realtime, 5 * MIN) <= 2,
      `at most 2 real-time calls per 5 minutes, saw ${busiest(realtime, 5 * MIN)}`,
    );
    const rounds = Math.floor((start + 120 * MIN - realtime[0]) / (5 * MIN));
    assert.ok(
      realtime.length >= 2 * rounds,
      `${realtime.length} real-time calls for ${rounds} rounds: as fast as allowed`,
    );
    for (const i of instances)
      assert.deepEqual(
        i.errors.map((e) => e.code),
        [],
      );

    // Each reading of each plant emitted once, by the instance that polled it; every plant every 5 minutes.
    const byPlant = new Map();
    for (const i of instances) {
      for (const p of i.readings)
        if (p.source === 'realtime') (byPlant.get(p.code) ?? byPlant.set(p.code, []).get(p.code)).push(p.time);
    }
    assert.equal(byPlant.size, 120);
    for (const [code, times] of byPlant) {
      times.sort((a, b) => a - b);
      assert.equal(new Set(times).size, times.length, `${code}: a reading emitted twice`);
      for (let k = 1; k < times.length; k++)
        assert.ok(
          times[k] - times[k - 1] <= 5 * MIN,
          `${code}: ${(times[k] - times[k - 1]) / MIN} minutes without data`,
        );
    }
    const pollers = instances.filter((i) => i.readings.length > 0).length;
    assert.ok(pollers >= 1, 'some instance polled');
  });
});
