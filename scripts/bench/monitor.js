#!/usr/bin/env node
'use strict';
// `npm run bench:monitor [-- 1 120 1000]`: the monitor node alone for 24 simulated hours per
// fleet (V7 simulator, documented quotas, virtual clock). Freshness is the refreshes each plant
// got against the best the quota allows from the first round on (one per 5 minutes), calls per
// plant-hour count every endpoint. Writes its section of BENCHMARKS.md; exits 1 below 100%.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startMonitor, stopMonitor, refreshTimes, maxGap, rounds } = require('../../test/helpers/monitor');

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
// Fleets as `120` (V7) or `v6:120` (V6 with devices and alarms).
const FLEETS = process.argv
  .slice(2)
  .map((a) => (/^v6:\d+$/.test(a) ? { api: 'v6', plants: Number(a.slice(3)) } : { api: 'v7', plants: Number(a) }))
  .filter((f) => f.plants > 0);
const ROOT = path.join(__dirname, '..', '..');
const BEGIN = '<!-- monitor: written by npm run bench:monitor -->';
const END = '<!-- /monitor -->';

async function day({ plants, api }) {
  const began = Date.now();
  let readings = 0;
  const v6 = api === 'v6';
  const m = await startMonitor({
    sim: { plants },
    accountExtra: v6 ? { api: 'v6' } : {},
    node: v6 ? { deviceTypes: '1,38,17,39,47', alarms: true } : {},
    tap: () => readings++,
  });
  const start = m.clock.now();
  while (m.clock.now() < start + DAY) await m.clock.sleep(Math.min(10 * MIN, start + DAY - m.clock.now()));
  const stats = JSON.parse(JSON.stringify(m.sim.stats));
  const times = refreshTimes(m.answers);
  const endpoint = v6 ? 'thirdData/getStationRealKpi' : 'vpp/plantRealtimeKpi';
  await stopMonitor(m.sim);
  const first = Math.min(...[...times.values()].map((t) => t[0]));
  // Rounds in [first, end): one per 5 minutes, and V6 takes one getStationRealKpi call a
  // minute besides: Roundup(plants/100) minutes a round when that is longer.
  const period = (v6 ? Math.max(5, Math.ceil(plants / 100)) : 5) * MIN;
  const best = rounds(first, start + DAY, period);
  // Each plant from its own first refresh, as test/helpers/monitor-day.js counts: the quota
  // spaces a round's calls, so its last chunk starts minutes after its first, and 24 hours hold
  // no more refreshes for it than that.
  let got = 0;
  let owed = 0;
  let gap = 0;
  for (const t of times.values()) {
    const own = rounds(t[0], start + DAY, period);
    got += Math.min(t.length, own);
    owed += own;
    gap = Math.max(gap, maxGap(t));
  }
  return {
    plants,
    api,
    freshness: got / owed,
    gapMin: gap / MIN,
    periodMin: period / MIN,
    realtime: stats.byEndpoint[endpoint] ?? 0,
    allowed: Math.ceil(plants / 100) * best,
    calls: stats.requests,
    perPlantHour: stats.requests / (plants * 24),
    byEndpoint: stats.byEndpoint,
    quota407: stats.quota407,
    firstMin: (first - start) / MIN,
    readings,
    seconds: (Date.now() - began) / 1000,
  };
}

const rowKey = (r) => `${r.plants} (${r.api.toUpperCase()})`;

/** Table rows of the section in `old` by fleet (`120 (V6)`): fleets not run this time keep theirs. */
function keptRows(old) {
  const rows = new Map();
  const body = old.includes(BEGIN) ? old.slice(old.indexOf(BEGIN), old.indexOf(END)) : '';
  for (const line of body.split('\n')) {
    const m = /^\| (\d+ \(V[67]\)) \|/.exec(line);
    if (m) rows.set(m[1], line);
  }
  return rows;
}

function section(rows, old) {
  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, Node.js ${process.version}`;
  const line = (r) =>
    `| ${r.plants} (${r.api.toUpperCase()}) | ${(r.freshness * 100).toFixed(1)}% | ${r.periodMin} min ` +
    `| ${r.gapMin.toFixed(0)} min | ${r.realtime} of ${r.allowed} | ${r.perPlantHour.toFixed(2)} | ${Object.entries(
      r.byEndpoint,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | ${r.quota407} | ${r.firstMin.toFixed(0)} min | ${r.seconds.toFixed(0)} s |`;
  return (
    `${BEGIN}
## Monitor: freshness and calls per plant-hour

The \`fusionsolar-monitor\` node alone for 24 simulated hours per fleet against the simulator
(documented quotas, virtual clock; \`npm run bench:monitor [-- 1 120 1000 v6:120]\`, which rewrites
this section's rows of the fleets it runs; V6 fleets also poll devices of types 1,38,17,39,47 and alarms).
**Freshness** is the real-time refreshes the plants got against the best the quota allows, each
plant from its own first refresh on (a round's calls are spaced by the quota, so its last chunk
starts minutes after its first): Roundup(plants/100) calls per 5 minutes cover every plant once per
5 minutes; V6's getStationRealKpi also takes one call a minute, so 1000 V6 plants need 10 minutes a
round. **Longest gap** is the longest time any plant went without a refresh.
**Calls per plant-hour** counts every endpoint (login, plant list every 6 hours, the history backfill
of today, real-time). The first round waits for the plant list (one page of 100 plants a minute).
Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.

| plants | freshness | quota's best round | longest gap | real-time calls (of allowed) | calls per ` +
    `plant-hour | calls by endpoint | 407s | first round | real time |
|---|---|---|---|---|---|---|---|---|---|
${table(rows, old, line)}
${END}
`
  );
}

/** The old rows with this run's in their place, new fleets after them. */
function table(rows, old, line) {
  const out = keptRows(old);
  for (const r of rows) out.set(rowKey(r), line(r));
  return [...out.values()].join('\n');
}

async function main() {
  const rows = [];
  for (const fleet of FLEETS.length ? FLEETS : [1, 120, 1000].map((plants) => ({ api: 'v7', plants }))) {
    const r = await day(fleet);
    console.log(
      `${fleet.plants} plant(s), ${fleet.api}: freshness ${(r.freshness * 100).toFixed(1)}%, longest ` +
        `gap ${r.gapMin} min, real-time ${r.realtime} of ${r.allowed} ` +
        `allowed, ${r.perPlantHour.toFixed(2)} calls per plant-hour, 407s ${r.quota407} (${r.seconds.toFixed(0)} s)`,
    );
    rows.push(r);
  }
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const kept = old.includes(BEGIN)
    ? old.slice(0, old.indexOf(BEGIN)) + old.slice(old.indexOf(END) + END.length).replace(/^\n/, '')
    : `${old.trimEnd()}\n\n`;
  fs.writeFileSync(file, `${kept.trimEnd()}\n\n${section(rows, old)}`);
  console.log('written the monitor section of BENCHMARKS.md');
  process.exit(rows.every((r) => r.freshness === 1 && r.quota407 === 0 && r.realtime <= r.allowed) ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
