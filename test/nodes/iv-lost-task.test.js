'use strict';
// runDiagnosis when the answer to createTask is lost: the server may have started the scan.
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters, stringCount, ivNode, ivState } = require('../helpers/iv');
const { must } = require('../helpers/must');

describe('fusionsolar-iv node: runDiagnosis after a lost createTask answer', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  async function start() {
    ({ sim } = await sunnySim());
    // A short timeout: the hung createTask fails quickly on the real clock.
    await load(
      flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { timeout: 0.3, allowControl: true } }),
      credentials(),
    );
    return harness();
  }

  it('finds the scan the server started by its name and creation time, and reports it', async function () {
    const h = await start();
    // The server creates the task, then never answers.
    sim.inject({ kind: 'hang', endpoint: 'iv/scanTask' });
    const dns = inverters(sim, 0);
    const r = await h.send({ payload: { dns, taskName: 'lost answer' } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const tasks = [...ivState(sim).tasks.values()];
    assert.equal(tasks.length, 1, 'no second scan was started');
    const report = r.out[0].payload;
    assert.equal(report.status, 'complete');
    assert.equal(report.taskId, tasks[0].taskId);
    assert.equal(report.curves.length, stringCount(sim, dns));
    assert.equal(sim.stats.byEndpoint['iv/tasks'], 1, 'one lookup');
  });

  it(
    'keeps the error when no task of that name was created (the request never reached the ' + 'service)',
    async function () {
      const h = await start();
      sim.inject({ kind: 'reset', endpoint: 'iv/scanTask' });
      const r = await h.send({ payload: { dns: inverters(sim, 0), taskName: 'never created' } });
      // A scan is a device command: a reset leaves its fate unknown, and the lookup found no task.
      assert.equal(must(r.error, 'r.error').code, 'OUTCOME_UNKNOWN');
      assert.match(must(r.error, 'r.error').message, /ECONNRESET/);
      assert.equal(ivState(sim).tasks.size, 0);
      assert.equal(sim.stats.byEndpoint['iv/tasks'], 1, 'one lookup, which found nothing');
      assert.equal(sim.stats.byEndpoint['iv/scanTask/status'], undefined, 'no polling of a task that does not exist');
    },
  );

  it('does not look anything up after a refusal the server answered (20030: too little light)', async function () {
    const h = await start();
    const r = await h.send({ payload: { dns: inverters(sim, 2), taskName: 'night' } });
    assert.equal(must(r.error, 'r.error').code, '20030');
    assert.equal(sim.stats.byEndpoint['iv/tasks'], undefined);
  });
});
