'use strict';
const assert = require('node:assert/strict');
const { USER, v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;
const SLOT = 5 * MINUTE;
const DAY = 86_400_000;

describe('simulator V6: device history (getDevHistoryKpi, getDevFiveMinutes)', function () {
  let s;
  let devs;
  /** @type {import('../../dist/src/simulator').SimUser} */
  const OLD = { username: 'old', password: 'p', scope: 'all', v6: { created: '2022-01-10' } };
  before(async function () {
    s = await v6Sim({ plants: 4, users: [USER, OLD] });
    devs = await s.devices();
  });
  after(() => s.sim.close());
  const ofType = (t) => devs.filter((d) => d.devTypeId === t);
  const ids = (list) => list.map((d) => d.id).join(',');

  it('sends one row per completed 5-minute slot and device, each the reading real time showed', async function () {
    const inv = ofType(1).slice(0, 2);
    const live = await s.call('getDevRealKpi', { devIds: ids(inv), devTypeId: 1 });
    const slotStart = Math.floor(s.clock.now() / SLOT) * SLOT;
    s.clock.advance(SLOT);
    const now = s.clock.now();
    const r = await s.call('getDevHistoryKpi', {
      devIds: ids(inv),
      devTypeId: 1,
      startTime: now - 6 * 3_600_000,
      endTime: now,
    });
    assert.equal(r.failCode, 0);
    assert.deepEqual(r.params.devIds, ids(inv));
    assert.equal(r.data.length, 2 * 6 * 12);
    for (const row of r.data) {
      assert.equal(row.collectTime % SLOT, 0);
      assert.ok(row.collectTime >= now - 6 * 3_600_000 && row.collectTime < now);
    }
    for (const d of inv) {
      const row = r.data.find((x) => x.devId === d.id && x.collectTime === slotStart);
      const then = live.data.find((x) => x.devId === d.id).dataItemMap;
      assert.equal(row.dataItemMap.active_power, then.active_power);
      assert.equal(row.dataItemMap.pv1_u, then.pv1_u);
    }
  });

  it("keeps a meter's import and export registers adding up over the slots", async function () {
    const meter = ofType(17)[0];
    const now = s.clock.now();
    const r = await s.call('getDevHistoryKpi', {
      devIds: String(meter.id),
      devTypeId: 17,
      startTime: now - 3 * DAY,
      endTime: now,
    });
    assert.equal(r.failCode, 0);
    assert.ok(r.data.length >= 3 * 288);
    let exported = 0;
    for (let i = 1; i < r.data.length; i++) {
      const a = r.data[i - 1].dataItemMap;
      const b = r.data[i].dataItemMap;
      assert.ok(b.active_cap >= a.active_cap && b.reverse_active_cap >= a.reverse_active_cap, `row ${i}`);
      const kw = b.active_power;
      assert.ok(
        Math.abs(b.reverse_active_cap - a.reverse_active_cap - Math.max(0, kw) / 12) < 0.003,
        `export of row ${i}`,
      );
      assert.ok(Math.abs(b.active_cap - a.active_cap - Math.max(0, -kw) / 12) < 0.003, `import of row ${i}`);
      exported += Math.max(0, kw) / 12;
    }
    assert.ok(exported > 0);
    const live = await s.call('getDevRealKpi', { devIds: String(meter.id), devTypeId: 17 });
    assert.equal(live.data[0].dataItemMap.reverse_active_cap, r.data[r.data.length - 1].dataItemMap.reverse_active_cap);
  });

  it('answers the history failCodes: 10 devices, 3 days, both times, order, 365 days', async function () {
    const now = s.clock.now();
    const inv = ofType(1);
    const eleven = Array.from({ length: 11 }, (_, i) => String(inv[0].id + i * 1009)).join(',');
    const cases = [
      [{ devIds: eleven, devTypeId: 1, startTime: now - DAY, endTime: now }, 30031],
      [{ devIds: String(inv[0].id), devTypeId: 1, startTime: now - 3 * DAY - 1, endTime: now }, 30032],
      [{ devIds: String(inv[0].id), devTypeId: 1, startTime: now - DAY }, 30007],
      [{ devIds: String(inv[0].id), devTypeId: 1 }, 20012],
      [{ devIds: String(inv[0].id), devTypeId: 1, startTime: now, endTime: now - 1 }, 20023],
      [{ devIds: String(inv[0].id), devTypeId: 1, startTime: now - 366 * DAY, endTime: now - 365.5 * DAY }, 20026],
      [{ devIds: String(inv[0].id), devTypeId: 62, startTime: now - DAY, endTime: now }, 20013],
      [{ devIds: String(inv[0].id), devTypeId: 1, startTime: 'yesterday', endTime: now }, 30030],
    ];
    for (const [body, code] of cases)
      assert.equal((await s.call('getDevHistoryKpi', body)).failCode, code, JSON.stringify(body));
  });

  it("gives an old account the to-be-offline five-minute data of the device's day", async function () {
    const bat = ofType(39)[0];
    const plant = s.sim.fleet.plant(bat.stationCode);
    const yesterday = s.clock.now() - DAY;
    const r = await s.call('getDevFiveMinutes', { devIds: String(bat.id), devTypeId: 39, collectTime: yesterday }, OLD);
    assert.equal(r.failCode, 0);
    assert.equal(r.data.length, 288);
    // The first row is the plant's local midnight.
    assert.equal((r.data[0].collectTime + plant.tzOffsetMin * MINUTE) % DAY, 0);
    for (const row of r.data) assert.ok(row.dataItemMap.battery_soc >= 0 && row.dataItemMap.battery_soc <= 100);
    assert.equal((await s.call('getDevFiveMinutes', { devIds: String(bat.id), devTypeId: 39 }, OLD)).failCode, 20012);
  });
});
