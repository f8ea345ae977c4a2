'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, NODES } = require('../helpers/flow');

const core = path.dirname(require.resolve('@node-red/nodes/core/common/20-inject.js'));
const CORE = ['20-inject.js', '90-comment.js', '../function/15-change.js'].map((f) => require(path.join(core, f)));

/** An example as shipped, pointed at a test simulator, its debug nodes turned into helpers. */
function example(file, sim) {
  const flow = require(path.join(__dirname, '..', '..', 'examples', file));
  return JSON.parse(JSON.stringify(flow)).map((n) => {
    if (n.type === 'fusionsolar-account') return { ...n, baseUrl: sim.url, quotaWait: 600 };
    if (n.type === 'inject') return { ...n, once: false, repeat: '', crontab: '' };
    if (n.type === 'debug') return { id: n.id, z: n.z, type: 'helper', name: n.name };
    return n;
  });
}

async function run(file, sim, debugIds, expected) {
  const flow = example(file, sim);
  const account = flow.find((n) => n.type === 'fusionsolar-account');
  await helper.load([...Object.values(NODES), ...CORE], flow, {
    [account.id]: { username: USER.username, password: USER.password },
  });
  const got = Object.fromEntries(debugIds.map((id) => [id, []]));
  const done = new Promise((/** @type {(value?: void) => void} */ resolve) => {
    for (const id of debugIds) {
      helper.getNode(id).on('input', (m) => {
        got[id].push(m);
        if (debugIds.every((d) => got[d].length >= expected)) resolve();
      });
    }
  });
  helper.getNode(flow.find((n) => n.type === 'inject').id).receive({});
  await done;
  return got;
}

describe('plant data example flows', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  it('real-time poll: one message per plant with topic and measurements', async function () {
    ({ sim } = await virtualSim({ plants: 4 }));
    const got = await run('plant-data-realtime-poll.json', sim, ['pdr-debug-measurements', 'pdr-debug-plant'], 4);
    const codes = sim.fleet.plants.map((p) => p.plantCode);
    assert.deepEqual(
      got['pdr-debug-measurements'].map((m) => m.topic),
      codes,
    );
    assert.ok(
      got['pdr-debug-measurements'].every(
        (m) => typeof m.payload.pvPower === 'number' && typeof m.payload.dayEnergy === 'number',
      ),
    );
  });

  it("backfill: yesterday's 288 points per plant and the day's PV energy", async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    const got = await run('plant-data-backfill-history.json', sim, ['pdh-debug-total'], 3);
    for (const m of got['pdh-debug-total']) {
      assert.equal(m.payload.points, 288);
      assert.ok(m.payload.pvEnergy > 0);
      assert.equal(m.topic, m.payload.plantCode);
    }
  });
});
