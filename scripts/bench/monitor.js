#!/usr/bin/env node
'use strict';
// `npm run bench:monitor [-- 1 120 1000]`: the monitor node alone for 24 simulated hours per
// fleet (V7 simulator, documented quotas, virtual clock). Freshness is the refreshes each plant
// got against the best the quota allows from the first round on (one per 5 minutes), calls per
// plant-hour count every endpoint. Writes its section of BENCHMARKS.md; exits 1 below 100%.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startMonitor, stopMonitor, refreshTimes, maxGap } = require('../../test/helpers/monitor');

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
  // Rounds in [first, end): one per 5 minutes.
  const best = Math.ceil((start + DAY - first) / (5 * MIN));
  let got = 0;
  let gap = 0;
  for (const t of times.values()) {
    got += Math.min(t.length, best);
    gap = Math.max(gap, maxGap(t));
  }
  return {
    plants,
    api,
    freshness: got / (best * plants),
    gapMin: gap / MIN,
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

function section(rows) {
  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, Node.js ${process.version}`;
  const line = (r) =>
    `| ${r.plants} (${r.api.toUpperCase()}) | ${(r.freshness * 100).toFixed(1)}% ` +
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
this section; V6 fleets also poll devices of types 1,38,17,39,47 and alarms).
**Freshness** is the real-time refreshes the plants got against the best the quota allows from the
first round on: Roundup(plants/100) calls per 5 minutes cover every plant once per 5 minutes.
**Calls per plant-hour** counts every endpoint (login, plant list every 6 hours, the history backfill
of today, real-time). The first round waits for the plant list (one page of 100 plants a minute).
Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.

| plants | freshness | longest gap | real-time calls (of allowed) | calls per plant-hour | calls by ` +
    `endpoint | 407s | first round | real time |
|---|---|---|---|---|---|---|---|---|
${rows.map(line).join('\n')}
${END}
`
  );
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
  fs.writeFileSync(file, `${kept.trimEnd()}\n\n${section(rows)}`);
  console.log('written the monitor section of BENCHMARKS.md');
  process.exit(rows.every((r) => r.freshness === 1 && r.quota407 === 0 && r.realtime <= r.allowed) ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
