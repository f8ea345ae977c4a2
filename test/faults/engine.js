'use strict';
// Fault engine: runs a flow (the node under test between Catch, Complete and Status nodes)
// against the simulator while a scenario injects faults, and checks the invariants of
// invariants.js on every message. Used by the quick mocha spec and `npm run faults`.
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, NODES, flowWith, load, credentials } = require('../helpers/flow');
const { NODE_OPERATIONS } = require('../../dist/src/api');
const { seeded } = require('../../dist/src/simulator');
const { Tracker } = require('./invariants');
const { settle } = require('../helpers/wait');
const { OPERATION_ROWS } = require('./operations');
const { OPERATION_ROWS_V6, V6_USER } = require('./operations-v6');

/**
 * A row of an operation table: the operation (null: a raw request), its payload and extra
 * message fields from the run's context.
 * @typedef {{ op: string | null, endpoint?: string, payload: (ctx: object) => unknown,
 *   msg?: (ctx: object) => object }} Row
 * @typedef {Row & { endpoint: string, command: boolean }} RunRow
 * @typedef {{ operations: Array<{ name: string, endpoint: string, changesDevices?: boolean,
 *   writes?: boolean }> }} ExtraType
 */

/**
 * Rows of `table` whose node type is loaded and whose operation is in the catalogue, with
 * their endpoint and command flag; the others are counted as skipped.
 * @param {Record<string, Row[]>} [table]
 * @param {Record<string, ExtraType>} [extra]
 */
function runnableRows(table = OPERATION_ROWS, extra = {}) {
  /** @type {Record<string, RunRow[]>} */
  const byType = {};
  let skipped = 0;
  for (const [type, rows] of Object.entries(table)) {
    const ext = extra[type];
    const catalogue = ext ? ext.operations : NODE_OPERATIONS[type] || [];
    const loaded = ext || NODES[type];
    for (const row of rows) {
      const def = row.op === null ? null : catalogue.find((o) => o.name === row.op);
      if (!loaded || (row.op !== null && !def)) {
        skipped++;
        continue;
      }
      const endpoint = def ? def.endpoint : row.endpoint;
      (byType[type] = byType[type] || []).push({
        ...row,
        endpoint,
        command: def ? def.changesDevices === true || def.writes === true : false,
      });
    }
  }
  // Catalogue operations the table has no row for: printed so a new operation gets one.
  const uncovered = Object.entries(NODE_OPERATIONS).flatMap(([type, ops]) =>
    ops.filter((o) => !(table[type] || []).some((row) => row.op === o.name)).map((o) => `${type}/${o.name}`),
  );
  return { byType, skipped, uncovered };
}

/**
 * Every run of the tables: label -> { type, rows, api }, the V7 rows by node type, `extra`
 * node types (label = type) and the V6 rows as "<type> (V6)". An operation counts as covered
 * when either interface's table has a row for it.
 * @param {Record<string, Row[]>} [extraTables]
 * @param {Record<string, ExtraType>} [extra]
 */
function allRuns(extraTables = {}, extra = {}) {
  const v7 = runnableRows(OPERATION_ROWS, {});
  const v6 = runnableRows(OPERATION_ROWS_V6, {});
  const more = runnableRows(extraTables, extra);
  /** @type {Record<string, { type: string, rows: RunRow[], api?: string }>} */
  const runs = {
    ...Object.fromEntries(Object.entries(v7.byType).map(([type, rows]) => [type, { type, rows }])),
    ...Object.fromEntries(Object.entries(more.byType).map(([type, rows]) => [type, { type, rows }])),
    ...Object.fromEntries(Object.entries(v6.byType).map(([type, rows]) => [`${type} (V6)`, { type, rows, api: 'v6' }])),
  };
  return {
    runs,
    byType: v7.byType,
    skipped: v7.skipped + v6.skipped + more.skipped,
    uncovered: v7.uncovered.filter((u) => v6.uncovered.includes(u)),
  };
}

function makeMessage(row, ctx) {
  const msg = { faultSeq: ctx.seq, payload: row.payload(ctx) };
  if (row.op) msg.operation = row.op;
  return row.msg ? Object.assign(msg, row.msg(ctx)) : msg;
}

/** Wires the tracker to the flow's helper nodes and to the process. */
function attach(tracker, client, sim) {
  helper.getNode('out').on('input', (m) => tracker.onOutput(m));
  helper.getNode('out2').on('input', (m) => tracker.onSecondOutput(m));
  helper.getNode('completed').on('input', (m) => tracker.onEnd(m));
  helper.getNode('caught').on('input', (m) => tracker.onEnd(m, m.error || { code: 'none', message: '' }));
  helper.getNode('statuses').on('input', (m) => tracker.onStatus(m));
  const unsubscribe = client.on((e) => {
    if (e.type === 'session' && e.state === 'rejected') tracker.markRejected(sim.requestLog.length);
  });
  if (client.session.state === 'rejected') tracker.markRejected(0);
  const onRejection = (reason) =>
    tracker.violation('unhandledRejection', String(reason && reason.stack ? reason.stack : reason));
  const onException = (err) => tracker.violation('uncaughtException', String(err && err.stack ? err.stack : err));
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    unsubscribe();
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

/** Issued tokens join the secrets as the simulator hands them out. */
function watchTokens(sim, tracker) {
  const login = sim.accounts.login.bind(sim.accounts);
  sim.accounts.login = (...args) => {
    const r = login(...args);
    if (r.result === 'ok') tracker.scanner.addToken(r.token);
    return r;
  };
}

function heapAfterGc(gc) {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Runs `messages` messages of `rows` (round-robin) through one node of `type` under
 * `scenario`. Options: concurrency (reads sent together; a command always alone), seed,
 * plants, api ('v6': a V6 account), batchTimeoutMs, memory {gc, warmup, tolerance} to check heap growth, nodes
 * (extra node modules), routes(sim) (extra simulator routes), onProgress(done), stepMs.
 *
 * Messages arrive `stepMs` of virtual time apart (2 minutes): long enough for what the
 * last command started to finish (a default setting applies in 2 minutes, an I-V scan of
 * one inverter in seconds), so whether a command meets a running task never depends on
 * how far the clock happened to jump while the machine was busy.
 */
async function runScenario(opts) {
  const {
    type,
    rows,
    scenario,
    messages,
    concurrency = 1,
    seed = 7,
    plants = 3,
    batchTimeoutMs = 20_000,
    memory,
    stepMs = 2 * 60_000,
    api = 'v7',
  } = opts;
  const v6 = api === 'v6';
  const { sim, clock } = await virtualSim({
    plants,
    quotas: false,
    record: true,
    users: [v6 ? V6_USER : USER],
    ...(scenario.sim || {}),
  });
  // Scenarios name the V7 login endpoint; a V6 account logs in at thirdData/login.
  if (v6) {
    const inject = sim.inject.bind(sim);
    sim.inject = (f) => inject(f.endpoint === 'login' ? { ...f, endpoint: 'thirdData/login' } : f);
  }
  opts.routes?.(sim);
  const port = Number(new URL(sim.url).port);
  const password = scenario.credentials?.password ?? USER.password;
  const account = {
    quotaProfile: 'off',
    allowControl: true,
    quotaWait: 600,
    timeout: 5,
    ...(v6 ? { api: 'v6' } : {}),
    ...(scenario.account || {}),
  };
  await load(
    flowWith(sim, { type, operation: rows[0].op || '' }, { accountExtra: account, outputs: 2 }),
    credentials(scenario.credentials),
    opts.nodes || [],
  );
  const client = helper.getNode('acc').client;
  const warmup = memory ? memory.warmup : 0;
  const total = warmup + messages;
  const rowOf = (seq) => rows[seq % rows.length];
  const tracker = new Tracker({
    total,
    rowOf,
    passwords: [USER.password, password],
    expect: { allowed: scenario.allowed, heals: scenario.heals },
  });
  watchTokens(sim, tracker);
  const detach = attach(tracker, client, sim);
  if (scenario.inspect)
    helper.getNode('out').on('input', (m) => scenario.inspect(m).forEach((p) => tracker.violation('fieldLost', p)));
  const rand = seeded(seed);
  const ctx = { sim, clock, port, rand, seq: 0, now: clock.now() };
  const node = helper.getNode('n');
  const logSpy = helper.log();
  scenario.setup?.(ctx, [...new Set(rows.map((r) => r.endpoint))]);
  let heapStart;
  let heapEnd;
  let stats;
  const started = Date.now();
  try {
    for (let seq = 0; seq < total;) {
      if (memory && seq === warmup) heapStart = heapAfterGc(memory.gc);
      const batch = [];
      while (batch.length < concurrency && seq < total) {
        if (rowOf(seq).command && batch.length > 0) break;
        batch.push(seq++);
        if (rowOf(batch[batch.length - 1]).command) break;
      }
      if (seq > batch.length) clock.advance(stepMs);
      const target = tracker.endCount + batch.length;
      for (const s of batch) {
        Object.assign(ctx, { seq: s, now: clock.now() });
        scenario.arm?.(ctx, rowOf(s).endpoint);
        node.receive(makeMessage(rowOf(s), ctx));
      }
      await scenario.during?.(ctx, batch[0]);
      // A message that never ends is reported as lost by finish(); the run goes on.
      const ended = await tracker.waitEnds(target, batchTimeoutMs);
      if (!ended) tracker.endCount = target;
      await scenario.after?.(ctx, batch[0]);
      if (!scenario.random) sim.faults.clear();
      tracker.onRequests(sim.requestLog.splice(0), rowOf(batch[0]).command);
      tracker.scanLogs(logSpy.getCalls());
      helper._sandbox.resetHistory();
      opts.onProgress?.(seq);
    }
    // Late callbacks (a second done(), an output after the error) surface before the count.
    await settle();
    if (memory) heapEnd = heapAfterGc(memory.gc);
  } finally {
    detach();
    stats = { ...sim.stats };
    await helper.unload();
    await stopSim(sim);
  }
  tracker.finish();
  if (scenario.logins !== undefined && tracker.checked.loginRequests !== scenario.logins) {
    tracker.violation('loginCount', `${tracker.checked.loginRequests} login requests, expected ${scenario.logins}`);
  }
  const result = {
    type,
    scenario: scenario.name,
    messages: total,
    ms: Date.now() - started,
    tracker,
    stats,
    memory: memory
      ? { heapStart, heapEnd, growth: (heapEnd ?? NaN) / (heapStart ?? NaN) - 1, tolerance: memory.tolerance }
      : undefined,
  };
  if (result.memory) {
    if (result.memory.growth > memory.tolerance) {
      tracker.violation(
        'memoryGrowth',
        `heap grew ${(result.memory.growth * 100).toFixed(1)}% over ${messages} messages`,
      );
    }
  }
  return result;
}

module.exports = { runnableRows, allRuns, runScenario };
