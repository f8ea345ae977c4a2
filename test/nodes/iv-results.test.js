'use strict';
const assert = require('node:assert/strict');
const { stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { sunnySim, inverters, stringCount, ivNode, ivCalls } = require('../helpers/iv');

describe('fusionsolar-iv node: results (9.4.5, 9.4.6, 9.4.12)', function () {
  let sim;
  let clock;
  let h;
  let taskId;
  let dns;
  beforeEach(async function () {
    ({ sim, clock } = await sunnySim());
    await load(flowWith(sim, ivNode('faultList'), { accountExtra: { allowControl: true } }), credentials());
    h = harness();
    dns = [...inverters(sim, 0), ...inverters(sim, 1).slice(0, 3)];
    const created = await h.send({
      operation: 'createTask',
      payload: { taskName: 'results', dns, cleanStatus: 1, environmentalParameters: 0, needQuantifyLosses: true },
    });
    taskId = created.out[0].payload.taskId;
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  it('answers 30033 while the scan runs, then lists only the faulty strings with their KPIs', async function () {
    const early = await h.send({ payload: { taskId } });
    assert.equal(early.error.code, '30033');
    clock.advance(15 * 60_000);
    const r = await h.send({ payload: { taskId } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const faults = r.out[0].payload;
    assert.ok(faults.length > 0 && faults.length < stringCount(sim, dns));
    assert.ok(
      faults.every((f) => f.faultCode !== 10000 && typeof f.faultName === 'string' && typeof f.pvIndex === 'string'),
    );
    const kinds = new Set(faults.map((f) => f.faultCode));
    assert.ok(kinds.size >= 3, `fault kinds: ${[...kinds]}`);
    const measured = faults.find((f) => f.faultCode !== 10012);
    assert.ok(
      measured.stringPm > 0 && measured.stcStringPm > 0 && measured.stringImIsc > 0 && measured.stringImIsc < 1,
    );
    assert.equal(typeof measured.inverterSN, 'string');

    const missing = await h.send({ payload: {} });
    assert.match(missing.error.message, /taskId: is required/);

    // The task list counts the same faults, without a curve measured for its rows.
    const list = await h.send({ operation: 'listTasks', payload: {} });
    assert.equal(list.error, undefined, list.error && list.error.message);
    const row = list.out[0].payload.find((t) => t.taskId === taskId);
    assert.equal(row.taskStatus, 1);
    assert.equal(row.faultCount, faults.length);
  });

  it(
    'returns every curve of an inverter list as equal-length number arrays with power and the ' + 'maximum power point',
    async function () {
      clock.advance(15 * 60_000);
      const r = await h.send({ operation: 'curveData', payload: { taskId, dn: dns.slice(0, 2) } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const curves = r.out[0].payload;
      assert.equal(r.out[0].fusionsolar.calls, 2);
      assert.equal(curves.length, stringCount(sim, dns.slice(0, 2)));
      for (const c of curves) {
        assert.equal(c.points, 128);
        assert.equal(c.current.length, 128);
        assert.equal(c.voltage.length, 128);
        assert.ok(c.current.every((x) => typeof x === 'number') && c.voltage.every((x) => typeof x === 'number'));
        const k = 40;
        assert.equal(c.power[k], Math.round(c.current[k] * c.voltage[k] * 1000) / 1000);
        assert.equal(c.mpp.power, Math.max(...c.power));
        assert.ok(c.mpp.voltage > 0 && c.mpp.voltage < c.voltage[0]);
        assert.ok(dns.includes(c.dn));
      }
      const bad = await h.send({ operation: 'curveData', payload: { taskId } });
      assert.equal(bad.error.code, 'INVALID_INPUT');
      assert.match(bad.error.message, /dn: is required/);
      const foreign = await h.send({ operation: 'curveData', payload: { taskId, dn: inverters(sim, 2)[0] } });
      assert.equal(foreign.error.code, '30008');
    },
  );

  it('returns the diagnosis and quantified loss of every string, with a fault name for each code', async function () {
    clock.advance(15 * 60_000);
    const r = await h.send({ operation: 'lossData', payload: { taskId } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const rows = r.out[0].payload;
    assert.equal(rows.length, stringCount(sim, dns));
    assert.equal(r.out[0].fusionsolar.calls, 1);
    const normal = rows.filter((x) => x.ivFaultCode === 10000);
    assert.ok(normal.length > 0 && normal.every((x) => x.ivFaultName === 'Normal' && x.quantifyingLosses === 0));
    assert.ok(rows.some((x) => x.quantifyingLosses < 0));
    // Both spellings of the SN fields are there: the table's ...SN and the example's ...Sn.
    assert.ok(rows.every((x) => x.inverterSN === x.inverterSn && typeof x.communicateDevSN === 'string'));
    const before = ivCalls(sim);
    const bad = await h.send({ operation: 'lossData', payload: { taskId, pageSize: 6000 } });
    assert.match(bad.error.message, /pageSize: must be at most 5000/);
    assert.equal(ivCalls(sim), before);
  });
});
