'use strict';
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');

describe('virtual clock', function () {
  it('wakes sleepers in deadline order by jumping time, without real waiting', async function () {
    const clock = new VirtualClock(1000);
    const order = [];
    await Promise.all([
      clock.sleep(60000).then(() => order.push(['a', clock.now()])),
      clock.sleep(10).then(() => order.push(['b', clock.now()])),
      clock.sleep(3600000).then(() => order.push(['c', clock.now()])),
    ]);
    assert.deepEqual(order, [
      ['b', 1010],
      ['a', 61000],
      ['c', 3601000],
    ]);
  });

  it('rejects a sleeper whose signal aborts and forgets it', async function () {
    const clock = new VirtualClock(0);
    const ac = new AbortController();
    const p = clock.sleep(1000, ac.signal);
    ac.abort(new Error('closing'));
    await assert.rejects(p, /closing/);
    assert.equal(clock.pending, 0);
  });

  it('advance() wakes what is due and never goes back', async function () {
    const clock = new VirtualClock(0, 1e9);
    let woke = false;
    const p = clock.sleep(500).then(() => (woke = true));
    clock.advance(499);
    await new Promise((r) => setImmediate(r));
    assert.equal(woke, false);
    clock.advance(1);
    await p;
    assert.equal(woke, true);
    clock.setTime(10);
    assert.equal(clock.now(), 500);
  });
});

describe('virtual clock hold', function () {
  it('keeps time still while held, and moves on once released', async function () {
    const clock = new VirtualClock(0, 1);
    const release = clock.hold();
    let woke = false;
    const p = clock.sleep(60000).then(() => (woke = true));
    // Timers of one duration run in the order they were set: this one runs after the
    // clock's 1 ms idle check had its turn (and, held, let time stand still).
    await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setImmediate(r));
    assert.equal(woke, false);
    assert.equal(clock.now(), 0);
    release();
    release();
    await p;
    assert.equal(clock.now(), 60000);
  });
});
