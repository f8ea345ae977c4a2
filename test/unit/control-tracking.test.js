'use strict';
const assert = require('node:assert/strict');
const { TRACKING, track } = require('../../dist/src/api');
const { FusionSolarError } = require('../../dist/src/client');
const { VirtualClock } = require('../../dist/src/clock');
const { must } = require('../helpers/must');

/** A client whose status answers come from `answer(callNumber)`: data, or a thrown error. */
function fakeClient(answer) {
  const clock = new VirtualClock(undefined, 0);
  const calls = [];
  const client = {
    calls,
    clock,
    async reserve() {
      return undefined;
    },
    publish() {},
    async call(opts) {
      calls.push({ at: clock.now(), body: opts.body });
      const a = answer(calls.length);
      if (a instanceof Error) throw a;
      return { data: a };
    },
  };
  // The members the code under test uses; the double has no others.
  return /** @type {import('../../dist/src/api').ApiClient & typeof client} */ (/** @type {unknown} */ (client));
}

const MINUTE = 60_000;

describe('task tracking engine (virtual clock, no HTTP)', function () {
  it('polls a dispatch every 3 minutes and marks subtasks still running at 24 hours as timed out', async function () {
    const client = fakeClient(() => [
      { plantCode: 'NE=1', sn: 'a', remoteID: 'r1', status: 1 },
      { plantCode: 'NE=2', sn: 'b', remoteID: 'r2', status: 0 },
    ]);
    const spec = TRACKING.chargeDischarge;
    const plan = spec.plan(
      [
        { plantCode: 'NE=1', remoteID: 'r1', dispatchResult: 0, requestID: 5 },
        { plantCode: 'NE=2', remoteID: 'r2', dispatchResult: 0, requestID: 5 },
        { plantCode: 'NE=3', dispatchResult: 1, requestID: 5 },
      ],
      {},
    );
    assert.deepEqual(plan, { key: '5', query: { requestID: 5 }, ids: ['r1', 'r2'] });
    const events = [];
    const final = await track(spec, plan, { client }, (e) => events.push(e));
    assert.equal(client.calls[1].at - client.calls[0].at, 3 * MINUTE);
    assert.equal(client.calls.length, 480);
    // Unchanged answers are not reported: the start (no call yet), the first answer, then the final.
    assert.deepEqual(
      events.map((e) => [e.state, e.calls]),
      [
        ['progress', 0],
        ['progress', 1],
        ['complete', 480],
      ],
    );
    assert.deepEqual([events[0].payload, events[0].changed, events[0].running], [[], ['r1', 'r2'], 2]);
    assert.deepEqual([final.total, final.succeeded, final.timedOut, final.running], [2, 1, 1, 0]);
    assert.deepEqual(final.changed, ['r1']);
  });

  it('gives up after three failed queries in a row with a final "abandoned"', async function () {
    const client = fakeClient(() => new FusionSolarError('ETIMEDOUT'));
    const events = [];
    const plan = { key: 'x', query: { requestId: 'x' }, ids: ['NE=1'] };
    const final = await track(TRACKING.defaultSetting, plan, { client }, (e) => events.push(e));
    assert.deepEqual(
      events.map((e) => e.state),
      ['progress', 'progress', 'progress', 'abandoned'],
    );
    assert.equal(final.error?.code, 'ETIMEDOUT');
    assert.equal(client.calls.length, 3);
  });

  it('follows DRM tasks per inverter once the devices are listed', async function () {
    const plant = (status) => [
      {
        remoteId: 'r1',
        plantCode: 'NE=1',
        devicesStatusInfo: status
          ? [
              { dn: 'i1', status },
              { dn: 'i2', status: '1' },
            ]
          : [],
      },
    ];
    const answers = [plant(null), plant('0'), plant('2')];
    const client = fakeClient((n) => answers[n - 1]);
    const spec = TRACKING.drm;
    const plan = must(
      spec.plan(
        [
          { remoteId: 'r1', plantCode: 'NE=1', result: 0 },
          { remoteId: null, plantCode: 'NE=2', result: 1 },
        ],
        {},
      ),
      'the plan',
    );
    assert.deepEqual(plan.query, { remoteIds: ['r1'] });
    const events = [];
    const final = await track(spec, plan, { client }, (e) => events.push(e));
    assert.deepEqual(
      events.map((e) => [e.state, e.total, e.running]),
      [
        ['progress', 1, 1],
        ['progress', 1, 1],
        ['progress', 2, 1],
        ['complete', 2, 0],
      ],
    );
    assert.deepEqual([final.succeeded, final.failed], [1, 1]);
    assert.equal(client.calls[1].at - client.calls[0].at, MINUTE);
  });

  it('stops at once, without a final message, when its signal aborts', async function () {
    const client = fakeClient(() => [{ plantCode: 'NE=1', status: '0' }]);
    const ac = new AbortController();
    const events = [];
    const running = track(
      TRACKING.defaultSetting,
      { key: 'k', query: { requestId: 'k' }, ids: ['NE=1'] },
      { client, signal: ac.signal },
      (e) => {
        events.push(e);
        if (e.calls > 0) ac.abort(new Error('closed'));
      },
    );
    await assert.rejects(running, /closed/);
    assert.equal(events.length, 2);
    assert.equal(client.calls.length, 1);
  });
});
