'use strict';
// The V6 half of `npm run soak`: a V6 account polling, for 24 simulated hours, the real-time
// data of every inverter, meter, power sensor and battery, the plants' real-time data and the
// alarms, each as often as its quota allows (a poll is sent again as soon as the previous one
// ended, and waits for its quota). Prints calls, 407s (must be 0) and the freshness achieved
// against the best the quota allows.
const helper = require('node-red-node-test-helper');
const { VirtualClock } = require('../dist/src/clock');
const { startSimulator } = require('../dist/src/simulator');
const registry = require('../dist/src/client/registry');
const { resetLoginGuards } = require('../dist/src/client/login-guard');
const { v6Fleet } = require('../dist/src/simulator/v6/devices');

const MIN = 60_000;
// SOAK_HOURS shortens the simulated span, e.g. to profile a big fleet for an hour.
const DAY = (Number(process.env.SOAK_HOURS) || 24) * 60 * MIN;
/** @type {import('../dist/src/simulator').SimUser} */
const USER = { username: 'soak6', password: 'soak6-Passw0rd!', scope: 'all' };
/** The monitor's default device types: inverters, grid meters, batteries, power sensors. */
const TYPES = [1, 38, 17, 39, 47];
const POLLS = { devices: 'deviceRealtimeKpi', plants: 'realtimeKpi', alarms: 'alarmList' };

function flow(sim) {
  const node = (id, type, operation, extra = {}) => ({
    id,
    type,
    account: 'acc',
    operation,
    split: false,
    wires: [[]],
    ...extra,
  });
  const ids = ['lists', 'devs', ...Object.keys(POLLS)];
  return [
    // Lists and polls wait for their quota (the alarms' window is 30 minutes) instead of failing fast.
    {
      id: 'acc',
      type: 'fusionsolar-account',
      api: 'v6',
      baseUrl: sim.url,
      timeout: 30,
      locale: 'en-us',
      quotaProfile: 'documented',
      quotaWait: 2400,
    },
    node('lists', 'fusionsolar-plants', 'plantList'),
    node('devs', 'fusionsolar-plants', 'deviceList'),
    node('devices', 'fusionsolar-device-data', 'deviceRealtimeKpi', { devTypeId: TYPES.map(String) }),
    node('plants', 'fusionsolar-plant-data', 'realtimeKpi', { allPlants: true }),
    node('alarms', 'fusionsolar-alarms', 'alarmList'),
    { id: 'k', type: 'complete', scope: ids, wires: [['ended']] },
    { id: 'c', type: 'catch', scope: ids, uncaught: false, wires: [['ended']] },
    { id: 'ended', type: 'helper' },
  ];
}

function gaps(times) {
  const d = times.slice(1).map((t, i) => (t - times[i]) / MIN);
  return { max: d.length ? Math.max(...d) : NaN, mean: d.length ? d.reduce((a, b) => a + b, 0) / d.length : NaN };
}

/** Devices per type the poll covers, from the simulator's own view of the fleet. */
function mix(sim) {
  const counts = {};
  for (const d of v6Fleet(sim).byId.values()) counts[d.devTypeId] = (counts[d.devTypeId] ?? 0) + 1;
  return counts;
}

async function soakV6(plants, modules, setClock) {
  const clock = new VirtualClock(Date.UTC(2026, 5, 21, 0, 0, 0), 5);
  setClock(clock);
  registry.useClock(clock);
  resetLoginGuards();
  const sim = await startSimulator({ plants, users: [USER], clock });
  await helper.load(modules, flow(sim), { acc: { username: USER.username, password: USER.password } });
  const start = clock.now();
  /** @typedef {{ at: number, ok: boolean, code: unknown, n: number, devices: number }} Outcome */
  /** @type {Record<'lists' | 'devs' | 'devices' | 'plants' | 'alarms', Outcome[]>} */
  const results = { lists: [], devs: [], devices: [], plants: [], alarms: [] };
  const pending = new Set();
  helper.getNode('ended').on('input', (/** @type {import('../dist/nodes/shared/types').FusionSolarMessage} */ m) => {
    pending.delete(m.soak);
    const error = m.fusionsolar && m.fusionsolar.error;
    // inject() tags each message with the list its outcome goes to.
    results[/** @type {keyof typeof results} */ (m.soak)].push({
      at: clock.now(),
      ok: !error,
      code: error && error.code,
      n: Array.isArray(m.payload) ? m.payload.length : 0,
      devices: Array.isArray(m.payload) ? new Set(m.payload.map((x) => x.devId)).size : 0,
    });
  });
  const inject = (id, payload = {}) => {
    pending.add(id);
    helper.getNode(id).receive({ payload, soak: id });
  };
  const until = async (pred) => {
    while (!pred()) await new Promise((r) => setTimeout(r, 5));
  };

  inject('lists');
  await until(() => !pending.has('lists'));
  inject('devs');
  await until(() => !pending.has('devs'));
  for (let m = Math.ceil((clock.now() - start) / MIN); m < DAY / MIN; m++) {
    const due = start + m * MIN;
    if (clock.now() < due) await clock.sleep(due - clock.now());
    for (const id of Object.keys(POLLS)) if (!pending.has(id)) inject(id);
  }
  await until(() => pending.size === 0);

  const counts = mix(sim);
  const polled = TYPES.reduce((n, t) => n + (counts[t] ?? 0), 0);
  const ok = (id) => results[id].filter((r) => r.ok);
  const out = {
    plants,
    devicesByType: counts,
    polledDevices: polled,
    calls: sim.stats.requests,
    byEndpoint: sim.stats.byEndpoint,
    quota407: sim.stats.quota407,
    logins: sim.stats.logins,
    devices: {
      refreshes: ok('devices').length,
      everyDevice: ok('devices').every((r) => r.devices === polled),
      gapMin: gaps(ok('devices').map((r) => r.at)),
      bestGapMin: 5,
    },
    // Roundup(plants/100) calls a refresh at one call a minute:
    // past 500 plants that, not the 5-minute data, sets the pace.
    plantRealtime: {
      refreshes: ok('plants').length,
      gapMin: gaps(ok('plants').map((r) => r.at)),
      bestGapMin: Math.max(5, Math.ceil(plants / 100)),
    },
    alarms: { refreshes: ok('alarms').length, gapMin: gaps(ok('alarms').map((r) => r.at)), bestGapMin: 30 },
    otherErrors: Object.values(results)
      .flat()
      .filter((r) => !r.ok)
      .map((r) => r.code),
  };
  await helper.unload();
  registry.useClock(undefined);
  await registry.closeIdleClients();
  await sim.close();
  return out;
}

function printV6(r) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  const line = (name, x) =>
    `  ${name}: ${x.refreshes} refreshes, gap max ${f(x.gapMin.max)} min / mean ${f(x.gapMin.mean)} ` +
    `min (best the quota allows: ${x.bestGapMin} min)`;
  console.log(
    `\nV6, ${r.plants} plant(s), devices by type ${JSON.stringify(r.devicesByType)}: ${r.calls} ` +
      `calls, 407 received: ${r.quota407}, logins: ${r.logins}`,
  );
  console.log(`  calls by endpoint: ${JSON.stringify(r.byEndpoint)}`);
  console.log(
    `${line('device real-time', r.devices)}, ${r.devices.everyDevice ? 'every' : 'NOT every'} one ` +
      `of ${r.polledDevices} devices each time`,
  );
  console.log(line('plant real-time', r.plantRealtime));
  console.log(line('alarms', r.alarms));
  if (r.otherErrors.length) {
    const byCode = {};
    for (const c of r.otherErrors) byCode[c] = (byCode[c] ?? 0) + 1;
    console.log(`  errors: ${JSON.stringify(byCode)}`);
  }
}

/** Behind the best the quota allows (one refresh a window; a minute of slack for the 1-minute tick). */
function behindV6(r) {
  const late = (x) => !(x.gapMin.max <= x.bestGapMin + 1);
  return late(r.devices) || late(r.plantRealtime) || late(r.alarms) || !r.devices.everyDevice;
}

module.exports = { soakV6, printV6, behindV6 };
