'use strict';
// Bad input across every operation: answered by INVALID_INPUT naming the field, before any
// HTTP call (not even a login). The table is in bad-input.js; rows for node types or
// operations not built yet are skipped and counted.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, NODES, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NODE_OPERATIONS } = require('../../dist/src/api');
const { BAD_INPUT, OP_TYPE } = require('./bad-input/index');
const { checkGaps } = require('./gaps');

function runnable(row) {
  if (!NODES[row.type]) return false;
  if (row.op === null || row.op === 'noSuchOperation') return true;
  return (NODE_OPERATIONS[row.type] || []).some((o) => o.name === row.op);
}

const rows = BAD_INPUT.filter(runnable);
const byType = new Map();
for (const row of rows) {
  const key = row.api === 'v6' ? `${row.type} (V6)` : row.type;
  byType.set(key, [...(byType.get(key) || []), row]);
}

function fieldMatches(field, expected) {
  return [].concat(expected).some((e) => field === e || field.startsWith(`${e}[`) || field.startsWith(`${e}.`));
}

describe('bad input: INVALID_INPUT naming the field, no HTTP call', function () {
  let checked = 0;
  after(function () {
    console.log(`\n      bad-input table: ${BAD_INPUT.length} rows, ${checked} ran`);
  });

  it('runs every row of the table, and every catalogue operation has rows', function () {
    const skipped = BAD_INPUT.filter((row) => !runnable(row)).map((row) => `${row.type}/${row.op}: ${row.why}`);
    assert.deepEqual(skipped, [], 'rows whose node type or operation is not in the catalogue');
    const uncovered = Object.entries(NODE_OPERATIONS).flatMap(([type, ops]) =>
      ops.filter((o) => !OP_TYPE[o.name]).map((o) => `${type}/${o.name}`),
    );
    const { unknown, stale } = checkGaps(uncovered);
    assert.deepEqual(unknown, [], 'catalogue operations without rows in test/faults/bad-input/ (nor in gaps.js)');
    assert.deepEqual(stale, [], 'gaps.js names operations that have rows now, or that are gone');
  });

  for (const [label, list] of byType) {
    const { type, api } = list[0];
    describe(label, function () {
      let sim;
      let h;
      before(async function () {
        ({ sim } = await virtualSim({ plants: 3 }));
        const first = (NODE_OPERATIONS[type] || [])[0];
        // A V6 account without the documented (new-user) profile: the five-minute interface is open to it.
        const accountExtra =
          api === 'v6' ? { allowControl: true, api: 'v6', quotaProfile: 'off' } : { allowControl: true };
        await load(flowWith(sim, { type, operation: first ? first.name : '' }, { accountExtra }), credentials());
        h = harness();
      });
      after(async function () {
        await helper.unload();
        await stopSim(sim);
      });

      for (const row of list) {
        it(`${row.op || type}: ${row.why} -> ${[].concat(row.field).join(' or ')}`, async function () {
          const payload = typeof row.payload === 'function' ? row.payload() : row.payload;
          const msg = { payload, ...(row.msg || {}) };
          if (row.op) msg.operation = row.op;
          const r = await h.send(msg);
          checked++;
          assert.ok(r.error, `no error for ${row.why}`);
          assert.equal(r.error.code, 'INVALID_INPUT', r.error.message.slice(0, 200));
          const field = r.caught.fusionsolar.error.field;
          assert.ok(
            fieldMatches(field, row.field),
            `names "${field}", expected ${[].concat(row.field).join(' or ')}: ${r.error.message.slice(0, 200)}`,
          );
          assert.ok(
            r.error.message.startsWith(`${field}: `) && r.error.message.length > field.length + 8,
            `clear message: ${r.error.message.slice(0, 200)}`,
          );
          if (row.mentions) assert.match(r.error.message, row.mentions);
          assert.ok(r.error.message.length < 500, 'the message does not echo a huge input');
          assert.equal(r.out.length, 0);
          assert.equal(sim.stats.requests, 0, 'no HTTP call at all, not even a login');
        });
      }
    });
  }
});
