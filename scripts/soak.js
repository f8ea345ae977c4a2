#!/usr/bin/env node
'use strict';
// npm run soak [-- [--v7|--v6] 1 20 120 1000]: a real flow (Node-RED runtime, FusionSolar nodes)
// against the simulator for 24 simulated hours per fleet size, on a virtual clock. V7: plant and
// device lists at start, real-time KPI injected every minute, history every hour. V6 (soak-v6.js):
// device real-time, plant real-time and alarms polled as often as allowed. Prints calls, 407s
// (must be 0) and the freshness achieved against the best the quota allows.
const path = require('node:path');
const helper = require('node-red-node-test-helper');
const { VirtualClock } = require('../dist/src/clock');
const { startSimulator } = require('../dist/src/simulator');
const registry = require('../dist/src/client/registry');
const { resetLoginGuards } = require('../dist/src/client/login-guard');
const { Transport } = require('../dist/src/client/transport');

helper.init(require.resolve('node-red'));
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** @type {import('../dist/src/simulator').SimUser} */
const USER = { username: 'soak', password: 'soak-Passw0rd!', scope: 'all' };
const FLEETS = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const ONLY = ['--v7', '--v6'].find((f) => process.argv.includes(f));
const { soakV6, printV6, behindV6 } = require('./soak-v6');
const dist = path.join(__dirname, '..', 'dist', 'nodes');
const core = path.dirname(require.resolve('@node-red/nodes/core/common/25-catch.js'));

function nodeModule(type) {
  try {
    return require(path.join(dist, type, `${type}.js`));
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

const DRIVEN = ['lists', 'devs', 'rt', 'hist'];
function flow(sim) {
  const node = (id, type, operation) => ({ id, type, account: 'acc', operation, split: false, wires: [[]] });
  return [
    {
      id: 'acc',
      type: 'fusionsolar-account',
      baseUrl: sim.url,
      timeout: 30,
      locale: 'en-us',
      quotaProfile: 'documented',
      quotaWait: 60,
    },
    node('lists', 'fusionsolar-plants', 'plantList'),
    node('devs', 'fusionsolar-plants', 'deviceList'),
    node('rt', 'fusionsolar-plant-data', 'realtimeKpi'),
    node('hist', 'fusionsolar-plant-data', 'historyKpi'),
    { id: 'k', type: 'complete', scope: DRIVEN, wires: [['ended']] },
    { id: 'c', type: 'catch', scope: DRIVEN, uncaught: false, wires: [['ended']] },
    { id: 'ended', type: 'helper' },
  ];
}

/** Longest and mean time between successive refreshes, in minutes. */
function gaps(times) {
  const d = times.slice(1).map((t, i) => (t - times[i]) / MIN);
  return { max: d.length ? Math.max(...d) : NaN, mean: d.length ? d.reduce((a, b) => a + b, 0) / d.length : NaN };
}

// An HTTP call on loopback should cost no simulated time: without this the clock could jump
// to the next inject while a call is on the wire, as if the server took a minute to answer.
let soakClock;
const send = Transport.prototype.send;
Transport.prototype.send = async function held(req) {
  const release = soakClock ? soakClock.hold() : () => undefined;
  try {
    return await send.call(this, req);
  } finally {
    release();
  }
};

async function soak(plants, modules) {
  const clock = new VirtualClock(Date.UTC(2026, 5, 21, 0, 0, 0), 5);
  soakClock = clock;
  registry.useClock(clock);
  resetLoginGuards();
  const sim = await startSimulator({ plants, users: [USER], clock });
  await helper.load(modules, flow(sim), { acc: { username: USER.username, password: USER.password } });
  const start = clock.now();
  /** @typedef {{ at: number, ok: boolean, code: unknown, payload: unknown }} Outcome */
  /** @type {Record<'lists' | 'devs' | 'rt' | 'hist', Outcome[]>} */
  const results = { lists: [], devs: [], rt: [], hist: [] };
  let pending = 0;
  helper.getNode('ended').on('input', (/** @type {import('../dist/nodes/shared/types').FusionSolarMessage} */ m) => {
    pending--;
    const error = m.fusionsolar && m.fusionsolar.error;
    // inject() tags each message with the list its outcome goes to.
    results[/** @type {keyof typeof results} */ (m.soak)].push({
      at: clock.now(),
      ok: !error,
      code: error && error.code,
      payload: m.payload,
    });
  });
  const inject = (id, payload) => {
    pending++;
    helper.getNode(id).receive({ payload, soak: id });
  };
  const until = async (pred) => {
    while (!pred()) await new Promise((r) => setTimeout(r, 5));
  };

  inject('lists', {});
  await until(() => results.lists.length > 0);
  if (!results.lists[0].ok) throw new Error(`plant list failed: ${results.lists[0].code}`);
  const codes = /** @type {Array<{ plantCode: string }>} */ (results.lists[0].payload).map((p) => p.plantCode);
  inject('devs', { plantCodes: codes });
  let histInjected = 0;
  for (let m = Math.ceil((clock.now() - start) / MIN); m < DAY / MIN; m++) {
    const due = start + m * MIN;
    if (clock.now() < due) await clock.sleep(due - clock.now());
    inject('rt', { plantCodes: codes });
    if (m % 60 === 0) {
      histInjected++;
      inject('hist', { plantCodes: codes, startTime: due - HOUR, endTime: due });
    }
  }
  await until(() => pending === 0);

  const stats = sim.stats;
  const calls100 = Math.ceil(plants / 100);
  const histBudget = calls100 + 24;
  const rtOk = results.rt.filter((r) => r.ok);
  const covered = rtOk.every(
    (r) => !Array.isArray(r.payload) || new Set(r.payload.map((x) => x.plantCode)).size === plants,
  );
  const out = {
    plants,
    calls: stats.requests,
    byEndpoint: stats.byEndpoint,
    quota407: stats.quota407,
    logins: stats.logins,
    devices:
      results.devs[0] && results.devs[0].ok
        ? /** @type {unknown[]} */ (results.devs[0].payload).length
        : results.devs[0] && results.devs[0].code,
    realtime: {
      refreshes: rtOk.length,
      everyPlant: covered,
      gapMin: gaps(rtOk.map((r) => r.at)),
      bestGapMin: 5,
      failedFast: results.rt.filter((r) => r.code === 'QUOTA').length,
    },
    history: {
      refreshes: results.hist.filter((r) => r.ok).length,
      best: Math.min(histInjected, Math.floor(histBudget / calls100)),
      budget: histBudget,
      injected: histInjected,
    },
    otherErrors: Object.values(results)
      .flat()
      .filter((r) => !r.ok && r.code !== 'QUOTA')
      .map((r) => r.code),
  };
  await helper.unload();
  registry.useClock(undefined);
  await registry.closeIdleClients();
  await sim.close();
  return out;
}

function print(r) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  console.log(
    `\n${r.plants} plant(s): ${r.calls} calls, 407 received: ${r.quota407}, logins: ${r.logins}, ` +
      `devices listed: ${r.devices}`,
  );
  console.log(`  calls by endpoint: ${JSON.stringify(r.byEndpoint)}`);
  console.log(
    `  real-time: ${r.realtime.refreshes} refreshes ` +
      `of ${r.realtime.everyPlant ? 'every' : 'NOT every'} plant, gap ` +
      `max ${f(r.realtime.gapMin.max)} min / mean ${f(r.realtime.gapMin.mean)} min (best the quota ` +
      `allows: ${r.realtime.bestGapMin} min); ${r.realtime.failedFast} injects refused at once (QUOTA)`,
  );
  console.log(
    `  history: ${r.history.refreshes} of ${r.history.injected} hourly refreshes (best the quota ` +
      `allows: ${r.history.best}, budget ${r.history.budget} calls a day)`,
  );
  if (r.otherErrors.length) console.log(`  other errors: ${r.otherErrors.join(', ')}`);
}

async function main() {
  const modules = ['fusionsolar-account', 'fusionsolar-plants', 'fusionsolar-plant-data'].map((t) => [
    t,
    nodeModule(t),
  ]);
  const missing = modules.filter(([, m]) => !m).map(([t]) => t);
  if (missing.length) {
    console.error(
      `soak: ${missing.join(', ')} not built: the soak needs realtimeKpi and historyKpi (run npm run ` +
        `build on a branch that has them)`,
    );
    process.exit(2);
  }
  const nodes = [
    ...modules.map(([, m]) => m),
    ...['25-catch.js', '24-complete.js'].map((f) => require(path.join(core, f))),
  ];
  let bad = false;
  for (const plants of ONLY === '--v6' ? [] : FLEETS.length ? FLEETS : [1, 20, 120, 1000]) {
    const began = Date.now();
    const r = await soak(plants, nodes);
    print(r);
    console.log(`  (${((Date.now() - began) / 1000).toFixed(1)} s real time)`);
    const behind =
      r.realtime.gapMin.max > r.realtime.bestGapMin || r.history.refreshes < r.history.best || !r.realtime.everyPlant;
    if (r.quota407 !== 0 || r.otherErrors.length || behind) bad = true;
  }
  const v6Nodes = [...nodes, nodeModule('fusionsolar-device-data'), nodeModule('fusionsolar-alarms')];
  for (const plants of ONLY === '--v7' ? [] : FLEETS.length ? FLEETS : [1, 20, 120, 1000]) {
    const began = Date.now();
    const r = await soakV6(plants, v6Nodes, (c) => (soakClock = c));
    printV6(r);
    console.log(`  (${((Date.now() - began) / 1000).toFixed(1)} s real time)`);
    if (r.quota407 !== 0 || r.otherErrors.length || behindV6(r)) bad = true;
  }
  process.exit(bad ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
