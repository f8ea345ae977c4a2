'use strict';
// Drives a monitor node for simulated hours: the simulator and the client on one virtual
// clock, HTTP on loopback costing no simulated time, and a record of every answer the
// client received (which plants each call refreshed, and when).
const { virtualSim, stopSim } = require('./sim');
const { helper, flowWith, load, credentials } = require('./flow');
const { Transport } = require('../../dist/src/client/transport');
const { forgetMonitorState } = require('../../dist/src/monitor/state');
const { must } = require('./must');

/** @type {TestClock | undefined} */
let heldClock;
const send = Transport.prototype.send;
let patched = false;
/** @param {TestClock} clock */
function holdHttp(clock) {
  heldClock = clock;
  if (patched) return;
  patched = true;
  Transport.prototype.send = async function held(
    /** @type {import('../../dist/src/client/transport').HttpRequest} */ req,
  ) {
    const release = heldClock ? heldClock.hold() : () => undefined;
    try {
      return await send.call(this, req);
    } finally {
      release();
    }
  };
}

/**
 * A monitor node's settings as the editor saves them by default, with `extra` over them.
 * @param {Record<string, unknown>} [extra]
 * @returns {{ type: string, [setting: string]: unknown }}
 */
const monitorNode = (extra = {}) => ({
  type: 'fusionsolar-monitor',
  plantCodes: '',
  plantRealtime: true,
  deviceTypes: '',
  alarms: false,
  interval: 0,
  changesOnly: true,
  format: 'plain',
  haPrefix: 'homeassistant',
  ...extra,
});

/**
 * The library Monitor's options with the node's defaults: plant real-time of every plant as fast
 * as allowed, every reading, plain format.
 * @param {import('../../dist/src/client').FusionSolarClient} client
 * @param {Partial<import('../../dist/src/monitor/monitor').MonitorOptions>} [extra]
 * @returns {import('../../dist/src/monitor/monitor').MonitorOptions}
 */
const monitorOptions = (client, extra = {}) => ({
  client,
  id: 'mon',
  plantCodes: [],
  plantRealtime: true,
  deviceTypes: [],
  alarms: false,
  intervalSec: 0,
  changesOnly: false,
  format: 'plain',
  haPrefix: 'homeassistant',
  ...extra,
});

/**
 * Starts simulator and flow; `answers` collects {operation, at, codes} of every call's answer.
 * `at`: the clock's time when the flow starts (default: the virtual clock's start, 00:00 UTC).
 * `tap(output, msg, at)`: the monitor's messages go to this function instead of the flow
 * (fleet runs: hundreds of thousands of readings would otherwise be kept by the helper's spies).
 * @param {{ sim?: Partial<import('../../dist/src/simulator').SimulatorOptions>, node?: Record<string, unknown>,
 *   accountExtra?: Record<string, unknown>, flowExtra?: FlowNode[],
 *   tap?: (output: number, msg: TestMessage, at: number) => void, at?: number }} [options]
 */
async function startMonitor({ sim: simOpts = {}, node = {}, accountExtra = {}, flowExtra = [], tap, at } = {}) {
  forgetMonitorState();
  const { sim, clock } = await virtualSim(simOpts);
  // A Node-RED (re)started later in the day than the clock's midnight.
  if (at !== undefined) clock.setTime(at);
  holdHttp(clock);
  const flow = flowWith(sim, monitorNode(node), { accountExtra, outputs: 2 });
  flow.push(...flowExtra);
  // The test helper loads a core node module once per node of its type: the flow keeps one
  // Catch and one Complete, scoped to every FusionSolar node.
  const scope = flow
    .filter((n) => String(n.type).startsWith('fusionsolar-') && n.type !== 'fusionsolar-account')
    .map((n) => n.id);
  for (const n of flow)
    if (n.type === 'catch' || n.type === 'complete' || n.type === 'status')
      n.scope = n.type === 'status' ? ['n'] : scope;
  await load(flow, credentials());
  /** @type {Array<{ at: number, msg: TestMessage }>} */
  const out = [];
  /** @type {Array<{ at: number, msg: TestMessage }>} */
  const out2 = [];
  /** @type {Array<StatusMessage['status']>} */
  const statuses = [];
  helper.getNode('out').on('input', (m) => out.push({ at: clock.now(), msg: m }));
  helper.getNode('out2').on('input', (m) => out2.push({ at: clock.now(), msg: m }));
  // A Status node's message carries the status it reports.
  helper.getNode('statuses').on('input', (m) => statuses.push(/** @type {StatusMessage} */ (m).status));
  if (tap) {
    const n = helper.getNode('n');
    n.send = (msgs) => {
      const list = Array.isArray(msgs) ? msgs : [msgs];
      list.forEach((m, output) => {
        // The monitor's messages are what TestMessage describes.
        for (const one of Array.isArray(m) ? m : m ? [m] : [])
          tap(output, /** @type {TestMessage} */ (one), clock.now());
      });
    };
  }
  const client = helper.getNode('acc').client;
  /** @type {Array<{ operation: string, at: number, codes: unknown[] }>} */
  const answers = [];
  must(client, "the account node's client").on((e) => {
    if (e.type !== 'answer') return;
    const codes = Array.isArray(e.data)
      ? e.data
          .map(
            (/** @type {{ devId?: unknown, plantCode?: unknown, stationCode?: unknown } | null} */ x) =>
              x && (x.devId || x.plantCode || x.stationCode),
          )
          .filter(Boolean)
      : [];
    answers.push({ operation: e.operation, at: e.at, codes });
  });
  return { sim, clock, client, flow, out, out2, statuses, answers };
}

/**
 * Lets the virtual clock run until `until` (epoch ms), in steps so the flow keeps up.
 * @param {TestClock} clock
 * @param {number} until
 */
async function runUntil(clock, until) {
  while (clock.now() < until) await clock.sleep(Math.min(60_000, until - clock.now()));
}

/** @param {TestSim | undefined} sim */
async function stopMonitor(sim) {
  await helper.unload();
  heldClock = undefined;
  await stopSim(sim);
}

/**
 * Per plant: the times its real-time data arrived (any node's call).
 * @param {Array<{ operation: string, at: number, codes: unknown[] }>} answers
 */
function refreshTimes(answers, operation = 'realtimeKpi') {
  // Device answers name devices (devId), plant answers plants.
  /** @type {Map<unknown, number[]>} */
  const byPlant = new Map();
  for (const a of answers) {
    if (a.operation !== operation) continue;
    for (const c of a.codes) {
      if (!byPlant.has(c)) byPlant.set(c, []);
      must(byPlant.get(c), String(c)).push(a.at);
    }
  }
  return byPlant;
}

/** @param {number[]} times */
function maxGap(times) {
  let g = 0;
  for (let i = 1; i < times.length; i++) g = Math.max(g, times[i] - times[i - 1]);
  return g;
}

/**
 * Rounds of `period` in [first, end): the refreshes a plant first refreshed at `first` can get
 * by `end` (the day tests and bench:monitor count freshness against it).
 * @param {number} first
 * @param {number} end
 * @param {number} [period]
 */
const rounds = (first, end, period = 5 * 60_000) => Math.ceil((end - first) / period);

module.exports = {
  monitorNode,
  monitorOptions,
  startMonitor,
  runUntil,
  stopMonitor,
  refreshTimes,
  maxGap,
  rounds,
  holdHttp,
};
