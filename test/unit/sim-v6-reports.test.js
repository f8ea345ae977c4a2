'use strict';
const assert = require('node:assert/strict');
const { v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

describe('simulator V6: plant and device reports', function () {
  let s;
  let devs;
  let real;
  before(async function () {
    s = await v6Sim({ plants: 4 });
    devs = await s.devices();
    real = new Map(
      (await s.call('getStationRealKpi', { stationCodes: s.codes() })).data.map((p) => [p.stationCode, p.dataItemMap]),
    );
  });
  after(() => s.sim.close());
  const local = (plant, t) => new Date(t + plant.tzOffsetMin * MINUTE);

  it("sends the hours of the plant's day up to now; today's hours add up to the day's yield", async function () {
    const r = await s.call('getKpiStationHour', { stationCodes: s.codes(), collectTime: s.clock.now() });
    assert.equal(r.failCode, 0);
    for (const plant of s.sim.fleet.plants) {
      const rows = r.data.filter((x) => x.stationCode === plant.plantCode);
      const hour = local(plant, s.clock.now()).getUTCHours();
      assert.equal(rows.length, hour + 1, plant.plantCode);
      assert.equal(local(plant, rows[0].collectTime).getUTCHours(), 0);
      assert.deepEqual(Object.keys(rows[0].dataItemMap).sort(), [
        'inverter_power',
        'ongrid_power',
        'power_profit',
        'radiation_intensity',
        'theory_power',
      ]);
      const day = sum(rows.map((x) => x.dataItemMap.inverter_power));
      assert.ok(Math.abs(day - Number(real.get(plant.plantCode).day_power)) < 0.05, `${plant.plantCode} ${day}`);
    }
  });

  it(
    'sends the days of the month, the months of the year and the years since connection, adding ' + 'up',
    async function () {
      const now = s.clock.now();
      const days = await s.call('getKpiStationDay', { stationCodes: s.codes(), collectTime: now });
      const months = await s.call('getKpiStationMonth', { stationCodes: s.codes(), collectTime: String(now) });
      const years = await s.call('getKpiStationYear', { stationCodes: s.codes(), collectTime: now });
      for (const plant of s.sim.fleet.plants) {
        const d = days.data.filter((x) => x.stationCode === plant.plantCode);
        assert.equal(d.length, local(plant, now).getUTCDate());
        assert.ok(d.every((x) => (x.collectTime + plant.tzOffsetMin * MINUTE) % DAY === 0));
        const today = d[d.length - 1].dataItemMap;
        assert.ok(Math.abs(today.inverter_power - Number(real.get(plant.plantCode).day_power)) < 0.05);
        assert.equal(today.installed_capacity, plant.capacity);
        for (const k of [
          'use_power',
          'perpower_ratio',
          'performance_ratio',
          'reduction_total_co2',
          'reduction_total_coal',
          'reduction_total_tree',
        ])
          assert.ok(k in today, k);
        const m = months.data.filter((x) => x.stationCode === plant.plantCode);
        assert.equal(m.length, 6);
        const june = m[5].dataItemMap.inverter_power;
        assert.ok(Math.abs(june - sum(d.map((x) => x.dataItemMap.inverter_power))) < 0.05);
        assert.ok(Math.abs(june - Number(real.get(plant.plantCode).month_power)) < 0.05);
        const y = years.data.filter((x) => x.stationCode === plant.plantCode);
        assert.equal(y.length, 2026 - Number(plant.gridConnectionDate.slice(0, 4)) + 1);
        assert.ok(
          Math.abs(y[y.length - 1].dataItemMap.inverter_power - sum(m.map((x) => x.dataItemMap.inverter_power))) < 0.1,
        );
        // The years add up to V7's lifetime total.
        const total = sum(y.map((x) => x.dataItemMap.inverter_power));
        assert.ok(
          Math.abs(total - Number(real.get(plant.plantCode).total_power)) < 1,
          `${total} ${real.get(plant.plantCode).total_power}`,
        );
      }
    },
  );

  it('sends the days of a past month whole', async function () {
    const may = Date.UTC(2026, 4, 15, 12);
    const r = await s.call('getKpiStationDay', { stationCodes: 'NE=33554432', collectTime: may });
    assert.equal(r.data.length, 31);
    assert.ok(r.data.every((x) => x.dataItemMap.inverter_power > 0));
  });

  it('answers the report failCodes', async function () {
    const many = Array.from({ length: 101 }, (_, i) => `NE=${33554432 + i}`).join(',');
    for (const [body, code] of [
      [{ stationCodes: 'NE=33554432' }, 20012],
      [{ stationCodes: 'NE=33554432', collectTime: 'today' }, 30030],
      [{ stationCodes: 'NE=33554432', collectTime: -1 }, 30030],
      [{ collectTime: 1 }, 20010],
      [{ stationCodes: many, collectTime: 1 }, 20014],
    ]) {
      for (const e of ['getKpiStationHour', 'getKpiStationDay', 'getKpiStationMonth', 'getKpiStationYear'])
        assert.equal((await s.call(e, body)).failCode, code, `${e} ${JSON.stringify(body)}`);
    }
  });

  it(
    "sends inverters' and batteries' days, months and years; the plant's inverters add up to its " + 'yield',
    async function () {
      const now = s.clock.now();
      for (const plant of s.sim.fleet.plants) {
        const inv = devs.filter((d) => d.stationCode === plant.plantCode && (d.devTypeId === 1 || d.devTypeId === 38));
        let today = 0;
        for (const t of new Set(inv.map((d) => d.devTypeId))) {
          const r = await s.call('getDevKpiDay', {
            devIds: inv
              .filter((d) => d.devTypeId === t)
              .map((d) => d.id)
              .join(','),
            devTypeId: t,
            collectTime: now,
          });
          assert.equal(r.failCode, 0);
          const last = r.data.filter((x) => x.collectTime === Math.max(...r.data.map((y) => y.collectTime)));
          today += sum(last.map((x) => x.dataItemMap.product_power));
        }
        assert.ok(Math.abs(today - Number(real.get(plant.plantCode).day_power)) < 0.05, plant.plantCode);
      }
      const bat = devs.find((d) => d.devTypeId === 39);
      const live = (await s.call('getDevRealKpi', { devIds: String(bat.id), devTypeId: 39 })).data[0].dataItemMap;
      const day = await s.call('getDevKpiDay', { devIds: String(bat.id), devTypeId: 39, collectTime: now });
      const last = day.data[day.data.length - 1].dataItemMap;
      assert.deepEqual(Object.keys(last).sort(), ['charge_cap', 'charge_time', 'discharge_cap', 'discharge_time']);
      assert.ok(Math.abs(last.charge_cap - live.charge_cap) < 0.01);
      const month = await s.call('getDevKpiMonth', { devIds: String(bat.id), devTypeId: 39, collectTime: now });
      assert.equal(month.data.length, 6);
      const year = await s.call('getDevKpiYear', { devIds: String(bat.id), devTypeId: 39, collectTime: now });
      assert.ok(year.data.length >= 4);
      const meter = devs.find((d) => d.devTypeId === 17);
      assert.equal(
        (await s.call('getDevKpiDay', { devIds: String(meter.id), devTypeId: 17, collectTime: now })).failCode,
        20013,
      );
      assert.equal((await s.call('getDevKpiYear', { devIds: String(bat.id), devTypeId: 39 })).failCode, 20012);
    },
  );
});
