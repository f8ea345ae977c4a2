'use strict';
// Groups of calls (an operation's chunks) through short windows, on a hand-driven virtual
// clock: a group larger than one window must go at the best rate the quota allows, not
// wait for the window to clear before it starts.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Governor, MINUTE } = require('../../dist/src/client');

const START = Date.UTC(2026, 5, 21, 0, 0, 0);
const LONG = 60 * MINUTE;
// V6 6.1.4.1 getStationRealKpi: Roundup(plants/100) per 5 minutes, one concurrent request a minute.
const RULES = {
  realtime: {
    limits: [
      { count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  },
  // V7 real-time: the 5-minute window only, no lane.
  burst: { limits: [{ count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE }] },
};

/** Waits until the clock has a sleeper (the governor waits) or the promise settled, then moves time to it. */
async function runUntil(clock, promise) {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let spins = 0; !settled; spins++) {
    await new Promise((r) => setImmediate(r));
    if (settled) break;
    if (clock.pending > 0) clock.advance(1000);
    assert.ok(spins < 1e6, 'the group never finished');
  }
  return promise;
}

/** Refreshes of `n` calls back to back, as a poll does; the minute of each call. */
async function refreshes(g, clock, endpoint, n, count) {
  const out = [];
  for (let r = 0; r < count; r++) {
    const run = (async () => {
      const group = await g.reserve(endpoint, n, { maxWaitMs: LONG });
      const at = [];
      for (let i = 0; i < n; i++) {
        const p = await group.admit({ maxWaitMs: LONG });
        at.push((clock.now() - START) / MINUTE);
        p.release('ok');
      }
      group.end();
      return at;
    })();
    out.push(await runUntil(clock, run));
  }
  return out;
}

function setup(plants) {
  const clock = new VirtualClock(START, 1e9); // time moves only when the test says so
  const g = new Governor(
    clock,
    (e) => RULES[e],
    () => ({ plants, devices: plants }),
  );
  return { clock, g };
}

describe('quota governor: groups through short windows', function () {
  it('1000 plants: 10 calls a refresh at one a minute, a refresh every 10 minutes (not 14)', async function () {
    const { g, clock } = setup(1000);
    const minutes = await refreshes(g, clock, 'realtime', 10, 3);
    assert.deepEqual(minutes, [
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16, 17, 18, 19],
      [20, 21, 22, 23, 24, 25, 26, 27, 28, 29],
    ]);
  });

  it('120 plants: 2 calls a refresh, the next refresh as soon as the first call leaves the window', async function () {
    const { g, clock } = setup(120);
    assert.deepEqual(await refreshes(g, clock, 'realtime', 2, 3), [
      [0, 1],
      [5, 6],
      [10, 11],
    ]);
  });

  it('never exceeds either window, whatever the group size', async function () {
    const { g, clock } = setup(1000);
    const all = (await refreshes(g, clock, 'realtime', 25, 3)).flat();
    for (const t of all) {
      assert.ok(all.filter((x) => x > t - 5 && x <= t).length <= 10, `more than 10 calls in the 5 minutes to ${t}`);
      assert.ok(all.filter((x) => x > t - 1 && x <= t).length <= 1, `more than 1 call in the minute to ${t}`);
    }
    assert.equal(all[all.length - 1], 74, 'one call a minute throughout');
  });

  it('still starts a group only when no call of it would wait mid-way for calls made before it', async function () {
    const { g, clock } = setup(120); // 2 calls per 5 minutes, no lane
    (await g.admit('burst', { maxWaitMs: 0 })).release('ok');
    clock.advance(MINUTE);
    await assert.rejects(
      g.reserve('burst', 2, { maxWaitMs: MINUTE }),
      (/** @type {CaughtError} */ e) =>
        e.code === 'QUOTA' && e.retryAfter === 4 * MINUTE && /2 calls per 5 minutes used/.test(e.message),
    );
    const run = g.reserve('burst', 2, { maxWaitMs: 5 * MINUTE });
    const group = await runUntil(clock, run);
    assert.equal(clock.now(), START + 5 * MINUTE);
    for (let i = 0; i < 2; i++) (await group.admit({ maxWaitMs: 0 })).release('ok');
    group.end();
  });
});
