'use strict';
// Issue 12, point 10: every operation that writes on the server (device commands, I-V
// scans and string configuration, cancelling a task, enrolments) under every fault kind
// of the simulator, arrivals counted at the server: each message sends it at most once.
// The only second arrival allowed is after the server's explicit 305 (refused, not run,
// log in again), which DESIGN's session rules repeat once.
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NODE_OPERATIONS } = require('../../dist/src/api');
const { OPERATION_ROWS } = require('../faults/operations');
const report = require('./report');
const { must } = require('../helpers/must');

/** @type {Array<import('../../dist/src/simulator').Fault>} */
const FAULTS = [
  { kind: 'reset' },
  { kind: 'hang' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'html' },
  { kind: 'broken' },
  { kind: 'empty' },
  { kind: 'quota403' },
  { kind: 'status429' },
  { kind: 'relogin305' },
  { kind: 'quota407' },
  { kind: 'revoke' },
  { kind: 'delay', ms: 20 },
  // Last: the client then keeps the endpoint closed for the rest of the day, as it should.
  { kind: 'daily20618' },
];

/** Writes the issue names, under test whatever the catalogue says of them. */
const NAMED_WRITES = ['createTask', 'cancelTask', 'runDiagnosis', 'configureStrings', 'snEnrolment', 'acEnrolment'];

function writeRows() {
  const out = [];
  for (const [type, rows] of Object.entries(OPERATION_ROWS)) {
    for (const row of rows) {
      const def = (NODE_OPERATIONS[type] || []).find((o) => o.name === row.op);
      if (def && (def.changesDevices || def.writes || NAMED_WRITES.includes(def.name)))
        out.push({ type, row, endpoint: def.endpoint, name: def.name });
    }
  }
  return out;
}

describe('security: writes under every fault kind (issue 12, point 10)', function () {
  const rows = writeRows();
  const byType = {};
  for (const r of rows) (byType[r.type] = byType[r.type] || []).push(r);

  it('the catalogue marks I-V createTask, configureStrings, cancelTask and the enrolments as writes', function () {
    const ops = Object.values(NODE_OPERATIONS).flat();
    const find = (n) => ops.find((o) => o.name === n);
    assert.equal(must(find('createTask'), 'find("createTask")').changesDevices, true, 'a scan moves inverters off MPP');
    assert.equal(must(find('runDiagnosis'), 'find("runDiagnosis")').changesDevices, true);
    assert.equal(must(find('configureStrings'), 'find("configureStrings")').changesDevices, true);
    assert.equal(must(find('cancelTask'), 'find("cancelTask")').writes, true);
    assert.equal(must(find('snEnrolment'), 'find("snEnrolment")').writes, true);
    assert.equal(must(find('acEnrolment'), 'find("acEnrolment")').writes, true);
    for (const n of [
      'createTask',
      'configureStrings',
      'cancelTask',
      'snEnrolment',
      'acEnrolment',
      'inverterPower',
      'chargeDischarge',
    ]) {
      assert.ok(
        rows.some((r) => r.name === n),
        `${n} is under test`,
      );
    }
  });

  for (const [type, list] of Object.entries(byType)) {
    it(
      `10. ${type}: ${list.map((r) => r.name).join(', ')} under ${FAULTS.length} fault kinds each: ` +
        `at most one arrival per message`,
      async function () {
        this.timeout(120000);
        const { sim, clock } = await virtualSim({ quotas: false, record: true, users: [USER] });
        try {
          await load(
            flowWith(
              sim,
              { type, operation: list[0].name },
              { accountExtra: { allowControl: true, quotaProfile: 'off', timeout: 0.3 }, outputs: 2 },
            ),
            credentials(),
          );
          const h = harness();
          const port = Number(new URL(sim.url).port);
          let seq = 0;
          const repeated = [];
          const unsent = [];
          for (const { row, endpoint, name } of list) {
            for (const fault of FAULTS) {
              sim.faults.clear();
              sim.requestLog.splice(0);
              // Armed for many requests, so a second attempt would meet the fault again and show.
              sim.inject({ ...fault, endpoint, times: fault.kind === 'relogin305' || fault.kind === 'revoke' ? 1 : 5 });
              const ctx = { sim, clock, port, seq: seq++, now: clock.now() };
              const sent = await h.send({
                operation: name,
                payload: row.payload(ctx),
                ...(row.msg ? row.msg(ctx) : {}),
              });
              const arrivals = sim.requestLog.filter((r) => r.endpoint === endpoint);
              const executable = arrivals.filter((r) => r.answer !== '305').length;
              const held = report.attack(
                `${name} under ${fault.kind}${fault.status ? ` ${fault.status}` : ''}`,
                executable <= 1,
              );
              // A message refused before it was sent would prove nothing: each must arrive once.
              if (arrivals.length === 0)
                unsent.push(`${name}/${fault.kind}: ${sent.error ? sent.error.message : 'no error'}`);
              if (!held)
                repeated.push(
                  `${name}/${fault.kind}: ${arrivals.length} arrivals (${arrivals.map((r) => r.answer).join(', ')})`,
                );
              clock.advance(fault.kind === 'daily20618' ? 25 * 3_600_000 : 120_000);
            }
          }
          assert.deepEqual(repeated, []);
          assert.deepEqual(unsent, [], 'every message reached the server');
        } finally {
          sim.faults.clear();
          await helper.unload();
          await stopSim(sim);
        }
      },
    );
  }
});
