'use strict';
// The governor on a hand-driven virtual clock: every kind of rule, the reference's formulas
// at 1, 20, 120 and 1000 plants, queues, server verdicts (407, 20618, 403/429).
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Governor } = require('../../dist/src/client');
const { MINUTE, DAY } = require('../../dist/src/client');
const { fsError, must } = require('../helpers/must');

const START = Date.UTC(2026, 5, 21, 0, 0, 0);
const HOUR = 60 * MINUTE;

// Rules written out as in the reference's "Interface Invoking Suggestion" paragraphs.
const RULES = {
  login: { limits: [{ count: 5, windowMs: 10 * MINUTE }], lane: true },
  plants: {
    limits: [
      { count: (c) => Math.ceil(c.plants / 50) * 10 + 24, windowMs: DAY, kind: 'day' },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  },
  'vpp/plantRealtimeKpi': { limits: [{ count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE }] },
  'vpp/plantHistoryKpi': {
    limits: [
      { count: (c) => Math.ceil(c.plants / 100) + 24, windowMs: DAY, kind: 'day' },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  },
  'vpp/drm': {
    limits: [
      { count: 10, windowMs: MINUTE },
      { count: 1000, windowMs: DAY, kind: 'day' },
    ],
  },
  'iv/tasks': { limits: [{ count: 10, windowMs: MINUTE }], shared: 'iv' },
  'iv/scanTask': { limits: [{ count: 10, windowMs: MINUTE }], shared: 'iv' },
  daily3: { limits: [{ count: 3, windowMs: DAY, kind: 'day' }] },
};

/** @param {{ plants?: number, zone?: string, start?: number }} [options] */
function setup({ plants = 1, zone, start = START } = {}) {
  const clock = new VirtualClock(start, 1e9); // time moves only when the test says so
  const fleet = { plants, devices: plants };
  const g = new Governor(
    clock,
    (e) => RULES[e],
    () => fleet,
    { dayZone: () => zone },
  );
  return { clock, g, fleet };
}

/** One call that must not wait: true when admitted, false on QUOTA. */
async function call(g, endpoint, outcome = 'ok') {
  try {
    const permit = await g.admit(endpoint, { maxWaitMs: 0 });
    permit.release(outcome);
    return true;
  } catch (err) {
    if (fsError(err).code !== 'QUOTA') throw err;
    return false;
  }
}

async function quotaError(g, endpoint, maxWaitMs = 0) {
  try {
    (await g.admit(endpoint, { maxWaitMs })).release();
  } catch (err) {
    return fsError(err);
  }
  assert.fail(`${endpoint} was admitted`);
}

/**
 * Whether a QUOTA error's limit is the daily one.
 * @param {CaughtError} err
 */
function dailyOf(err) {
  return /** @type {{ daily?: boolean }} */ (err.details).daily;
}

/** Calls admitted when trying, every `stepMs` for `spanMs`, as many as fit. */
async function admittedOver(g, clock, endpoint, stepMs, spanMs) {
  let n = 0;
  for (let t = 0; t < spanMs; t += stepMs) {
    while (await call(g, endpoint)) n++;
    clock.advance(stepMs);
  }
  return n;
}

const settle = () => new Promise((r) => setImmediate(r));

describe('quota governor', function () {
  describe('sliding windows', function () {
    it(
      'per minute: 10 at once, the 11th fails with QUOTA naming endpoint and limit, then fits a ' + 'minute later',
      async function () {
        const { g, clock } = setup();
        for (let i = 0; i < 10; i++) assert.equal(await call(g, 'vpp/drm'), true);
        const err = await quotaError(g, 'vpp/drm');
        assert.equal(err.code, 'QUOTA');
        assert.equal(err.endpoint, 'vpp/drm');
        assert.match(err.message, /^Quota of vpp\/drm: 10 calls per minute used; next call possible in 60 s$/);
        assert.equal(err.retryAfter, MINUTE);
        assert.deepEqual(err.details, { limit: 10, window: 'minute', daily: false });
        clock.advance(MINUTE - 1);
        assert.equal(await call(g, 'vpp/drm'), false);
        clock.advance(1);
        assert.equal(await call(g, 'vpp/drm'), true);
      },
    );

    it('per 10 minutes (login, 5): the 6th call waits until the first leaves the window', async function () {
      const { g, clock } = setup();
      for (let i = 0; i < 5; i++) {
        assert.equal(await call(g, 'login'), true);
        clock.advance(MINUTE);
      }
      const err = await quotaError(g, 'login');
      assert.equal(err.retryAfter, 5 * MINUTE);
      assert.match(err.message, /5 calls per 10 minutes/);
      clock.advance(5 * MINUTE);
      assert.equal(await call(g, 'login'), true);
    });

    for (const [plants, per5] of [
      [1, 1],
      [20, 1],
      [120, 2],
      [1000, 10],
    ]) {
      it(`per 5 minutes (real-time KPI): ${per5} call(s) per 5 minutes at ${plants} plants`, async function () {
        const { g, clock } = setup({ plants });
        let n = 0;
        while (await call(g, 'vpp/plantRealtimeKpi')) n++;
        assert.equal(n, per5);
        assert.equal((await quotaError(g, 'vpp/plantRealtimeKpi')).retryAfter, 5 * MINUTE);
        assert.equal(await admittedOver(g, clock, 'vpp/plantRealtimeKpi', MINUTE, HOUR), 12 * per5 - per5);
      });
    }
  });

  describe('daily budgets with a one-a-minute lane', function () {
    for (const [plants, perDay] of [
      [1, 34],
      [20, 34],
      [120, 54],
      [1000, 224],
    ]) {
      it(`plant list: ${perDay} calls a day at ${plants} plants, one a minute`, async function () {
        const { g, clock } = setup({ plants });
        assert.equal(await call(g, 'plants'), true);
        assert.equal(await call(g, 'plants'), false, 'one a minute');
        clock.advance(MINUTE);
        assert.equal(await admittedOver(g, clock, 'plants', MINUTE, DAY - MINUTE), perDay - 1);
        // Sliding 24 h: the first call of yesterday has left the window.
        assert.equal(await call(g, 'plants'), true);
      });
    }

    for (const [plants, perDay] of [
      [1, 25],
      [20, 25],
      [120, 26],
      [1000, 34],
    ]) {
      it(
        `plant history (9.3.3, Roundup(plants/100) + 24): ${perDay} calls a day at ${plants} ` + `plants`,
        async function () {
          const { g, clock } = setup({ plants });
          assert.equal(await admittedOver(g, clock, 'vpp/plantHistoryKpi', MINUTE, DAY), perDay);
        },
      );
    }

    it(
      'reads the fleet size at each call: the budget grows when the plant list reveals more ' + 'plants',
      async function () {
        const { g, fleet } = setup({ plants: 1 });
        assert.equal(g.info('plants').limit, 34);
        fleet.plants = 120;
        assert.equal(g.info('plants').limit, 54);
      },
    );

    it(
      'counts calendar days in the configured zone when asked: the budget returns at local ' + 'midnight',
      async function () {
        // 15:00 UTC is 23:00 in Shanghai: midnight there is one hour away.
        const { g, clock } = setup({ zone: 'Asia/Shanghai', start: Date.UTC(2026, 5, 21, 15, 0, 0) });
        for (let i = 0; i < 3; i++) assert.equal(await call(g, 'daily3'), true);
        const err = await quotaError(g, 'daily3');
        assert.equal(err.retryAfter, HOUR);
        assert.equal(dailyOf(err), true);
        assert.match(err.message, /3 calls per day \(calendar days in Asia\/Shanghai\) used/);
        clock.advance(HOUR);
        assert.equal(await call(g, 'daily3'), true);
      },
    );

    it('keeps a sliding 24 hours by default, safe whatever day boundary the server uses', async function () {
      const { g, clock } = setup({ start: Date.UTC(2026, 5, 21, 15, 0, 0) });
      for (let i = 0; i < 3; i++) assert.equal(await call(g, 'daily3'), true);
      clock.advance(HOUR);
      assert.equal((await quotaError(g, 'daily3')).retryAfter, 23 * HOUR);
    });
  });

  describe('queues and lanes', function () {
    it('admits queued calls to one endpoint in arrival order as the window frees', async function () {
      const clock = new VirtualClock(START);
      const g = new Governor(
        clock,
        (e) => RULES[e],
        () => ({ plants: 1, devices: 1 }),
      );
      const order = [];
      await Promise.all(
        [0, 1, 2, 3].map((i) =>
          g.admit('plants', { maxWaitMs: 10 * MINUTE }).then((p) => {
            order.push([i, clock.now() - START]);
            p.release('ok');
          }),
        ),
      );
      assert.deepEqual(order, [
        [0, 0],
        [1, MINUTE],
        [2, 2 * MINUTE],
        [3, 3 * MINUTE],
      ]);
    });

    it('fails a newcomer at once when the calls queued ahead push its turn past the longest wait', async function () {
      const { g, clock } = setup();
      (await g.admit('plants', { maxWaitMs: MINUTE })).release('ok');
      const second = g.admit('plants', { maxWaitMs: MINUTE });
      const late = await quotaError(g, 'plants', MINUTE);
      assert.equal(late.retryAfter, 2 * MINUTE);
      assert.match(late.message, /1 call queued ahead, 1 call per minute used/);
      assert.equal(clock.now(), START, 'refused on arrival, not after waiting');
      // Five minutes of patience is enough for the third place.
      const third = g.admit('plants', { maxWaitMs: 5 * MINUTE });
      await settle();
      clock.advance(MINUTE);
      (await second).release('ok');
      await settle();
      clock.advance(MINUTE);
      (await third).release('ok');
      assert.equal(clock.now(), START + 2 * MINUTE);
    });

    it('keeps a lane to one call in flight, even when the window has room', async function () {
      const lane = { lane10: { limits: [{ count: 10, windowMs: MINUTE }], lane: true } };
      const clock = new VirtualClock(START, 1e9);
      const gl = new Governor(
        clock,
        (e) => lane[e],
        () => ({ plants: 1, devices: 1 }),
      );
      const first = await gl.admit('lane10', { maxWaitMs: MINUTE });
      let second = false;
      const p = gl.admit('lane10', { maxWaitMs: MINUTE }).then((x) => {
        second = true;
        return x;
      });
      await settle();
      assert.equal(second, false);
      first.release('ok');
      (await p).release('ok');
      assert.equal(second, true);
      assert.equal(clock.now(), START);
    });

    it('abandons a queued call when its signal aborts, and the one behind it keeps its place', async function () {
      const clock = new VirtualClock(START);
      const g = new Governor(
        clock,
        (e) => RULES[e],
        () => ({ plants: 1, devices: 1 }),
      );
      (await g.admit('plants', { maxWaitMs: 0 })).release('ok');
      const ac = new AbortController();
      const order = [];
      const a = g.admit('plants', { maxWaitMs: 10 * MINUTE }).then((p) => (order.push('a'), p.release('ok')));
      const b = g.admit('plants', { maxWaitMs: 10 * MINUTE, signal: ac.signal });
      const c = g.admit('plants', { maxWaitMs: 10 * MINUTE }).then((p) => (order.push('c'), p.release('ok')));
      ac.abort();
      await assert.rejects(b, (/** @type {CaughtError} */ e) => e.code === 'ABORTED' && /abandoned/.test(e.message));
      assert.equal(clock.now(), START, 'abandoned without waiting');
      await Promise.all([a, c]);
      assert.deepEqual(order, ['a', 'c']);
      assert.equal(clock.now(), START + 2 * MINUTE);
    });

    it('counts a call from its answer: a slow call pushes the next one back', async function () {
      const { g, clock } = setup();
      const p = await g.admit('plants', { maxWaitMs: 0 });
      clock.advance(30_000);
      p.release('ok');
      assert.equal((await quotaError(g, 'plants')).retryAfter, MINUTE);
    });

    it('forgets a call that never went out', async function () {
      const { g } = setup();
      (await g.admit('plants', { maxWaitMs: 0 })).release('unused');
      assert.equal(await call(g, 'plants'), true);
    });

    it('counts endpoints with the same shared key against one budget', async function () {
      const { g } = setup();
      for (let i = 0; i < 6; i++) assert.equal(await call(g, 'iv/tasks'), true);
      for (let i = 0; i < 4; i++) assert.equal(await call(g, 'iv/scanTask'), true);
      assert.equal(await call(g, 'iv/tasks'), false);
      assert.equal(await call(g, 'iv/scanTask'), false);
      assert.equal(g.info('iv/tasks').used, 10);
      assert.equal(g.info('iv/scanTask').shared, 'iv');
    });
  });

  describe('server verdicts', function () {
    it(
      '407 blocks the endpoint for its shortest window; a 407 right after waits out the next longer ' + 'one',
      async function () {
        const { g, clock } = setup();
        assert.equal(g.exhaust('vpp/drm'), MINUTE);
        const err = await quotaError(g, 'vpp/drm');
        assert.match(err.message, /server answered 407/);
        clock.advance(MINUTE);
        assert.equal(await call(g, 'vpp/drm', 'sent'), true);
        assert.equal(g.exhaust('vpp/drm'), DAY, 'the second 407 in a row: the daily budget was the one spent');
        assert.equal(dailyOf(await quotaError(g, 'vpp/drm')), true);
      },
    );

    it('a good answer clears the 407 strikes', async function () {
      const { g, clock } = setup();
      g.exhaust('vpp/drm');
      clock.advance(MINUTE);
      assert.equal(await call(g, 'vpp/drm', 'ok'), true);
      assert.equal(g.exhaust('vpp/drm'), MINUTE);
    });

    it(
      '20618 blocks until a day after the oldest call of the last 24 h (sliding) or the next ' + 'midnight (calendar)',
      async function () {
        const sliding = setup();
        assert.equal(await call(sliding.g, 'vpp/drm'), true);
        sliding.clock.advance(3 * HOUR);
        assert.equal(sliding.g.exhaustDay('vpp/drm'), 21 * HOUR);
        const e = await quotaError(sliding.g, 'vpp/drm');
        assert.match(e.message, /daily call limit is spent \(20618\)/);
        assert.equal(dailyOf(e), true);
        assert.equal(sliding.g.info('vpp/drm').remaining, 0);

        const calendar = setup({ zone: '+08:00', start: Date.UTC(2026, 5, 21, 10, 0, 0) });
        assert.equal(calendar.g.exhaustDay('vpp/drm'), 6 * HOUR);
      },
    );

    it('403/429 pause every endpoint of the account', async function () {
      const { g, clock } = setup();
      g.pauseAll(MINUTE);
      for (const e of ['plants', 'vpp/drm', 'login']) {
        const err = await quotaError(g, e);
        assert.match(err.message, /gateway/);
        assert.equal(err.retryAfter, MINUTE);
      }
      clock.advance(MINUTE);
      assert.equal(await call(g, 'vpp/drm'), true);
    });
  });

  describe('budget check and visibility', function () {
    it('refuses a group before its first call when the daily budget cannot finish it in time', async function () {
      const { g } = setup({ plants: 1000 });
      for (let i = 0; i < 30; i++) g.ledger.budget('vpp/plantHistoryKpi').stamps.push(START - HOUR + i);
      await assert.rejects(
        g.reserve('vpp/plantHistoryKpi', 10, { maxWaitMs: MINUTE }),
        (/** @type {CaughtError} */ e) =>
          e.code === 'QUOTA' && /34 calls per day used/.test(e.message) && e.retryAfter === 23 * HOUR + 5,
      );
      const ok = await g.reserve('vpp/plantHistoryKpi', 4, { maxWaitMs: MINUTE });
      ok.end();
      await assert.rejects(
        g.reserve('vpp/plantHistoryKpi', 40, { maxWaitMs: DAY }),
        (/** @type {CaughtError} */ e) => e.code === 'QUOTA' && e.retryAfter === undefined,
      );
    });

    it('keeps the calls of one operation together: a later group cannot take half a window', async function () {
      const { g, clock } = setup({ plants: 120 }); // real-time: 2 calls per 5 minutes
      const first = await g.reserve('vpp/plantRealtimeKpi', 2, { maxWaitMs: 0 });
      for (let i = 0; i < 2; i++) (await first.admit({ maxWaitMs: 0 })).release('ok');
      first.end();
      clock.advance(4 * MINUTE);
      const a = g.reserve('vpp/plantRealtimeKpi', 2, { maxWaitMs: MINUTE });
      await settle();
      clock.advance(MINUTE);
      const b = await g.reserve('vpp/plantRealtimeKpi', 2, { maxWaitMs: MINUTE }).catch((e) => e);
      assert.equal(b.code, 'QUOTA', 'the newcomer sees the group ahead of it');
      assert.equal(b.retryAfter, 5 * MINUTE);
      const group = await a;
      for (let i = 0; i < 2; i++) (await group.admit({ maxWaitMs: 0 })).release('ok');
      group.end();
      assert.equal(clock.now(), START + 5 * MINUTE);
    });

    it('holds the queue for a group: a call that would delay its calls waits for its end', async function () {
      const { g, clock } = setup({ plants: 1000 }); // 10 calls per 5 minutes
      for (let i = 0; i < 8; i++) assert.equal(await call(g, 'vpp/plantRealtimeKpi'), true);
      const group = await g.reserve('vpp/plantRealtimeKpi', 2, { maxWaitMs: 0 });
      let single = false;
      // Room for it now, but then the group's second call would wait 5 minutes.
      const p = g.admit('vpp/plantRealtimeKpi', { maxWaitMs: 10 * MINUTE }).then((x) => ((single = true), x));
      (await group.admit({ maxWaitMs: 0 })).release('ok');
      await settle();
      assert.equal(single, false);
      (await group.admit({ maxWaitMs: 0 })).release('ok');
      group.end();
      for (let i = 0; i < 5 && !single; i++) {
        await settle();
        clock.advance(MINUTE);
      }
      (await p).release('ok');
      assert.equal(clock.now(), START + 5 * MINUTE, 'once the first calls left the window');
    });

    it('lets a single call through a granted group when the quota has room for both', async function () {
      const { g } = setup({ plants: 1000 });
      const group = await g.reserve('vpp/plantRealtimeKpi', 2, { maxWaitMs: 0 });
      (await group.admit({ maxWaitMs: 0 })).release('ok');
      (await g.admit('vpp/plantRealtimeKpi', { maxWaitMs: 0 })).release('ok');
      (await group.admit({ maxWaitMs: 0 })).release('ok');
      group.end();
      assert.equal(g.info('vpp/plantRealtimeKpi').used, 3);
    });

    it('reports the daily budget as the headline, the minute lane as nextAt, and every limit', async function () {
      const { g } = setup({ plants: 120 });
      assert.equal(await call(g, 'plants'), true);
      const info = g.info('plants');
      assert.equal(info.endpoint, 'plants');
      assert.equal(info.limit, 54);
      assert.equal(info.used, 1);
      assert.equal(info.remaining, 53);
      assert.equal(info.window, 'day');
      assert.equal(info.resetAt, START + DAY);
      assert.equal(info.nextAt, START + MINUTE);
      assert.deepEqual(
        must(info.limits, 'the limits').map((l) => [l.window, l.used, l.limit, l.remaining]),
        [
          ['day', 1, 54, 53],
          ['minute', 1, 1, 0],
        ],
      );
    });
  });
});
