'use strict';
// Issue 14: the simulator answers as the V7 reference does (point 12) and, in quirks mode,
// with every oddity API-NOTES.md lists (point 13). Raw HTTP, no client rules in between.
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');
const { ivState } = require('../../dist/src/simulator/routes/iv-state');
const { must } = require('../helpers/must');

/** @type {import('../../dist/src/simulator').SimUser} */

const USER = { username: 'u', password: 'p', scope: 'all' };
/** @type {import('../../dist/src/simulator').SimUser} */
const OLD = { username: 'old', password: 'p', scope: 'all', v6: { created: '2021-05-01' } };
const SUNNY = Date.UTC(2026, 5, 21, 11, 0, 0);

async function simWith(opts) {
  const clock = new VirtualClock(SUNNY, 1e9);
  const sim = await startSimulator({ plants: 4, users: [USER, OLD], clock, ...opts });
  const base = `${sim.url}/rest/openapi/pvms/v1/`;
  const tokens = new Map();
  async function token(user) {
    if (!tokens.has(user.username)) {
      const login = await fetch(`${base}login`, {
        method: 'POST',
        body: JSON.stringify({ userName: user.username, systemCode: user.password }),
      });
      tokens.set(user.username, login.headers.get('xsrf-token'));
    }
    return tokens.get(user.username);
  }
  /** The raw answer text, so long ids can be read exactly. */
  async function text(endpoint, body, user = USER, headers) {
    const res = await fetch(base + endpoint, {
      method: 'POST',
      headers: headers ?? { 'xsrf-token': await token(user) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return res.text();
  }
  const call = async (...args) => JSON.parse(await text(...args));
  return { sim, clock, call, text, token };
}

describe('simulator: answers as the V7 reference does (issue 14, point 12)', function () {
  let s;
  beforeEach(async () => (s = await simWith({})));
  afterEach(() => s.sim.close());

  it('logout takes the token from the body (xsrfToken is mandatory), not only the header', async function () {
    const token = await s.token(USER);
    const missing = await s.call('logout', {}, USER, { 'xsrf-token': token });
    assert.equal(missing.failCode, 20612);
    const bodyOnly = await s.call('logout', { xsrfToken: token }, USER, {});
    assert.equal(bodyOnly.success, true);
    assert.equal(s.sim.stats.logouts, 1);
  });

  it('rated data answers 20618 after 500 calls a day, like the other 9.6.1.x interfaces', async function () {
    const code = s.sim.fleet.plants[0].plantCode;
    let last;
    for (let i = 0; i < 501; i++) {
      last = await s.call('vpp/plantRatedData', { plantCodes: code });
      if (i < 500) assert.equal(last.failCode, 0, `call ${i + 1}`);
      s.clock.advance(7_000); // 10 a minute stay allowed
    }
    assert.equal(last.failCode, 20618);
  });

  it('20028 comes with success true, as 9.6.2.1 documents', async function () {
    const r = await s.call('community/snIsRegister', { sns: 'ABC123', account: 'nobody-here' });
    assert.equal(r.failCode, 20028);
    assert.equal(r.success, true);
  });

  it('9.2.x paging errors use 20612/20611, not the I-V codes 3000x', async function () {
    const code = s.sim.fleet.plants[0].plantCode;
    assert.equal((await s.call('devices', { plantCodes: code })).failCode, 20612);
    assert.equal((await s.call('plants', { pageNo: 0, pageSize: 100 })).failCode, 20611);
  });

  it('a repeated plant code is answered once; 20608 stays for the default task (9.6.1.3)', async function () {
    const [a, b] = s.sim.fleet.plants.map((p) => p.plantCode);
    const r = await s.call('vpp/plantRealtimeKpi', { plantCodes: `${a},${b},${a}` });
    assert.deepEqual(
      r.data.map((x) => x.plantCode),
      [a, b],
    );
    const h = await s.call('vpp/plantHistoryKpi', {
      plantCodes: `${a}, ${a}`,
      startTime: SUNNY - 3_600_000,
      endTime: SUNNY,
    });
    assert.equal(h.failCode, 0);
    assert.equal(h.data.length, 1);
    const d = await s.call('vpp/plantDefaultSetting', {
      tasks: [
        { plantCode: a, activePowerVariationGradient: 1 },
        { plantCode: a, activePowerVariationGradient: 2 },
      ],
    });
    assert.equal(d.failCode, 20608);
  });

  it('fault list pvIndex is a String, as the 9.4.5 table types it', async function () {
    const inverter = s.sim.fleet.plants[1].devices.find((d) => d.deviceTypeId === 20822).dn;
    const created = await s.call('iv/scanTask', {
      taskName: 't',
      dns: inverter,
      cleanStatus: 0,
      environmentalParameters: 1,
      modulePlaneIrradiance: 900,
      moduleBackSurfaceTemperature: 30,
      scanPointNum: 128,
    });
    s.clock.advance(10 * 60_000);
    const faults = await s.call('iv/scanTask/faultList', { taskId: created.data.taskId, pageNo: 1, pageSize: 100 });
    assert.ok(faults.data.list.length > 0);
    assert.ok(faults.data.list.every((f) => typeof f.pvIndex === 'string'));
  });
});

describe('simulator: quirks mode (issue 14, point 13)', function () {
  let s;
  beforeEach(async () => (s = await simWith({ quirks: true })));
  afterEach(() => s.sim.close());

  it(
    'device list: a bare array with every device whatever the page, dataltemMap on every other ' + 'device',
    async function () {
      const codes = s.sim.fleet.plants.map((p) => p.plantCode).join(',');
      const all = s.sim.fleet.devices().length;
      const page1 = await s.call('devices', { plantCodes: codes, pageNo: 1, pageSize: 50 });
      s.clock.advance(61_000);
      const page2 = await s.call('devices', { plantCodes: codes, pageNo: 2, pageSize: 50 });
      assert.ok(Array.isArray(page1.data));
      assert.equal(page1.data.length, all);
      assert.deepEqual(page2.data, page1.data);
      assert.ok(page1.data.some((d) => 'dataltemMap' in d) && page1.data.some((d) => 'dataItemMap' in d));
    },
  );

  it('plants: "" coordinates and numeric strings; realtime: healthState 3, dataltemMap, "N/A"', async function () {
    const list = (await s.call('plants', { pageNo: 1, pageSize: 100 })).data.list;
    assert.ok(list.some((p) => p.longitude === '' && p.latitude === ''));
    assert.ok(list.every((p) => typeof p.capacity === 'string' && Number.isFinite(Number(p.capacity))));
    const codes = s.sim.fleet.plants.map((p) => p.plantCode).join(',');
    const rt = (await s.call('vpp/plantRealtimeKpi', { plantCodes: codes })).data;
    assert.ok(rt.some((x) => 'dataltemMap' in x) && rt.some((x) => 'dataItemMap' in x));
    const maps = rt.map((x) => x.dataItemMap ?? x.dataltemMap);
    assert.ok(maps.every((m) => Number(m.healthState) === 3));
    assert.ok(maps.some((m) => typeof m.dayEnergy === 'string'));
  });

  it('history: both time-offset spellings; 9.5.1 refused (401) to users created after 2022-06-30', async function () {
    const codes = s.sim.fleet.plants.map((p) => p.plantCode);
    const h = (
      await s.call('vpp/plantHistoryKpi', { plantCodes: codes.join(','), startTime: SUNNY - 3_600_000, endTime: SUNNY })
    ).data;
    const times = h.map((p) => p.dataItem[0].dataTime);
    assert.ok(
      times.some((t) => /\.\d{3}[+-]\d{4}$/.test(t)) && times.some((t) => /[+-]\d{2}:\d{2}$/.test(t)),
      times.join(' '),
    );
    const body = { plantCode: codes[0], startTime: SUNNY - 3_600_000, endTime: SUNNY };
    assert.equal((await s.call('vpp/plantFiveMinutesKpi', body)).failCode, 401);
    assert.equal((await s.call('vpp/plantFiveMinutesKpi', body, OLD)).failCode, 0);
  });

  it('charge status: startTime/endTime on every other subtask, as the second 9.3.5 example item', async function () {
    const codes = s.sim.fleet.plants
      .filter((p) => p.devices.some((d) => d.deviceTypeId === 20815))
      .map((p) => p.plantCode);
    assert.ok(codes.length >= 2);
    await s.call('vpp/chargeAndDischarge', {
      plantCodes: codes.join(','),
      dispatchSwitch: 2,
      controlType: 2,
      dispatchTime: 30,
      requestID: 77,
    });
    const items = (await s.call('vpp/chargeAndDischargeStatus', { requestID: 77 })).data;
    assert.ok(items.some((i) => 'startTime' in i && !('execStartTime' in i)));
    assert.ok(items.some((i) => 'execStartTime' in i));
  });

  it(
    'I-V: task ids beyond 2^53 (exact in the JSON text, some negative), cleanStatus 2, ' + 'inveterName/stringImIoc',
    async function () {
      const inverter = s.sim.fleet.plants[1].devices.find((d) => d.deviceTypeId === 20822).dn;
      const ids = [];
      for (let i = 0; i < 6; i++) {
        const raw = await s.text('iv/scanTask', {
          taskName: `t${i}`,
          dns: inverter,
          cleanStatus: 1,
          environmentalParameters: 1,
          modulePlaneIrradiance: 900,
          moduleBackSurfaceTemperature: 30,
          scanPointNum: 128,
        });
        const id = must(/"taskId":(-?\d+)/.exec(raw), 'the taskId in the text')[1];
        ids.push(id);
        assert.ok(ivState(s.sim).tasks.has(id), "the id in the text is the task's exact id");
        s.clock.advance(10 * 60_000);
      }
      assert.ok(ids.every((id) => BigInt(id) > 2n ** 53n || BigInt(id) < -(2n ** 53n)));
      assert.ok(ids.some((id) => id.startsWith('-')));
      // The id sent back as a number literal finds its task.
      const status = await s.call('iv/scanTask/status', `{"taskId":${ids[5]},"pageNo":1,"pageSize":10}`);
      assert.equal(status.failCode, 0);
      const list = await s.call('iv/tasks', { pageNo: 1, pageSize: 10 });
      assert.ok(list.data.list.every((t) => t.cleanStatus === 2));
      const faults = (await s.call('iv/scanTask/faultList', `{"taskId":${ids[0]},"pageNo":1,"pageSize":100}`)).data
        .list;
      assert.ok(faults.length > 0);
      assert.ok(faults.every((f) => 'inveterName' in f && 'stringImIoc' in f && !('inverterName' in f)));
    },
  );
});
