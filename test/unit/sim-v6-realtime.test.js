'use strict';
const assert = require('node:assert/strict');
const { forceBattery } = require('../../dist/src/simulator/physics-live');
const { USER, v6Sim } = require('../helpers/sim-v6');

const HOUR = 3_600_000;
/** @type {import('../../dist/src/simulator').SimUser} */
const ONE = { username: 'one', password: 'p', scope: ['NE=33554432'] };
/** @type {import('../../dist/src/simulator').SimUser} */
const CS = { username: 'cs', password: 'p', scope: 'all', v6: { interfaces: ['cs/getInventerRealKpi'] } };

/** V7's real-time KPI of the same simulator: both interfaces show one plant. */
async function v7Realtime(s, codes) {
  const base = `${s.sim.url}/rest/openapi/pvms/v1/`;
  const token = s.tokens.get(USER.username);
  const r = await fetch(`${base}vpp/plantRealtimeKpi`, {
    method: 'POST',
    headers: { 'xsrf-token': token },
    body: JSON.stringify({ plantCodes: codes }),
  });
  return new Map((await r.json()).data.map((p) => [p.plantCode, p.dataItemMap]));
}

describe('simulator V6: real-time plant and device data', function () {
  let s;
  let devs;
  before(async function () {
    s = await v6Sim({ plants: 8, users: [USER, ONE, CS] });
    devs = await s.devices();
  });
  after(() => s.sim.close());

  const ofType = (t) => devs.filter((d) => d.devTypeId === t);
  const real = async (t, list = ofType(t)) => {
    const r = await s.call('getDevRealKpi', { devIds: list.map((d) => d.id).join(','), devTypeId: t });
    assert.equal(r.failCode, 0, `type ${t}`);
    return new Map(r.data.map((x) => [x.devId, x.dataItemMap]));
  };

  it("sends the plants' energies as strings, equal to V7's real-time KPI", async function () {
    const r = await s.call('getStationRealKpi', { stationCodes: s.codes() });
    assert.equal(r.failCode, 0);
    assert.equal(r.data.length, 8);
    const v7 = await v7Realtime(s, s.codes());
    for (const { stationCode, dataItemMap: m } of r.data) {
      assert.deepEqual(Object.keys(m).sort(), [
        'day_income',
        'day_power',
        'month_power',
        'real_health_state',
        'total_income',
        'total_power',
      ]);
      for (const v of Object.values(m)) assert.equal(typeof v, 'string');
      assert.match(m.day_power, /^\d+\.\d{3}$/);
      assert.ok(['1', '2', '3'].includes(m.real_health_state));
      const seven = v7.get(stationCode);
      assert.equal(Number(m.day_power), Number(seven.dayEnergy));
      assert.equal(Number(m.total_power), Number(seven.totalEnergy));
    }
    const munich = r.data.find((p) => p.stationCode === 'NE=33554432');
    assert.ok(Number(munich.dataItemMap.day_power) > 0, 'daylight in Munich at 10:00 UTC');
  });

  it('splits the plant PV over its inverters, with PV strings and the meter at the grid point', async function () {
    const inverters = new Map([...(await real(1)), ...(ofType(38).length ? await real(38) : [])]);
    const meters = await real(17);
    const sensors = ofType(47).length ? await real(47) : new Map();
    const bats = new Map([...(await real(39)), ...(ofType(41).length ? await real(41) : [])]);
    const v7 = await v7Realtime(s, s.codes());
    for (const plant of s.sim.fleet.plants) {
      const mine = devs.filter((d) => d.stationCode === plant.plantCode);
      const pv = mine
        .filter((d) => d.devTypeId === 1 || d.devTypeId === 38)
        .reduce((sum, d) => sum + inverters.get(d.id).active_power, 0);
      const seven = v7.get(plant.plantCode);
      assert.ok(Math.abs(pv - Number(seven.pvPower)) < 0.01, `${plant.plantCode} ${pv} ${seven.pvPower}`);
      const meter = mine.find((d) => d.devTypeId === 17 || d.devTypeId === 47);
      const grid =
        meter.devTypeId === 17 ? meters.get(meter.id).active_power : sensors.get(meter.id).active_power / 1000;
      const meterKw = Number(seven.meterPower ?? seven.pmeterPower);
      assert.ok(Math.abs(grid - meterKw) < 0.01, `${plant.plantCode} meter ${grid} ${meterKw}`);
      for (const b of mine.filter((d) => d.devTypeId === 39 || d.devTypeId === 41)) {
        assert.ok(
          Math.abs(bats.get(b.id).battery_soc - Number(seven.batterySOC)) < 0.1 ||
            mine.filter((d) => d.devTypeId === 39 || d.devTypeId === 41).length > 1,
        );
      }
    }
    const inv = inverters.get(ofType(1)[0].id);
    assert.equal(inv.inverter_state, 512);
    assert.ok(inv.pv1_u > 300 && inv.pv1_i > 0);
    assert.equal(inv.pv24_u, null);
    assert.ok(inv.total_cap >= inv.day_cap && inv.day_cap > 0);
    assert.ok(inv.open_time < s.clock.now() && inv.close_time === null);
    const m = meters.get(ofType(17)[0].id);
    assert.ok(m.active_cap > 0 && m.reverse_active_cap > 0);
  });

  it("follows a forced charge: the battery's power, SOC and mode, the same as V7 sees", async function () {
    const b = ofType(39)[0];
    const dev = s.sim.fleet.devices().find((d) => d.sn === b.esnCode);
    const now = s.clock.now();
    forceBattery(s.sim, dev, { from: now, until: now + 2 * HOUR, kw: -2, stopSoc: 100 });
    const before = (await real(39, [b])).get(b.id);
    assert.equal(before.ch_discharge_model, 1);
    assert.equal(before.ch_discharge_power, 2000);
    assert.equal(before.battery_status, 2);
    s.clock.advance(HOUR);
    const after = (await real(39, [b])).get(b.id);
    assert.ok(after.battery_soc > before.battery_soc, `${after.battery_soc} > ${before.battery_soc}`);
    assert.ok(Math.abs(after.battery_soc - dev.soc) < 0.01);
    s.clock.advance(2 * HOUR);
    assert.equal((await real(39, [b])).get(b.id).ch_discharge_model, 4);
  });

  it("reads an EMI's irradiance by day and the power sensor in W", async function () {
    const emi = ofType(10).find((d) => s.sim.fleet.plant(d.stationCode).tzOffsetMin === 60);
    const m = (await real(10, [emi])).get(emi.id);
    assert.ok(m.radiant_line > 100 && m.horiz_radiant_line < m.radiant_line, JSON.stringify(m));
    assert.ok(m.radiant_total > 0 && m.pv_temperature > m.temperature);
    assert.equal(m.run_state, 1);
    const sensor = ofType(47)[0];
    const p = (await real(47, [sensor])).get(sensor.id);
    assert.equal(p.meter_status, 1);
    assert.ok(Math.abs(Math.abs(p.active_power) - p.meter_u * p.meter_i) < Math.abs(p.active_power) * 0.01 + 1);
  });

  it('answers the restricted convergence interface: camelCase readings, strings padded with null', async function () {
    const inv = ofType(1).slice(0, 2);
    const r = await s.call('cs/getInventerRealKpi', { sns: inv.map((d) => d.esnCode).join(',') }, CS);
    assert.equal(r.failCode, 0);
    const live = await real(1, inv);
    for (const [i, item] of r.data.entries()) {
      assert.equal(item.sn, inv[i].esnCode);
      const k = item.kpis[0];
      assert.equal(k.ipvs.length, 24);
      assert.equal(k.vpvs.length, 24);
      assert.equal(k.ipvs[23], null);
      assert.equal(k.activePower, live.get(inv[i].id).active_power);
      assert.ok([0, 1].includes(k.status));
      assert.equal(k.inventerSN, inv[i].esnCode);
    }
    assert.equal((await s.call('cs/getInventerRealKpi', {}, CS)).failCode, 30001);
    const meter = ofType(17)[0];
    assert.equal((await s.call('cs/getInventerRealKpi', { sns: meter.esnCode }, CS)).failCode, 20013);
    assert.equal((await s.call('cs/getInventerRealKpi', { sns: 'NOPE' }, CS)).failCode, 20046);
  });

  it('takes sns instead of devIds', async function () {
    const list = ofType(1).slice(0, 2);
    const r = await s.call('getDevRealKpi', { sns: list.map((d) => d.esnCode).join(','), devTypeId: '1' });
    assert.equal(r.failCode, 0);
    assert.deepEqual(
      r.data.map((x) => x.devId),
      list.map((d) => d.id),
    );
  });

  it('answers the device failCodes', async function () {
    const inv = ofType(1)[0];
    const meter = ofType(17)[0];
    const other = devs.find((d) => d.stationCode !== 'NE=33554432' && d.devTypeId === 1);
    const many = Array.from({ length: 101 }, (_, i) => String(1000001009000000 + i * 1009)).join(',');
    const cases = [
      [{ devIds: String(inv.id) }, 20013],
      [{ devIds: String(inv.id), devTypeId: 62 }, 20013],
      [{ devIds: String(inv.id), devTypeId: 'one' }, 20013],
      [{ devTypeId: 1 }, 20005],
      [{ devIds: '', sns: '', devTypeId: 1 }, 20005],
      [{ devIds: many, devTypeId: 1 }, 20016],
      [{ devIds: `${inv.id},${meter.id}`, devTypeId: 1 }, 20006],
      [{ devIds: '1234', devTypeId: 1 }, 20008],
    ];
    for (const [body, code] of cases)
      assert.equal((await s.call('getDevRealKpi', body)).failCode, code, JSON.stringify(body));
    assert.equal(
      (await s.call('getDevRealKpi', { devIds: String(other.id), devTypeId: 1 }, { username: 'one', password: 'p' }))
        .failCode,
      20046,
    );
    assert.equal((await s.call('getStationRealKpi', {})).failCode, 20010);
    assert.equal(
      (await s.call('getStationRealKpi', { stationCodes: 'NE=33554433' }, { username: 'one', password: 'p' })).failCode,
      20045,
    );
  });
});
