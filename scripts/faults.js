#!/usr/bin/env node
'use strict';
// `npm run faults`: the long fault runs of issue 9 on the virtual clock. Every node type
// built so far (plus a test-only device command), every fault kind one at a time, then
// mixed at random from fixed seeds with server restarts, then 10,000 messages for memory.
// Options: --messages N (per kind, default 200), --mixed N (default 2000),
// --memory N (default 10000), --seed N (default 9). Needs node --expose-gc.
const { parseArgs } = require('node:util');
const { allRuns, runScenario } = require('../test/faults/engine');
const { summarise, totals } = require('../test/faults/report');
const { SCENARIOS, MIXED_KINDS, mixed } = require('../test/faults/scenarios');
const testCommand = require('../test/faults/test-command');
const { checkGaps } = require('../test/faults/gaps');
const { must } = require('../test/helpers/must');

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '200' },
    mixed: { type: 'string', default: '2000' },
    memory: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '9' },
  },
});
const PER_KIND = Number(values.messages);
const MIXED = Number(values.mixed);
const MEMORY = Number(values.memory);
const SEED = Number(values.seed);

if (typeof global.gc !== 'function') {
  console.error('run with node --expose-gc (npm run faults does)');
  process.exit(2);
}

const EXTRA = { [testCommand.TYPE]: testCommand };
// V7 rows by node type, the test command, and the V6 rows as "<type> (V6)" on a V6 account.
const { runs: TYPES, byType, skipped, uncovered } = allRuns({ [testCommand.TYPE]: testCommand.rows }, EXTRA);
const extras = (type) =>
  type === testCommand.TYPE ? { nodes: [testCommand.register], routes: testCommand.route } : {};
const results = [];

async function run(label, scenario, opts) {
  const { type, rows, api } = TYPES[label];
  const r = {
    ...(await runScenario({ type, rows, api, scenario, seed: SEED, ...extras(type), ...opts })),
    type: label,
  };
  results.push(r);
  console.log(summarise(r));
  for (const s of r.tracker.samples) console.log(`    ! ${s}`);
  return r;
}

async function main() {
  const started = Date.now();
  console.log(
    `fault suite: node types ${Object.keys(TYPES).join(', ')}; ${skipped} operation rows skipped ` +
      `(node type or operation missing)${
        uncovered.length ? `; operations without a row in ` + `test/faults/operations.js: ${uncovered.join(', ')}` : ''
      }`,
  );
  console.log('type | scenario | messages | errors by code | what was checked | violations | time');
  for (const scenario of SCENARIOS) {
    // A hang costs real time (the transport's timeout), so that kind runs fewer messages.
    for (const type of Object.keys(TYPES))
      await run(type, scenario, { messages: scenario.slow ? Math.min(12, PER_KIND) : PER_KIND });
  }
  for (const type of Object.keys(TYPES)) {
    await run(type, mixed({ rate: 0.3, seed: SEED, restartEvery: 250 }), { messages: MIXED, concurrency: 4 });
    await run(type, mixed({ rate: 0.2, seed: SEED + 2, kinds: [...MIXED_KINDS, 'hang'], timeout: 0.5 }), {
      messages: 100,
      concurrency: 4,
    });
  }
  const memType = Object.keys(byType)[0];
  const mem = await run(memType, mixed({ rate: 0.1, seed: SEED + 1 }), {
    messages: MEMORY,
    concurrency: 4,
    memory: { gc: global.gc, warmup: 500, tolerance: 0.1 },
  });
  const t = totals(results);
  // A row that did not run or an operation without a row is untested: the suite fails.
  const { unknown, stale } = checkGaps(uncovered);
  const gaps = skipped + unknown.length + stale.length;
  console.log(
    `\ntotals: ${t.runs} runs, ${t.messages} messages, ${t.dones} done() checked (each exactly ` +
      `once), ${t.outputs} outputs checked for duplicates, ${t.texts} texts (messages, statuses, ` +
      `errors, log lines) scanned for secrets, ${t.requests} requests checked (${t.commandRequests} ` +
      `commands never resent, ${t.loginRequests} logins within 5 per 10 minutes)`,
  );
  const heap = must(mem.memory, 'the memory figures');
  console.log(
    `memory: heap after GC ${((heap.heapStart ?? NaN) / 1e6).toFixed(1)} MB ` +
      `-> ${((heap.heapEnd ?? NaN) / 1e6).toFixed(1)} MB over ${MEMORY} messages ` +
      `(${(heap.growth * 100).toFixed(1)}%, limit 10%)`,
  );
  if (gaps)
    console.log(
      `FAILED: ${skipped} rows skipped, ${unknown.length} operations without a row, ${stale.length} ` +
        `stale names in test/faults/gaps.js`,
    );
  console.log(`violations: ${t.violations}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(t.violations === 0 && gaps === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
