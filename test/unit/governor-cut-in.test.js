'use strict';
// A later call that fits now goes ahead of a queued group when that starts the group no
// later (the quota had room the group was not going to use); one that would start it later
// waits its turn. On a hand-driven virtual clock.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Governor, MINUTE } = require('../../dist/src/client');

const START = Date.UTC(2026, 5, 21, 0, 0, 0);
const LONG = 60 * MINUTE;
const RULES = {
  // V7 real-time: Roundup(plants/100) per 5 minutes, no lane (10 at 1000 plants).
  burst: { limits: [{ count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE }] },
  // V6 getStationRealKpi: the same, and one call a minute.
  realtime: {
    limits: [
      { count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  },
};

function setup(plants) {
  const clock = new VirtualClock(START, 1e9); // time moves only when the test says so
  const g = new Governor(
    clock,
    (e) => RULES[e],
    () => ({ plants, devices: plants }),
  );
  return { clock, g };
}

/** Settles what can settle without time passing; then the clock moves a second per idle round. */
async function spin(clock, done, until = Infinity) {
  for (let i = 0; i < 1e5; i++) {
    for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
    if (done() || clock.now() >= until) return;
    if (clock.pending > 0) clock.advance(1000);
  }
  assert.fail('never settled');
}

/** A call that records the minute it was admitted (and releases at once). */
function single(g, clock, endpoint, log, name) {
  return g.admit(endpoint, { maxWaitMs: LONG }).then((p) => {
    log.push([name, (clock.now() - START) / MINUTE]);
    p.release('ok');
  });
}

/** A group of `n` calls that records the minute it was granted, then makes its calls back to back. */
function group(g, clock, endpoint, n, log, name) {
  return g.reserve(endpoint, n, { maxWaitMs: LONG }).then(async (r) => {
    log.push([name, (clock.now() - START) / MINUTE]);
    for (let i = 0; i < n; i++) (await r.admit({ maxWaitMs: LONG })).release('ok');
    r.end();
  });
}

describe('quota governor: later calls that fit now', function () {
  it('a call with room goes at once ahead of a waiting group; one that would delay it waits', async function () {
    const { g, clock } = setup(1000); // 10 calls per 5 minutes
    for (let i = 0; i < 6; i++) (await g.admit('burst', { maxWaitMs: 0 })).release('ok');
    clock.advance(MINUTE);
    const log = [];
    // 9 calls need 9 free places at once: not before the six calls of minute 0 leave at 5.
    const grouped = group(g, clock, 'burst', 9, log, 'group');
    await spin(clock, () => false, clock.now()); // the group is queued, no time passes
    assert.equal(g.info('burst').queued, 9);
    // One more call now still leaves 9 places at minute 5: it goes at once.
    const first = single(g, clock, 'burst', log, 'fits');
    await spin(clock, () => log.length > 0, clock.now());
    assert.deepEqual(log, [['fits', 1]]);
    clock.advance(30_000);
    // A second one would leave 8 at minute 5 and start the group at 6: it queues behind it.
    const second = single(g, clock, 'burst', log, 'would delay');
    let all = false;
    void Promise.all([grouped, first, second]).then(() => (all = true));
    await spin(clock, () => all);
    assert.deepEqual(log, [
      ['fits', 1],
      ['group', 5],
      // The group's 9 calls and the call of minute 1 fill the window until that one leaves.
      ['would delay', 6],
    ]);
    assert.equal(g.info('burst').queued, undefined);
  });

  it('one a minute (V6, 120 plants): a call taking the slot a waiting group paces into waits', async function () {
    const { g, clock } = setup(120); // 2 calls per 5 minutes, one a minute
    (await g.admit('realtime', { maxWaitMs: 0 })).release('ok');
    clock.advance(MINUTE);
    const log = [];
    // Two calls a minute apart run unhindered from minute 4 (the call of minute 0 leaves at 5).
    const grouped = group(g, clock, 'realtime', 2, log, 'group');
    await spin(clock, () => false, clock.now());
    // Room now, but the call would still be in the window at 5: the group would start at 5.
    const later = single(g, clock, 'realtime', log, 'later');
    let all = false;
    void Promise.all([grouped, later]).then(() => (all = true));
    await spin(clock, () => all);
    assert.deepEqual(log, [
      ['group', 4],
      ['later', 9],
    ]);
  });
});
