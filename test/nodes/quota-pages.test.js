'use strict';
// A paged list whose later pages meet the quota: every message must still end in exactly
// one done(), with the pages gathered or a QUOTA error that says how long it would wait.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { must } = require('../helpers/must');

const MINUTE = 60_000;

describe('quota and paged lists (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('quotaWait 0: a V7 plantList over 150 plants ends once, with QUOTA naming the wait for page 2', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 150 }));
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }, { accountExtra: { quotaWait: 0 } }),
      credentials(),
    );
    const h = harness();
    const start = clock.now();
    const r = await h.send({ payload: {} });
    await new Promise((res) => setImmediate(res));
    assert.equal(h.ends(), 1, 'exactly one done()');
    assert.equal(r.out.length, 0, 'no partial list is sent as if it were whole');
    const e = must(r.caught?.fusionsolar?.error, 'the caught error');
    assert.equal(e.code, 'QUOTA');
    assert.equal(e.retryAfter, MINUTE);
    assert.match(e.message, /Quota of plants: .*1 call per minute.*next call possible in 60 s/);
    assert.match(e.message, /at page 2 of 2; the 100 items of the pages before it are not sent/);
    assert.match(e.message, /quotaWait/);
    assert.equal(clock.now(), start, 'failed at once, without waiting');
    assert.equal(sim.stats.byEndpoint.plants, 1, 'page 1 only; page 2 never sent');
    assert.equal(sim.stats.quota407, 0);
  });

  it('quotaWait 60: the same list waits its minute for page 2 and sends all 150 plants', async function () {
    let clock;
    ({ sim, clock } = await virtualSim({ plants: 150 }));
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }, { accountExtra: { quotaWait: 60 } }),
      credentials(),
    );
    const h = harness();
    const start = clock.now();
    const r = await h.send({ payload: {} });
    assert.equal(r.error, undefined);
    assert.equal(r.out.length, 1);
    assert.equal(r.out[0].payload.length, 150);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 2);
    assert.equal(clock.now() - start, MINUTE);
    assert.equal(sim.stats.quota407, 0);
  });
});
