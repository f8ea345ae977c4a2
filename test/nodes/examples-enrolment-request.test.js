'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, NODES } = require('../helpers/flow');

const core = path.dirname(require.resolve('@node-red/nodes/core/common/20-inject.js'));
const INJECT = require(path.join(core, '20-inject.js'));
const CATCH = require(path.join(core, '25-catch.js'));
const CHANGE = require(path.join(core, '..', 'function', '15-change.js'));

/** An example flow pointed at the test simulator, its debug nodes swapped for helper nodes. */
function exampleFlow(file, sim) {
  const flow = require(path.join(__dirname, '..', '..', 'examples', file));
  return flow.map((n) => {
    if (n.type === 'fusionsolar-account') return { ...n, baseUrl: sim.url };
    if (n.type === 'debug') return { id: n.id, z: n.z, type: 'helper', wires: [] };
    return n;
  });
}

async function loadExample(file, sim) {
  const flow = exampleFlow(file, sim);
  const account = flow.find((n) => n.type === 'fusionsolar-account');
  await helper.load([...Object.values(NODES), INJECT, CATCH, CHANGE], flow, {
    [account.id]: { username: USER.username, password: USER.password },
  });
}

function next(id) {
  return new Promise((resolve) => helper.getNode(id).once('input', resolve));
}

describe('example flows of the enrolment and request nodes (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'enrolment-sn.json enrols the example device, lists the failed one, and the plant list then has ' + 'its plant',
    async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      await loadExample('enrolment-sn.json', sim);
      const results = next('en-debug-results');
      const failed = next('en-debug-failed');
      const plants = next('en-debug-plants');
      helper.getNode('en-inject').receive({});
      const r = await results;
      assert.deepEqual(
        r.payload.map((i) => [i.sn, i.success]),
        [
          ['HV1920000027', true],
          ['HV1920000099', false],
        ],
      );
      assert.deepEqual(
        (await failed).payload.map((i) => i.sn),
        ['HV1920000099'],
      );
      const list = (await plants).payload;
      assert.ok(list.some((p) => p.plantCode === r.payload[0].plantCode));
    },
  );

  it('request-any-endpoint.json calls the plant list by its path and the SN query by msg.path', async function () {
    ({ sim } = await virtualSim({ plants: 3 }));
    await loadExample('request-any-endpoint.json', sim);
    let data = next('rq-debug-data');
    let envelope = next('rq-debug-envelope');
    helper.getNode('rq-inject-plants').receive({});
    assert.equal((await data).payload.total, 3);
    assert.equal((await envelope).fusionsolar.response.success, true);
    data = next('rq-debug-data');
    helper.getNode('rq-inject-sn').receive({});
    assert.deepEqual(
      (await data).payload.map((i) => i.result),
      [0, 1, 2, 3],
    );
  });
});
