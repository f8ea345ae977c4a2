'use strict';
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters, stringCount, ivNode, ivCalls, ivState } = require('../helpers/iv');
const { settle } = require('../helpers/wait');
const { must } = require('../helpers/must');

const polylines = (svg) => [...svg.matchAll(/<polyline[^>]*points="([^"]*)"/g)].map((m) => m[1].trim().split(/\s+/));

describe('fusionsolar-iv node: runDiagnosis', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  it("ends with one report holding every string's 128-point curve and the faults, without a 407", async function () {
    ({ sim, clock } = await sunnySim());
    await load(
      flowWith(sim, ivNode('runDiagnosis', { progress: true, outputs: 2, chart: true }), {
        outputs: 2,
        accountExtra: { allowControl: true },
      }),
      credentials(),
    );
    const h = harness();
    const dns = [...inverters(sim, 0), ...inverters(sim, 1)];
    const started = clock.now();
    const r = await h.send({ payload: { dns, taskName: 'roof check' } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const report = r.out[0].payload;
    const strings = stringCount(sim, dns);

    assert.equal(report.status, 'complete');
    assert.match(report.taskId, /^-?\d+$/);
    assert.equal(report.taskName, 'roof check');
    assert.equal(report.curves.length, strings);
    assert.ok(
      report.curves.every(
        (c) => c.points === 128 && c.current.length === 128 && c.voltage.length === 128 && c.mpp.power > 0,
      ),
    );
    assert.equal(new Set(report.curves.map((c) => `${c.dn}/${c.pvIndex}`)).size, strings);
    assert.ok(report.faults.length > 0);
    assert.equal(report.lossData.length, strings);
    assert.equal(report.subtasks.length, strings);
    assert.deepEqual(report.errors, []);
    // Each fault is attached to its curve; strings without one have no fault.
    for (const f of report.faults) {
      const c = report.curves.find((x) => x.dn === f.inverterDN && String(x.pvIndex) === f.pvIndex);
      assert.equal(c.faultCode, f.faultCode);
      assert.equal(c.faultName, f.faultName);
    }
    assert.equal(report.curves.filter((c) => c.faultCode === null).length, strings - report.faults.length);

    // The picture: one polyline per string, 128 points each.
    const lines = polylines(report.svg);
    assert.equal(lines.length, strings);
    assert.ok(lines.every((pts) => pts.length === 128 && pts.every((p) => /^-?[\d.]+,-?[\d.]+$/.test(p))));

    assert.equal(sim.stats.quota407, 0);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, ivCalls(sim));
    // Polled every 8 s of simulated time: within 5-10 s, and the whole run within ten I-V calls a minute.
    const polls = sim.stats.byEndpoint['iv/scanTask/status'];
    const minutes = (clock.now() - started) / 60_000;
    assert.ok(polls > 5 && ivCalls(sim) <= Math.ceil(minutes + 1) * 10, `${ivCalls(sim)} calls in ${minutes} min`);

    // Progress: on the status and as messages on the second output.
    assert.ok(h.seen.statuses.some((s) => /^running \d+%$/.test(String(must(s.status, 's.status').text))));
    assert.ok(h.seen.statuses.some((s) => must(s.status?.text, 's.status.text').startsWith('curves ')));
    assert.equal(must(h.seen.statuses.at(-1)?.status, 'h.seen.statuses.at(-1).status').fill, 'green');
    const progress = h.seen.out2.map((m) => m.payload);
    assert.ok(progress.length >= polls);
    assert.equal(progress.filter((p) => p.phase === 'scanning').at(-1).process, 100);
    assert.deepEqual(progress.at(-1), {
      phase: 'collecting',
      taskId: report.taskId,
      process: 100,
      done: dns.length,
      total: dns.length,
    });
  });

  it('is cancelled by a cancelTask message without a task id and ends with a cancelled report', async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { allowControl: true } }), credentials());
    const h = harness();
    const node = helper.getNode('n');
    node.receive({ payload: { dns: inverters(sim, 1) } });
    await h.waitFor(() => (sim.stats.byEndpoint['iv/scanTask/status'] || 0) >= 2);
    const cancel = await h.send({ operation: 'cancelTask' });
    assert.equal(cancel.error, undefined, cancel.error && cancel.error.message);
    await h.waitFor(() => h.seen.completed.length === 2);
    const report = must(
      h.seen.out.find((m) => must(m.fusionsolar, 'm.fusionsolar').operation === 'runDiagnosis'),
      'h.seen.out.find((m) => must(m.fusionsolar, "m.fusionsolar...',
    ).payload;
    const answer = must(
      h.seen.out.find((m) => must(m.fusionsolar, 'm.fusionsolar').operation === 'cancelTask'),
      'h.seen.out.find((m) => must(m.fusionsolar, "m.fusionsolar...',
    ).payload;
    assert.equal(report.status, 'canceled');
    assert.deepEqual(answer, [{ taskId: report.taskId, canceled: true, phase: 'scanning' }]);
    assert.deepEqual(report.curves, []);
    const task = ivState(sim).tasks.get(report.taskId);
    assert.ok(must(task, 'task').canceledAt !== undefined);
    assert.equal(sim.stats.byEndpoint['iv/scanTask/faultList'], undefined);
    assert.ok(h.seen.statuses.some((s) => must(s.status, 's.status').text === 'canceled'));
  });

  it('ends early when its task is cancelled by id from another message', async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { allowControl: true } }), credentials());
    const h = harness();
    ivState(sim).queueTaskIds(['126140505793022']);
    // Five inverters: the second group scans in the next 100 s slot, so the task is still
    // running however far the clock jumps while the cancel is on its way.
    helper.getNode('n').receive({ payload: { dns: inverters(sim, 1) } });
    await h.waitFor(() => (sim.stats.byEndpoint['iv/scanTask/status'] || 0) >= 1);
    const cancel = await h.send({ operation: 'cancelTask', payload: { taskId: 126140505793022 } });
    assert.deepEqual(cancel.out[0].payload, { taskId: '126140505793022', canceled: true });
    await h.waitFor(() => h.seen.completed.length === 2);
    const report = must(
      h.seen.out.find((m) => must(m.fusionsolar, 'm.fusionsolar').operation === 'runDiagnosis'),
      'h.seen.out.find((m) => must(m.fusionsolar, "m.fusionsolar...',
    ).payload;
    assert.equal(report.status, 'canceled');
    assert.equal(report.taskId, '126140505793022');
  });

  it('stops cleanly when the node closes: no more calls, however much time passes', async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { allowControl: true } }), credentials());
    const h = harness();
    helper.getNode('n').receive({ payload: { dns: inverters(sim, 1) } });
    await h.waitFor(() => (sim.stats.byEndpoint['iv/scanTask/status'] || 0) >= 1);
    await helper.unload();
    const calls = ivCalls(sim);
    await settle();
    // A poll loop still alive would be asleep on the virtual clock: nothing is.
    assert.equal(clock.pending, 0);
    clock.advance(60 * 60_000);
    await settle();
    assert.equal(ivCalls(sim), calls);
    assert.equal(h.seen.out.length, 0);
  });

  it(
    'reports an inverter that is switched off as failed scans with "no data to scan" and no ' + 'curves',
    async function () {
      ({ sim, clock } = await sunnySim());
      await load(flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { allowControl: true } }), credentials());
      const h = harness();
      const [off, on] = inverters(sim, 1);
      must(sim.fleet.device(off), 'sim.fleet.device(off)').off = true;
      const r = await h.send({ payload: { dns: [off, on] } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const report = r.out[0].payload;
      assert.ok(report.subtasks.filter((s) => s.inverterDN === off).every((s) => s.status === 1 && s.failDesc));
      assert.ok(report.faults.filter((f) => f.inverterDN === off).every((f) => f.faultCode === 99999));
      assert.equal(report.faults.filter((f) => f.inverterDN === off).length, stringCount(sim, [off]));
      assert.deepEqual([...new Set(report.curves.map((c) => c.dn))], [on]);
    },
  );

  it('fails before any call on bad options or input', async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('runDiagnosis'), { accountExtra: { allowControl: true } }), credentials());
    const h = harness();
    const slow = await h.send({ payload: { dns: inverters(sim, 0), pollInterval: 30 } });
    assert.match(must(slow.error, 'slow.error').message, /pollInterval: must be at most 10 s/);
    const none = await h.send({ payload: {} });
    assert.match(must(none.error, 'none.error').message, /dns: is required/);
    assert.equal(ivCalls(sim), 0);
  });
});
