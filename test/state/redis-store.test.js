'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { RedisStore } = require('../../dist/src/client/store/redis-store');
const { checkRedisUrl } = require('../../dist/src/client/store/redis-connect');
const { accountId, credentialId } = require('../../dist/src/client/store/identity');
const { pollGrace } = require('../../dist/src/client/store/redis-polls');
const { startRedis } = require('../helpers/redis');
const { must } = require('../helpers/must');

/** @typedef {import('../../dist/src/client/store/types').Admission} Admission */
/** A call the ledger admitted, or refused: the test knows which. */
const admitted = (/** @type {Admission} */ a) => /** @type {Extract<Admission, { ok: true }>} */ (a);
const refused = (/** @type {Admission} */ a) => /** @type {Extract<Admission, { ok: false }>} */ (a);

const ACCOUNT = accountId('eu5.fusionsolar.huawei.com:443\0tester');
const CRED = credentialId(ACCOUNT, 'pw');
const MIN = 60_000;
/** Three calls per minute, sliding, as the shared admission gets it at time `now`. */
const perMinute = (now, count = 3) => [{ from: now - MIN, inclusive: false, count, windowMs: MIN }];

function until(pred, ms = 5000, what = pred.toString()) {
  return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
    const start = Date.now();
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() - start > ms) return reject(new Error(`not met in time: ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('Redis state store (Debian redis-server)', function () {
  this.timeout(20000);
  let redis;
  const stores = [];
  const open = async (opts = {}) => {
    const s = new RedisStore({
      url: redis.url,
      account: ACCOUNT,
      fallback: 'local',
      heartbeatMs: 200,
      settleMs: 300,
      ...opts,
    });
    stores.push(s);
    await s.load();
    return s;
  };

  before(async function () {
    redis = await startRedis();
  });
  afterEach(async function () {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    if (redis) {
      await redis.start();
      execFileSync('redis-cli', ['-p', String(redis.port), 'flushall'], { stdio: 'ignore' });
    }
  });
  after(async function () {
    if (redis) await redis.close();
  });

  it('admits the last calls of a window to exactly one of several instances', async function () {
    const [a, b, c] = [await open(), await open(), await open()];
    const now = 1_000_000;
    const results = await Promise.all(
      [a, b, c, a, b, c, a, b, c].map((s) => s.shared.take('vpp/x', perMinute(now), now, MIN)),
    );
    assert.equal(results.filter((r) => r.ok).length, 3);
    for (const r of results.filter((x) => !x.ok)) assert.equal(refused(r).at, now + MIN);
    assert.deepEqual(
      results
        .filter((r) => r.ok)
        .map((r) => must(admitted(r).stamps, 'admitted(r).stamps').length)
        .sort(),
      [1, 2, 3],
      'each taker sees the calls so far',
    );
    // Calls still on their way count in every window: they may reach the server any moment.
    const later = await b.shared.take('vpp/x', perMinute(now + MIN), now + MIN, MIN);
    assert.equal(later.ok, false);
    assert.equal(later.at, now + MIN + 3000, 'asks again shortly, once the calls are answered');
    const stores = [a, b, c, a, b, c, a, b, c];
    results.forEach((r, i) => r.ok && stores[i].shared.move('vpp/x', r.member, now + 100));
    // Redis answers one connection in order: after this PING the writes before it are done.
    await Promise.all([a.redis.ping(), b.redis.ping(), c.redis.ping()]);
    // Answered at now + 100: a minute after that the window has room again, for whoever asks first.
    assert.equal((await b.shared.take('vpp/x', perMinute(now + MIN), now + MIN, MIN)).ok, false);
    assert.equal((await b.shared.take('vpp/x', perMinute(now + MIN + 101), now + MIN + 101, MIN)).ok, true);
  });

  it('moves an answered call to its answer time and forgets one never sent', async function () {
    const [a, b] = [await open(), await open()];
    const t = 5_000_000;
    const first = admitted(await a.shared.take('k', perMinute(t, 2), t, MIN));
    const second = admitted(await a.shared.take('k', perMinute(t, 2), t, MIN));
    a.shared.drop('k', second.member);
    a.shared.move('k', first.member, t + 10_000);
    await a.redis.ping();
    const third = await b.shared.take('k', perMinute(t + 1, 2), t + 1, MIN);
    assert.equal(third.ok, true);
    assert.deepEqual(third.stamps, [t + 1, t + 10_000]);
    const full = await b.shared.take('k', perMinute(t + 2, 2), t + 2, MIN);
    assert.deepEqual(full, { ok: false, at: t + 1 + MIN, reason: 'window' });
  });

  it('shares blocks (407) and the gateway pause with every instance', async function () {
    const [a, b] = [await open(), await open()];
    a.shared.block('k', 9_000, 'the server answered 407', false);
    a.shared.pause(3_000);
    // Redis answers one connection in order: after this PING the writes before it are done.
    await Promise.all([a.redis.ping(), b.redis.ping()]);
    assert.deepEqual(await b.shared.take('k', perMinute(1_000), 1_000, MIN), { ok: false, at: 3_000, reason: 'pause' });
    assert.deepEqual(await b.shared.take('k', perMinute(4_000), 4_000, MIN), {
      ok: false,
      at: 9_000,
      reason: 'the server answered 407',
    });
    assert.equal((await b.shared.take('k', perMinute(9_001), 9_001, MIN)).ok, true);
  });

  it('keeps one session for all: a newer token survives an instance dropping the old one', async function () {
    const [a, b] = [await open(), await open()];
    await a.saveSession({ credential: CRED, token: 'T1', cookies: { JSESSIONID: 'x' }, lastUsed: 10 });
    assert.equal(must(await b.session(), '(await b.session())').token, 'T1');
    await b.saveSession({ credential: CRED, token: 'T2', cookies: {}, lastUsed: 20 });
    await a.dropSession('T1');
    assert.equal(must(await a.session(), '(await a.session())').token, 'T2');
    await a.dropSession('T2');
    assert.equal(await b.session(), undefined);
    await a.saveRejection({ credential: CRED, code: '20001', at: 1 });
    assert.deepEqual(await b.rejection(), { credential: CRED, code: '20001', at: 1 });
  });

  it('runs one login at a time across instances', async function () {
    const [a, b] = [await open(), await open()];
    const order = [];
    /** @type {(value?: unknown) => void} */
    let release = () => {};
    const held = new Promise((r) => (release = r));
    const first = a.exclusive('login', async () => {
      order.push('a in');
      await held;
      order.push('a out');
    });
    await until(() => order.length === 1);
    // b asks for the lock again and again while a holds it: count its tries instead of sleeping.
    let tries = 0;
    const set = b.redis.set;
    // set() has many overloads: the wrapper passes any of them through unchanged.
    b.redis.set = /** @type {typeof set} */ (
      /** @param {unknown[]} args */
      function (...args) {
        if (String(args[0]).endsWith(':lock:login')) tries++;
        return Reflect.apply(set, b.redis, args);
      }
    );
    const second = b.exclusive('login', async () => order.push('b in'));
    await until(() => tries >= 3);
    assert.deepEqual(order, ['a in'], 'b waits while a holds the lock');
    release();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['a in', 'a out', 'b in']);
  });

  it(
    'divides polls: one instance takes each, the others are refused for its period, and it stays ' + 'with its maker',
    async function () {
      const [a, b, c] = [await open(), await open(), await open()];
      const key = 'mon/plantRealtime:NE=1';
      const t = 50_000_000;
      const P = 5 * MIN;
      const G = pollGrace(P);
      const first = await Promise.all([a, b, c].map((s) => s.claimPoll(key, t, P)));
      assert.equal(first.filter((r) => r.ok).length, 1, 'one of three takes it');
      const maker = [a, b, c][first.findIndex((r) => r.ok)];
      const [other] = [a, b, c].filter((s) => s !== maker);
      for (const r of first.filter((x) => !x.ok)) assert.deepEqual(r, { ok: false, next: t + P + G });
      assert.deepEqual(
        await maker.claimPoll(key, t + P - 1, P),
        { ok: false, next: t + P },
        'not even its maker polls it twice in a period',
      );
      assert.deepEqual(
        await other.claimPoll(key, t + P, P),
        { ok: false, next: t + P + G },
        'the maker has the next one first',
      );
      assert.deepEqual(await maker.claimPoll(key, t + P, P), { ok: true, previous: t });
      // The maker is gone: after its grace the poll moves to another instance.
      assert.deepEqual(await other.claimPoll(key, t + 2 * P + G, P), { ok: true, previous: t + P });
      assert.deepEqual(await maker.claimPoll(key, t + 3 * P, P), { ok: false, next: t + 3 * P + 2 * G });
      assert.deepEqual(await maker.claimPoll('mon/alarms', t, 30 * MIN), { ok: true }, 'each key on its own');
      // A claimed poll whose call failed is given back: the next try, anywhere, makes it.
      const again = await other.claimPoll('mon/alarms', t + 1, 30 * MIN);
      assert.equal(again.ok, false);
      maker.releasePoll('mon/alarms', t, undefined);
      await maker.redis.ping();
      assert.deepEqual(await other.claimPoll('mon/alarms', t + 2, 30 * MIN), { ok: true });
      maker.releasePoll('mon/alarms', t + 2, undefined);
      await maker.redis.ping();
      assert.equal(
        (await maker.claimPoll('mon/alarms', t + 3, 30 * MIN)).ok,
        false,
        'only the instance that claimed it gives it back',
      );
      other.releasePoll('mon/alarms', t + 2, undefined);
      await other.redis.ping();
      assert.deepEqual(await maker.claimPoll('mon/alarms', t + 4, 30 * MIN), { ok: true });
    },
  );

  it('counts the instances that share the account', async function () {
    const [a] = [await open(), await open(), await open()];
    await until(() => a.instances === 3);
    assert.equal(a.health, 'online');
  });

  it(
    'offline: keeps to its share (local) or makes no call (stop); back empty: re-seeds and ' + 'settles',
    async function () {
      const [a, b, stop] = [
        await open({ settleMs: 1500 }),
        await open({ settleMs: 1500 }),
        await open({ fallback: 'stop', settleMs: 1500 }),
      ];
      await until(() => a.instances === 3);
      const t = 10_000_000;
      // Six calls a minute shared by three instances: 2 each while Redis is away.
      assert.equal((await a.shared.take('k', perMinute(t, 6), t, MIN)).ok, true);
      const healths = [];
      a.onHealth((h) => healths.push(h));
      await redis.stop();
      await until(() => a.health === 'offline');
      await until(() => b.health === 'offline');
      await until(() => a.health === 'offline' && b.health === 'offline' && stop.health === 'offline');
      assert.equal(
        (await a.shared.take('k', perMinute(t + 1, 6), t + 1, MIN)).ok,
        true,
        'a: its second call of its share',
      );
      const third = await a.shared.take('k', perMinute(t + 2, 6), t + 2, MIN);
      assert.equal(third.ok, false, 'a: share used up');
      assert.equal(third.at, t + MIN);
      assert.equal((await b.shared.take('k', perMinute(t + 3, 6), t + 3, MIN)).ok, true);
      await assert.rejects(
        stop.shared.take('k', perMinute(t + 4, 6), t + 4, MIN),
        (/** @type {CaughtError} */ e) => e.code === 'STORE_OFFLINE',
      );
      await assert.rejects(
        stop.exclusive('login', async () => 1),
        (/** @type {CaughtError} */ e) => e.code === 'STORE_OFFLINE',
      );
      assert.deepEqual(
        await stop.claimPoll('p', t + 4, MIN),
        { ok: false, next: t + 4 + MIN },
        'stop: no poll while Redis is away',
      );
      assert.deepEqual(await a.claimPoll('p', t + 4, MIN), { ok: true }, 'local: its own polls, within its share');

      await redis.start();
      await until(() => a.health === 'online', 8000);
      // a made 2 calls, b 1. Right after the reconnect a still keeps to its share (the settle
      // period, while the others write their calls back into the emptied Redis).
      const settling = await a.shared.take('k', perMinute(t + 5, 6), t + 5, MIN);
      assert.equal(
        settling.ok,
        false,
        JSON.stringify({
          settling,
          settleUntil: a.settleUntil - Date.now(),
          instances: a.instances,
          own: a.own.entries(),
        }),
      );
      await until(() => b.health === 'online' && stop.health === 'online', 8000);
      assert.deepEqual(healths, ['offline', 'online']);
      await until(() => Date.now() > Math.max(a.settleUntil, stop.settleUntil), 5000, 'the settle period ends');
      const after = await stop.shared.take('k', perMinute(t + 6, 6), t + 6, MIN);
      assert.equal(after.ok, true);
      assert.deepEqual(after.stamps, [t, t + 1, t + 3, t + 6]);
    },
  );

  it(
    'unreachable at start: its local copy gives token and share of the instances last seen (local); ' +
      'stop makes no call',
    async function () {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-redis-copy-'));
      try {
        const problems = [];
        const [a] = [await open({ dir }), await open(), await open()];
        await until(() => a.instances === 3);
        const t = 20_000_000;
        assert.equal((await a.shared.take('k', perMinute(t, 6), t, MIN)).ok, true);
        await a.saveSession({ credential: CRED, token: 'T1', cookies: {}, lastUsed: t });
        a.saveFleet({ plants: 120, devices: 300 });
        await a.close();
        fs.cpSync(dir, `${dir}-stop`, { recursive: true });

        // Node-RED restarts while Redis is unreachable.
        const again = await open({ dir, url: 'redis://127.0.0.1:1', onProblem: (p) => problems.push(p.message) });
        assert.equal(again.health, 'offline');
        assert.equal(again.instances, 3, 'the instances last seen');
        assert.equal(
          must(await again.session(), '(await again.session())').token,
          'T1',
          "the token is reused: no login to end the others' session",
        );
        assert.match(problems.join('\n'), /Redis unreachable at start .*keeps to its share \(1\/3\)/);
        // Six a minute among three: the call before the restart and one more.
        assert.equal((await again.shared.take('k', perMinute(t + 1, 6), t + 1, MIN)).ok, true);
        assert.deepEqual(await again.shared.take('k', perMinute(t + 2, 6), t + 2, MIN), {
          ok: false,
          at: t + MIN,
          reason: 'the state store is offline: this instance keeps to its share (1/3) of the quota',
        });
        assert.deepEqual(await again.claimPoll('mon/alarms', t, MIN), { ok: true });

        const stop = await open({ dir: `${dir}-stop`, url: 'redis://127.0.0.1:1', fallback: 'stop' });
        await assert.rejects(
          stop.shared.take('k', perMinute(t + 1, 6), t + 1, MIN),
          (/** @type {CaughtError} */ e) => e.code === 'STORE_OFFLINE',
        );
        assert.deepEqual(await stop.claimPoll('mon/alarms', t, MIN), { ok: false, next: t + MIN });
        // Never reached and nothing kept: the share cannot be judged.
        const fresh = await open({ url: 'redis://127.0.0.1:1' });
        await assert.rejects(
          fresh.shared.take('k', perMinute(1), 1, MIN),
          (/** @type {CaughtError} */ e) => e.code === 'STORE_OFFLINE' && /never reached/.test(e.message),
        );
      } finally {
        await Promise.all(stores.splice(0).map((s) => s.close()));
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(`${dir}-stop`, { recursive: true, force: true });
      }
    },
  );

  it('learns the fleet another instance listed from the heartbeat', async function () {
    const [a, b] = [await open(), await open()];
    const seen = [];
    a.onFleet((f) => seen.push(f));
    b.saveFleet({ plants: 250, devices: 900 });
    await until(() => seen.length > 0, 3000);
    assert.deepEqual(seen.at(-1), { plants: 250, devices: 900 });
  });

  it('uses an ACL user with the password given apart, over TLS', async function () {
    const secure = await startRedis({ acl: { user: 'fusion', password: 'redis-pw' }, tls: true });
    try {
      const s = await open({ url: secure.url, password: 'redis-pw', ca: secure.ca });
      assert.equal(s.health, 'online');
      assert.equal((await s.shared.take('k', perMinute(1), 1, MIN)).ok, true);
      const wrong = await open({ url: secure.url, password: 'nope', ca: secure.ca });
      assert.equal(wrong.health, 'offline');
      const unverified = await open({ url: secure.url, password: 'redis-pw' });
      assert.equal(unverified.health, 'offline', 'a self-signed certificate is refused without its CA');
    } finally {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      await secure.close();
    }
  });

  it('refuses a URL that is not Redis or carries a password', function () {
    assert.equal(checkRedisUrl('rediss://fusion@cache.local:6380/2'), 'rediss://fusion@cache.local:6380/2');
    assert.throws(() => checkRedisUrl('http://x'), /redisUrl: must start with redis:\/\/ or rediss:\/\//);
    assert.throws(() => checkRedisUrl('redis://u:pw@x'), /redisUrl: must not contain a password/);
    assert.throws(() => checkRedisUrl('redis://x/abc'), /database number/);
    assert.throws(() => checkRedisUrl('redis://x?tls=false'), /query/);
  });

  it('loads the Redis client only when a Redis store is chosen', function () {
    const root = path.join(__dirname, '..', '..');
    const code =
      `require('./dist/src/client/store/binding'); ` +
      `require('./dist/src/client/store/local-store'); ` +
      `process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('ioredis'))))`;
    assert.equal(execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' }), 'false');
  });
});
