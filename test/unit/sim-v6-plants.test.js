'use strict';
const assert = require('node:assert/strict');
const { USER, v6Sim } = require('../helpers/sim-v6');

describe('simulator V6: plant and device lists', function () {
  let s;
  before(async function () {
    s = await v6Sim({
      plants: 25,
      users: [
        USER,
        { username: 'old', password: 'p', scope: 'all', v6: { created: '2021-05-01' } },
        { username: 'one', password: 'p', scope: ['NE=33554432'] },
      ],
    });
  });
  after(() => s.sim.close());

  it('pages stations by pageNo and pageSize, with the plants in stations field names', async function () {
    const first = await s.call('stations', { pageNo: 1, pageSize: 10 });
    assert.equal(first.failCode, 0);
    assert.deepEqual(
      {
        total: first.data.total,
        pageCount: first.data.pageCount,
        pageNo: first.data.pageNo,
        pageSize: first.data.pageSize,
      },
      { total: 25, pageCount: 3, pageNo: 1, pageSize: 10 },
    );
    const last = await s.call('stations', { pageNo: 3, pageSize: 10 });
    assert.equal(last.data.list.length, 5);
    const all = await s.call('stations', { pageNo: 1 });
    assert.equal(all.data.pageSize, 100);
    assert.equal(all.data.list.length, 25);
    const p = all.data.list[0];
    const plant = s.sim.fleet.plant(p.plantCode);
    assert.deepEqual(Object.keys(p).sort(), [
      'capacity',
      'contactMethod',
      'contactPerson',
      'gridConnectionDate',
      'latitude',
      'longitude',
      'plantAddress',
      'plantCode',
      'plantName',
    ]);
    assert.equal(p.capacity, plant.capacity);
    assert.match(p.gridConnectionDate, /^\d{4}-\d\d-\d\dT00:00:00[+-]\d\d:\d\d$/);
  });

  it('filters stations by grid-connection time; only a start means up to now', async function () {
    const from = Date.parse('2022-06-01T00:00:00Z');
    const r = await s.call('stations', { pageNo: 1, gridConnectedStartTime: from });
    const expected = s.sim.fleet.plants.filter((p) => Date.parse(p.gridConnectionDate) >= from).length;
    assert.ok(expected > 0 && expected < 25);
    assert.equal(r.data.total, expected);
    const upTo = await s.call('stations', { pageNo: 1, gridConnectedEndTime: from - 1 });
    assert.equal(upTo.data.total, 25 - expected);
  });

  it('answers the paging failCodes', async function () {
    for (const [body, code] of [
      [{}, 30004],
      [{ pageNo: 0 }, 30021],
      [{ pageNo: 'x' }, 30021],
      [{ pageNo: 1, pageSize: 25 }, 30006],
      [{ pageNo: 1, gridConnectedStartTime: 5, gridConnectedEndTime: 4 }, 20023],
    ]) {
      const r = await s.call('stations', body);
      assert.equal(r.failCode, code, JSON.stringify(body));
      assert.equal(r.success, false);
    }
  });

  it('lists plants of an old account with getStationList: capacity in MW, states as strings', async function () {
    const r = await s.call('getStationList', {}, { username: 'old', password: 'p' });
    assert.equal(r.failCode, 0);
    assert.equal(r.data.length, 25);
    const item = r.data[0];
    const plant = s.sim.fleet.plant(item.stationCode);
    assert.equal(item.capacity, plant.capacity / 1000);
    assert.equal(item.buildState, '2');
    assert.equal(item.combineType, plant.capacity < 30 ? '3' : '2');
    assert.equal(item.stationName, plant.plantName);
  });

  it('lists devices of up to 100 plants with V6 type ids and 16-digit Long ids', async function () {
    const r = await s.call('getDevList', { stationCodes: s.codes() });
    assert.equal(r.failCode, 0);
    const types = new Set(r.data.map((d) => d.devTypeId));
    for (const t of [1, 17, 39, 62, 46, 2]) assert.ok(types.has(t), `type ${t}`);
    assert.ok(types.has(38) || types.has(47) || types.has(41) || types.has(10));
    for (const d of r.data) {
      assert.equal(String(d.id).length, 16, String(d.id));
      assert.ok(Number.isSafeInteger(d.id));
      assert.equal(d.invType === null, d.devTypeId !== 1 && d.devTypeId !== 38, `${d.devTypeId} ${d.invType}`);
    }
    assert.equal(new Set(r.data.map((d) => d.id)).size, r.data.length);
    // The V7 fleet's devices, one for one, plus the EMI of commercial plants.
    const v7 = s.sim.fleet.plants.reduce((n, p) => n + p.devices.length, 0);
    assert.equal(r.data.filter((d) => d.devTypeId !== 10).length, v7);
    const sns = new Set(s.sim.fleet.devices().map((d) => d.sn));
    for (const d of r.data.filter((x) => x.devTypeId !== 10)) assert.ok(sns.has(d.esnCode));
  });

  it('answers getDevList failCodes: none, over 100, unknown and unauthorised plants', async function () {
    const many = Array.from({ length: 101 }, (_, i) => `NE=${33554432 + i}`).join(',');
    for (const [body, code, user] of [
      [{}, 20010],
      [{ stationCodes: '' }, 20010],
      [{ stationCodes: many }, 20014],
      [{ stationCodes: 'NE=1' }, 20007],
      [{ stationCodes: 'NE=33554433' }, 20045, { username: 'one', password: 'p' }],
    ]) {
      const r = await s.call('getDevList', body, user);
      assert.equal(r.failCode, code, JSON.stringify(body));
    }
    const own = await s.call('getDevList', { stationCodes: ['NE=33554432'] }, { username: 'one', password: 'p' });
    assert.ok(own.data.length > 0);
    assert.ok(own.data.every((d) => d.stationCode === 'NE=33554432'));
  });
});
