'use strict';
// Issue 14, points 1 and 5 where no simulator is needed: the planner's paging bounds and the
// governor's edge (a wait equal to the longest wait is a wait), on a virtual clock.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Governor } = require('../../dist/src/client/governor');
const { MINUTE, DAY } = require('../../dist/src/client/quota/rules');
const { execute, NODE_OPERATIONS } = require('../../dist/src/api');
const { must } = require('../helpers/must');

const deviceList = must(
  NODE_OPERATIONS['fusionsolar-plants'].find((o) => o.name === 'deviceList'),
  'deviceList',
);

/**
 * A client double answering every call with `answer(body, n)`; refuses the call after `limit`
 * so a loop cannot hang the suite.
 */
function fakeClient(answer, limit = 20) {
  const sent = [];
  const client = {
    sent,
    fleet: { plants: 1, devices: 1 },
    memory: { plantZones: new Map(), inverters: new Map() },
    clock: new VirtualClock(),
    learnFleet(seen) {
      if (seen.devices !== undefined) this.fleet.devices = Math.max(this.fleet.devices, seen.devices);
    },
    async reserve() {
      return undefined;
    },
    publish() {},
    async call({ body }) {
      sent.push(body);
      if (sent.length > limit) throw new Error('paging did not stop');
      return { data: answer(body, sent.length) };
    },
  };
  // The members the code under test uses; the double has no others.
  return /** @type {import('../../dist/src/api').ApiClient & typeof client} */ (/** @type {unknown} */ (client));
}

const devices = (n, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    plantCode: 'NE=1',
    dn: `NE=${from + i}`,
    deviceTypeId: 20822,
    dataItemMap: {},
  }));

describe('issue 14 point 1: device list paging ends', function () {
  it('a bare array is the whole answer, even when it fills a page', async function () {
    const client = fakeClient(() => devices(100));
    const r = await execute(deviceList, { plantCodes: ['NE=1'] }, { client });
    assert.equal(client.sent.length, 1);
    assert.equal(/** @type {unknown[]} */ (r.payload).length, 100);
  });

  it('a full page without total that repeats the previous one ends the paging', async function () {
    const client = fakeClient(() => ({ list: devices(100) }));
    const r = await execute(deviceList, { plantCodes: ['NE=1'] }, { client });
    assert.equal(client.sent.length, 2);
    assert.equal(/** @type {unknown[]} */ (r.payload).length, 100);
  });

  it('never more pages than the plants can hold devices', async function () {
    // A server that makes up new devices on every page, forever.
    const client = fakeClient((body) => ({ list: devices(100, body.pageNo * 100) }), 200);
    const r = await execute(deviceList, { plantCodes: ['NE=1'] }, { client });
    assert.equal(client.sent.length, 100, '10,000 devices per plant at most');
    assert.equal(/** @type {unknown[]} */ (r.payload).length, 10_000);
  });
});

describe('issue 14 point 5: the quota does not refuse at its own edge', function () {
  const RULES = {
    plants: {
      limits: [
        { count: 34, windowMs: DAY, kind: 'day' },
        { count: 1, windowMs: MINUTE },
      ],
      lane: true,
    },
  };

  it('a call queued for exactly the longest wait behind one answered late is admitted, not refused', async function () {
    const clock = new VirtualClock(Date.UTC(2026, 5, 21), 1e9);
    const g = new Governor(
      clock,
      (e) => RULES[e],
      () => ({ plants: 1, devices: 1 }),
    );
    const opts = { maxWaitMs: 60_000 };
    const first = await g.admit('plants', opts);
    // Several "inject once" nodes at deploy: the second arrives while the first is in flight.
    const second = g.admit('plants', opts).then(
      (p) => p,
      (e) => e,
    );
    clock.advance(2_000); // the first call's login and answer take 2 s
    first.release('ok');
    for (let i = 0; i < 70; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(1_000);
    }
    const permit = await second;
    assert.equal(permit.code, undefined, permit.message);
    assert.equal(clock.now() - Date.UTC(2026, 5, 21) >= 62_000, true);
    permit.release('ok');
  });

  it('a call that would wait longer than the longest wait still fails at once with QUOTA', async function () {
    const clock = new VirtualClock(Date.UTC(2026, 5, 21), 1e9);
    const g = new Governor(
      clock,
      (e) => RULES[e],
      () => ({ plants: 1, devices: 1 }),
    );
    (await g.admit('plants', { maxWaitMs: 60_000 })).release('ok');
    await assert.rejects(
      g.admit('plants', { maxWaitMs: 59_999 }),
      (/** @type {CaughtError} */ e) => e.code === 'QUOTA' && e.retryAfter === 60_000,
    );
    const ok = g.admit('plants', { maxWaitMs: 60_000 });
    clock.advance(60_000);
    (await ok).release('ok');
  });
});
