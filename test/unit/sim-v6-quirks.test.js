'use strict';
const assert = require('node:assert/strict');
const { USER, v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Quirks mode: the oddities thirddata-notes.md records from live servers and newer versions. */
describe('simulator V6: quirks mode', function () {
  let q;
  let plain;
  /** @type {import('../../dist/src/simulator').SimUser} */
  const OLD = { username: 'old', password: 'p', scope: 'all', v6: { created: '2020-01-01' } };
  before(async function () {
    q = await v6Sim({ plants: 4, quirks: true, users: [USER, OLD] });
    plain = await v6Sim({ plants: 4, users: [USER, OLD] });
  });
  after(async () => {
    await q.sim.close();
    await plain.sim.close();
  });

  it('logs in with the 2025 answer: empty params and a pointer to the documentation', async function () {
    const { body } = await q.login();
    assert.equal(body.success, true);
    assert.deepEqual(body.params, {});
    assert.match(body.message, /^Northbound API Reference: https:\/\//);
  });

  it('sends negative Long ids that work as devIds, and the newer device list fields', async function () {
    const devs = await q.devices();
    const same = await plain.devices();
    assert.deepEqual(
      devs.map((d) => d.id),
      same.map((d) => -d.id),
    );
    const bat = devs.find((d) => d.devTypeId === 39);
    assert.deepEqual([bat.esnCode, bat.invType, bat.softwareVersion], [null, null, null]);
    assert.equal(devs.find((d) => d.devTypeId === 62).invType, 'SDongleA-05');
    const inv = devs.find((d) => d.devTypeId === 1);
    assert.match(inv.devDn, /^NE=\d+$/);
    assert.equal(inv.model, inv.invType);
    assert.equal(typeof inv.optimizerNumber, 'number');
    const r = await q.call('getDevRealKpi', { devIds: String(inv.id), devTypeId: '1' });
    assert.equal(r.failCode, 0);
    assert.equal(r.data[0].devId, inv.id);
    assert.equal(r.data[0].sn, inv.esnCode);
    // Up to 28 PV strings, as live string inverters send.
    assert.ok('pv28_u' in r.data[0].dataItemMap);
    const b = await q.call('getDevRealKpi', { devIds: String(bat.id), devTypeId: 39 });
    assert.equal(b.data[0].sn, null);
  });

  it('sends strings and "N/A" on every other plant, and state codes as float strings', async function () {
    const devs = await q.devices();
    const odd = devs.find((d) => d.devTypeId === 1 && d.stationCode === 'NE=33554433');
    const even = devs.find((d) => d.devTypeId === 1 && d.stationCode === 'NE=33554432');
    const r = await q.call('getDevRealKpi', { devIds: `${odd.id},${even.id}`, devTypeId: 1 });
    const [o, e] = r.data.map((x) => x.dataItemMap);
    assert.equal(typeof o.active_power, 'string');
    assert.match(o.active_power, /^-?\d+\.\d{3}$/);
    assert.equal(o.pv24_u, 'N/A');
    assert.equal(o.inverter_state, '512.0');
    assert.equal(typeof e.active_power, 'number');
    assert.equal(e.pv24_u, null);
    assert.equal(odd.longitude, 'N/A');
  });

  it("sends the grid meter's active power in W (24.7.0) where the reference says kW", async function () {
    const m = (await q.devices()).find((d) => d.devTypeId === 17 && d.stationCode === 'NE=33554432');
    const kw = (await plain.call('getDevRealKpi', { devIds: String(-m.id), devTypeId: 17 })).data[0].dataItemMap
      .active_power;
    const w = (await q.call('getDevRealKpi', { devIds: String(m.id), devTypeId: 17 })).data[0].dataItemMap.active_power;
    assert.ok(Math.abs(w - kw * 1000) < 1, `${w} ${kw}`);
  });

  it(
    'adds coordinates as strings and the plant types to stations, buildState "3" to getStationList, ' +
      'feed-in to real-time KPI',
    async function () {
      const st = (await q.call('stations', { pageNo: 1 })).data.list[0];
      assert.match(st.longitude, /^-?\d+\.\d{6}$/);
      assert.equal(st.aidType, 1);
      assert.ok(['2', '3'].includes(st.combineType));
      const legacy = (await q.call('getStationList', {}, OLD)).data;
      assert.ok(legacy.every((p) => p.buildState === '3'));
      const kpi = (await q.call('getStationRealKpi', { stationCodes: q.codes() })).data[0].dataItemMap;
      assert.match(kpi.day_on_grid_energy, /^\d+\.\d{3}$/);
      assert.match(kpi.day_use_energy, /^\d+\.\d{3}$/);
    },
  );

  it('buckets report periods by UTC, as one public client says live servers do', async function () {
    const r = await q.call('getKpiStationDay', { stationCodes: 'NE=33554434', collectTime: q.clock.now() });
    assert.ok(r.data.length > 0);
    for (const row of r.data) assert.equal(row.collectTime % DAY, 0);
    const p = await plain.call('getKpiStationDay', { stationCodes: 'NE=33554434', collectTime: plain.clock.now() });
    const tz = plain.sim.fleet.plant('NE=33554434').tzOffsetMin;
    assert.notEqual(tz, 0);
    for (const row of p.data) assert.equal((row.collectTime + tz * MINUTE) % DAY, 0);
    assert.ok('PVYield' in r.data[0].dataItemMap && 'selfProvide' in r.data[0].dataItemMap);
  });
});
