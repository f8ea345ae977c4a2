'use strict';
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters, stringCount, ivNode, ivCalls, ivState } = require('../helpers/iv');
const { must } = require('../helpers/must');

describe('fusionsolar-iv node: tasks (9.4.1-9.4.4)', function () {
  let sim;
  let clock;
  let h;
  beforeEach(async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('listTasks'), { accountExtra: { allowControl: true } }), credentials());
    h = harness();
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  const create = (payload) =>
    h.send({
      operation: 'createTask',
      payload: { taskName: 'scan', cleanStatus: 0, environmentalParameters: 0, ...payload },
    });

  it('keeps the task ids -14921346228625 and 126140505793022 exact from creation to cancel', async function () {
    ivState(sim).queueTaskIds(['-14921346228625', '126140505793022']);
    const a = await create({ dns: inverters(sim, 0) });
    assert.equal(a.error, undefined, a.error && a.error.message);
    assert.equal(a.out[0].payload.taskId, '-14921346228625');
    const b = await create({
      dns: inverters(sim, 1).slice(0, 2),
      environmentalParameters: 1,
      modulePlaneIrradiance: 800,
      moduleBackSurfaceTemperature: 45,
    });
    assert.equal(b.out[0].payload.taskId, '126140505793022');

    const list = await h.send({ operation: 'listTasks', payload: {} });
    assert.deepEqual(list.out[0].payload.map((t) => t.taskId).sort(), ['-14921346228625', '126140505793022']);
    const manual = list.out[0].payload.find((t) => t.taskId === '126140505793022');
    assert.equal(manual.modulePlaneIrradiance, 800);
    assert.equal(manual.taskStatus, 0);

    // As a number and as a string, the id reaches the server with every digit.
    const byNumber = await h.send({ operation: 'taskStatus', payload: { taskId: -14921346228625 } });
    assert.equal(byNumber.error, undefined, byNumber.error && byNumber.error.message);
    assert.equal(byNumber.out[0].payload.taskId, '-14921346228625');
    const byString = await h.send({ operation: 'cancelTask', payload: { taskId: '126140505793022' } });
    assert.deepEqual(byString.out[0].payload, { taskId: '126140505793022', canceled: true });
    assert.ok(
      must(ivState(sim).tasks.get('126140505793022'), 'ivState(sim).tasks.get("126140505793022")').canceledAt !==
        undefined,
    );
    assert.ok(byNumber.out[0].payload.list.every((s) => /^-?\d+$/.test(s.subTaskId)));
  });

  it(
    'lists tasks by name and creation time, and refuses a start time without an end time before any ' + 'call',
    async function () {
      await create({ dns: inverters(sim, 0), taskName: 'Roof A' });
      clock.advance(10 * 60_000);
      await create({ dns: inverters(sim, 1).slice(0, 1), taskName: 'Field B' });
      const byName = await h.send({ operation: 'listTasks', payload: { taskName: 'roof' } });
      assert.deepEqual(
        byName.out[0].payload.map((t) => t.taskName),
        ['Roof A'],
      );
      const byTime = await h.send({
        operation: 'listTasks',
        payload: { startTime: new Date(clock.now() - 60_000).toISOString(), endTime: clock.now() + 1 },
      });
      assert.deepEqual(
        byTime.out[0].payload.map((t) => t.taskName),
        ['Field B'],
      );

      const before = ivCalls(sim);
      const bad = await h.send({ operation: 'listTasks', payload: { startTime: clock.now() } });
      assert.equal(bad.error.code, 'INVALID_INPUT');
      assert.match(bad.error.message, /endTime: is required: startTime and endTime must be set together/);
      const badSize = await h.send({ operation: 'listTasks', payload: { pageNo: 1, pageSize: 25 } });
      assert.match(badSize.error.message, /pageSize: must be one of 10, 20, 30, 50, 100/);
      assert.equal(ivCalls(sim), before);
    },
  );

  it('checks createTask input before any call: 100 inverters, manual conditions, 128 scan points', async function () {
    const before = ivCalls(sim);
    const dns = Array.from({ length: 101 }, (_, i) => `NE=${i + 1}`);
    /** @type {Array<[object, RegExp]>} */
    const cases = [
      [{ dns }, /dns: at most 100 codes/],
      [{ dns: ['NE=1', 'NE=1'] }, /dns: must not name an inverter twice/],
      [
        { dns: 'NE=1', environmentalParameters: 1 },
        /modulePlaneIrradiance: is required when environmentalParameters is 1/,
      ],
      [
        { dns: 'NE=1', environmentalParameters: 1, modulePlaneIrradiance: 500, moduleBackSurfaceTemperature: 20 },
        /modulePlaneIrradiance: must be at least 600/,
      ],
      [
        { dns: 'NE=1', environmentalParameters: 1, modulePlaneIrradiance: 700, moduleBackSurfaceTemperature: 101 },
        /moduleBackSurfaceTemperature: must be at most 100/,
      ],
      [{ dns: 'NE=1', scanPointNum: 64 }, /scanPointNum: must be 128/],
      [{ dns: 'NE=1', cleanStatus: 2 }, /cleanStatus: must be 0 \(not cleaned\) or 1 \(cleaned\)/],
      [{ dns: 'NE=1', taskName: '' }, /taskName: must not be empty/],
    ];
    for (const [payload, rule] of cases) {
      const r = await create(payload);
      assert.equal(r.error && r.error.code, 'INVALID_INPUT', JSON.stringify(payload));
      assert.match(r.error.message, rule);
    }
    assert.equal(ivCalls(sim), before);
  });

  it(
    'reports 20030 when the irradiance is too low (night in Adelaide), though the server says ' + 'success',
    async function () {
      const r = await create({ dns: inverters(sim, 2) });
      assert.equal(r.error.code, '20030');
      assert.match(r.error.message, /Failed to create the I-V curve diagnosis task/);
      assert.equal(ivState(sim).tasks.size, 0);
    },
  );

  it('follows a task subtask by subtask over simulated time, merging every status page', async function () {
    const dns = inverters(sim, 1);
    const created = await create({ dns });
    const taskId = created.out[0].payload.taskId;
    const early = await h.send({ operation: 'taskStatus', payload: { taskId, pageSize: 10 } });
    const strings = stringCount(sim, dns);
    assert.equal(early.out[0].payload.list.length, strings);
    assert.equal(early.out[0].fusionsolar.calls, Math.ceil(strings / 10));
    assert.equal(early.out[0].payload.process, 0);
    clock.advance(70_000);
    const mid = await h.send({ operation: 'taskStatus', payload: { taskId } });
    const done = mid.out[0].payload.list.filter((s) => s.status === 0).length;
    assert.ok(done > 0 && done < strings, `${done} of ${strings} done`);
    assert.ok(mid.out[0].payload.process > 0 && mid.out[0].payload.process < 100);
    clock.advance(10 * 60_000);
    const end = await h.send({ operation: 'taskStatus', payload: { taskId, pageNo: 1, pageSize: 10 } });
    assert.equal(end.out[0].payload.list.length, 10);
    assert.equal(end.out[0].payload.process, 100);

    // A finished task cannot be cancelled: the server refuses.
    const refused = await h.send({ operation: 'cancelTask', payload: { taskId } });
    assert.equal(refused.error.code, '30030');
    const bad = await h.send({ operation: 'cancelTask', payload: { taskId: '12a' } });
    assert.equal(bad.error.code, 'INVALID_INPUT');
    assert.match(bad.error.message, /taskId: must be a whole number/);
    const unsafe = await h.send({ operation: 'taskStatus', payload: { taskId: 2 ** 60 } });
    assert.match(unsafe.error.message, /taskId: is a number beyond 2\^53/);
    const none = await h.send({ operation: 'cancelTask', payload: {} });
    assert.match(none.error.message, /taskId: is required: this node has no diagnosis running/);
  });

  it('shows a cancelled task with its unfinished subtasks cancelled', async function () {
    const created = await create({ dns: inverters(sim, 0) });
    const { taskId } = created.out[0].payload;
    const r = await h.send({ operation: 'cancelTask', payload: { taskId } });
    assert.equal(r.error, undefined);
    const status = await h.send({ operation: 'taskStatus', payload: { taskId } });
    assert.ok(status.out[0].payload.list.every((s) => s.status === 2));
    const list = await h.send({ operation: 'listTasks', payload: {} });
    assert.equal(list.out[0].payload[0].taskStatus, 2);
    const unknown = await h.send({ operation: 'taskStatus', payload: { taskId: '42' } });
    assert.equal(unknown.error.code, '20034');
  });
});
