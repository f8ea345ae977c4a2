'use strict';
// A flow saved before a (test-only) rename still runs: the shared node code migrates the
// saved config before the node reads it.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const path = require('node:path');
const { helper, flowWith, load, harness, credentials, NODES } = require('../helpers/flow');
const { registerOperationNode } = require('../../dist/nodes/shared/operation-node');
const { operationsOf } = require('../../dist/src/api');
const { must } = require('../helpers/must');

const HISTORY = [{ to: 2, rename: { plantName: 'plantNames' }, values: { operation: { listPlants: 'plantList' } } }];

function oldStyleNode(RED) {
  registerOperationNode(RED, {
    type: 'fusionsolar-plants-v1',
    operations: operationsOf('fusionsolar-plants'),
    migrations: HISTORY,
  });
}

describe('saved config migration in a running flow', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('runs a node saved with a renamed operation and property', async function () {
    ({ sim } = await virtualSim({ plants: 4 }));
    const wanted = sim.fleet.plants[2].plantName;
    const node = { type: 'fusionsolar-plants-v1', operation: 'listPlants', plantName: wanted, plantNameType: 'str' };
    const flow = flowWith(sim, node);
    await helper.load([...loadedNodes(), oldStyleNode], flow, credentials());
    const h = harness();
    const r = await h.send({ payload: '' });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').operation, 'plantList');
    // A name query is answered by one page: the plant asked for under the old property name.
    assert.deepEqual(
      r.out[0].payload.list.map((p) => p.plantName),
      [wanted],
    );
    assert.equal(sim.stats.byEndpoint.plants, 1);
  });

  it('warns about a node saved by a newer package and still runs what it can', async function () {
    ({ sim } = await virtualSim({ plants: 2 }));
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList', configVersion: 99 }), credentials());
    const n = helper.getNode('n');
    const warnings = n.warn.args.map((a) => String(a[0]));
    assert.ok(
      warnings.some((w) => /newer version.*99/.test(w)),
      warnings.join('\n'),
    );
    const r = await harness().send({ payload: '' });
    assert.equal(r.out[0].payload.length, 2);
  });
});

function loadedNodes() {
  const core = path.dirname(require.resolve('@node-red/nodes/core/common/25-catch.js'));
  return [
    ...Object.values(NODES),
    ...['25-catch.js', '24-complete.js', '25-status.js'].map((f) => require(path.join(core, f))),
  ];
}
