'use strict';
// The fleet dashboard flow of `npm start` (scripts/demo-dashboard.json) on a V6 and a V7
// account against the simulator, its dashboard widgets replaced by helper nodes: on V6 the
// power flow, SOC and grid registers come from the devices' real-time data.
const assert = require('node:assert/strict');
const path = require('node:path');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, NODES } = require('../helpers/flow');
const { fleetOf } = require('../helpers/v6');

const root = path.join(__dirname, '..', '..');
const red = (file) => require(path.join(path.dirname(require.resolve('@node-red/nodes/package.json')), 'core', file));
const CORE = [
  'common/20-inject.js',
  'common/90-comment.js',
  'common/21-debug.js',
  'common/25-catch.js',
  'function/10-function.js',
  'function/15-change.js',
].map(red);
const PLANTS = 5;
const WIDGETS = ['dash-ui-flow', 'dash-ui-soc', 'dash-ui-day', 'dash-ui-iv', 'dash-ui-ivtext'];

/**
 * The dashboard flow on `sim` for `api`: widgets and the error debug become helpers, config of the dashboard dropped.
 */
function dashboardFlow(sim, api) {
  const flow = JSON.parse(JSON.stringify(require(path.join(root, 'scripts', 'demo-dashboard.json'))));
  const out = [];
  for (const n of flow) {
    if (n.type === 'tab') out.push({ ...n, env: [{ name: 'FUSIONSOLAR_API', value: api, type: 'str' }] });
    else if (WIDGETS.includes(n.id) || n.id === 'dash-errors') out.push({ id: n.id, z: n.z, type: 'helper' });
    else if (n.type.startsWith('ui-')) continue;
    else if (n.type === 'inject') out.push({ ...n, once: false, repeat: '' });
    else if (n.type === 'fusionsolar-account') out.push({ ...n, baseUrl: sim.url, api, quotaWait: 600 });
    else out.push(n);
  }
  return out;
}

async function start(api) {
  const { sim, clock } = await virtualSim({ plants: PLANTS });
  await helper.load([...Object.values(NODES), ...CORE], dashboardFlow(sim, api), {
    'dash-account': { username: USER.username, password: USER.password },
  });
  /** @type {Record<'rows' | 'soc' | 'day' | 'errors', TestMessage[]>} */
  const seen = { rows: [], soc: [], day: [], errors: [] };
  const on = (id, list) => helper.getNode(id).on('input', (m) => list.push(m));
  on('dash-ui-flow', seen.rows);
  on('dash-ui-soc', seen.soc);
  on('dash-ui-day', seen.day);
  on('dash-errors', seen.errors);
  return { sim, clock, seen };
}

async function until(pred, what, ms = 20000) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('fleet dashboard flow (npm start) against the simulator', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'V6 account: PV of the inverters, grid power and import/export of the meter, SOC of the ' + 'batteries, per plant',
    async function () {
      let clock;
      let seen;
      ({ sim, clock, seen } = await start('v6'));
      const fleet = fleetOf(sim);
      helper.getNode('dash-start').receive({});
      // Today's energy comes from realtimeKpi, which may answer after the devices: the rows get it when it does.
      const complete = (m) => m.payload.length === PLANTS && m.payload.every((r) => typeof r.dayEnergy === 'number');
      await until(() => seen.rows.some(complete), "rows with today's energy");
      // The 5-minute tick refreshes the device data.
      const refreshes = sim.stats.byEndpoint['thirdData/getDevRealKpi'];
      const shown = seen.rows.length;
      clock.advance(5 * 60_000);
      helper.getNode('dash-every5').receive({});
      await until(
        () =>
          seen.rows.length > shown &&
          sim.stats.byEndpoint['thirdData/getDevRealKpi'] > refreshes &&
          complete(seen.rows[seen.rows.length - 1]),
        'the second refresh',
      );
      assert.deepEqual(
        seen.errors.map((m) => m.error && m.error.message),
        [],
      );
      const msg = seen.rows[seen.rows.length - 1];
      assert.equal(msg.source, 'deviceRealtimeKpi');
      assert.equal(msg.payload.length, PLANTS);
      for (const row of msg.payload) {
        const own = fleet.all.filter((d) => d.plant.plantCode === row.plantCode);
        const has = (...types) => own.some((d) => types.includes(d.devTypeId));
        assert.match(row.plantName, /^Sim Plant \d{4}/);
        assert.equal(typeof row.pv, 'number', `PV of ${row.plantName}`);
        assert.ok(row.pv >= 0 && row.pv <= row.capacity, `${row.pv} kW of ${row.capacity} kWp`);
        assert.equal(typeof row.dayEnergy, 'number', `today's energy of ${row.plantName}`);
        if (has(17, 47)) {
          assert.equal(typeof row.grid, 'number', `grid power of ${row.plantName}`);
          assert.ok(Math.abs(row.grid) < 10 * row.capacity + 50, `${row.grid} kW at the grid is kW, not W`);
          assert.equal(typeof row.load, 'number');
        } else assert.equal(row.grid, null);
        if (has(17)) {
          assert.ok(row.gridImport > 0 && row.gridExport > 0, `registers ${row.gridImport} / ${row.gridExport} kWh`);
        }
        if (has(39)) {
          assert.ok(row.soc >= 0 && row.soc <= 100, `SOC ${row.soc}`);
          assert.equal(typeof row.battery, 'number');
        } else assert.equal(row.soc, null);
      }
      assert.ok(
        msg.payload.some((r) => r.gridImport > 0),
        'some plant has a grid meter',
      );
      const gauges = seen.soc[seen.soc.length - 1].payload;
      assert.deepEqual(
        gauges.map((r) => r.plantCode).sort(),
        msg.payload
          .filter((r) => r.soc !== null)
          .map((r) => r.plantCode)
          .sort(),
      );
      assert.ok(gauges.length > 0, 'some plant has a battery');
      const points = seen.day[seen.day.length - 1];
      assert.equal(points.action, 'append');
      assert.equal(points.payload.length, PLANTS);
      const calls = sim.stats.byEndpoint;
      assert.ok(
        calls['thirdData/getDevRealKpi'] >= 2 && calls['thirdData/getStationRealKpi'] >= 2,
        JSON.stringify(calls),
      );
      assert.equal(sim.stats.quota407, 0);
    },
  );

  it('V7 account: the rows come from realtimeKpi and no device data is asked for', async function () {
    let seen;
    ({ sim, seen } = await start('v7'));
    helper.getNode('dash-start').receive({});
    await until(() => seen.rows.length >= 1, 'the power flow rows');
    const msg = seen.rows[0];
    assert.equal(msg.source, undefined);
    assert.equal(msg.payload.length, PLANTS);
    for (const row of msg.payload) {
      assert.equal(typeof row.pv, 'number');
      assert.equal(typeof row.dayEnergy, 'number');
    }
    assert.equal(Object.keys(sim.stats.byEndpoint).filter((e) => e.startsWith('thirdData/')).length, 0);
    assert.deepEqual(
      seen.errors.map((m) => m.error && m.error.message),
      [],
    );
  });
});
