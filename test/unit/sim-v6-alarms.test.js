'use strict';
const assert = require('node:assert/strict');
const { v6Sim } = require('../helpers/sim-v6');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('simulator V6: alarms (getAlarmList)', function () {
  let s;
  before(async function () {
    s = await v6Sim({ plants: 6 });
  });
  after(() => s.sim.close());
  const list = (extra = {}) =>
    s.call('getAlarmList', {
      stationCodes: s.codes(),
      beginTime: 0,
      endTime: s.clock.now(),
      language: 'en_US',
      ...extra,
    });
  const key = (a) => `${a.esnCode}|${a.alarmId}|${a.raiseTime}`;

  it('raises and clears alarms as simulated time passes', async function () {
    const seen = new Map();
    let cleared = 0;
    for (let step = 0; step < 96; step++) {
      const r = await list();
      assert.equal(r.failCode, 0);
      const now = new Set();
      for (const a of r.data) {
        now.add(key(a));
        assert.ok(a.raiseTime <= s.clock.now());
        if (!seen.has(key(a))) seen.set(key(a), a);
      }
      for (const k of seen.keys())
        if (!now.has(k) && !seen.get(k).gone) {
          seen.get(k).gone = true;
          cleared++;
        }
      s.clock.advance(30 * MINUTE);
    }
    assert.ok(seen.size >= 3, `${seen.size} alarms in two days`);
    assert.ok(cleared >= 2, `${cleared} cleared`);
    const a = [...seen.values()][0];
    assert.deepEqual(
      Object.keys(a)
        .filter((k) => k !== 'gone')
        .sort(),
      [
        'alarmCause',
        'alarmId',
        'alarmName',
        'alarmType',
        'causeId',
        'devName',
        'devTypeId',
        'esnCode',
        'lev',
        'raiseTime',
        'repairSuggestion',
        'stationCode',
        'stationName',
        'status',
      ].sort(),
    );
    const devices = await s.devices();
    const dev = devices.find((d) => d.esnCode === a.esnCode);
    assert.equal(dev.devTypeId, a.devTypeId);
    assert.equal(dev.devName, a.devName);
  });

  it('is the same for the same seed and clock, and differs with another seed', async function () {
    const other = await v6Sim({ plants: 6, start: s.clock.now() });
    const third = await v6Sim({ plants: 6, start: s.clock.now(), seed: 7 });
    try {
      const mine = (await list()).data.map(key);
      const body = { stationCodes: s.codes(), beginTime: 0, endTime: s.clock.now(), language: 'en_US' };
      assert.deepEqual((await other.call('getAlarmList', body)).data.map(key), mine);
      let differs = false;
      for (let i = 0; i < 8 && !differs; i++) {
        const b = { ...body, endTime: third.clock.now() };
        const x = (await third.call('getAlarmList', b)).data.map(key).join();
        const y = (await other.call('getAlarmList', b)).data.map(key).join();
        differs = x !== y;
        third.clock.advance(6 * HOUR);
        other.clock.advance(6 * HOUR);
      }
      assert.ok(differs);
    } finally {
      await other.sim.close();
      await third.sim.close();
    }
  });

  it(
    'filters by level, device type, alarm type, status, device name and raise time; speaks the ' + 'language asked',
    async function () {
      let all = (await list()).data;
      for (let i = 0; all.length < 2 && i < 20; i++) {
        s.clock.advance(2 * HOUR);
        all = (await list()).data;
      }
      assert.ok(all.length >= 2);
      const a = all[0];
      const only = async (extra, pred) => {
        const r = await list(extra);
        assert.equal(r.failCode, 0, JSON.stringify(extra));
        assert.deepEqual(r.data.map(key), all.filter(pred).map(key), JSON.stringify(extra));
      };
      await only({ levels: String(a.lev) }, (x) => x.lev === a.lev);
      await only({ devTypes: `${a.devTypeId},62` }, (x) => x.devTypeId === a.devTypeId || x.devTypeId === 62);
      await only({ types: String(a.alarmType) }, (x) => x.alarmType === a.alarmType);
      await only({ status: String(a.status) }, (x) => x.status === a.status);
      await only({ devName: a.devName }, (x) => x.devName === a.devName);
      await only({ beginTime: a.raiseTime }, (x) => x.raiseTime >= a.raiseTime);
      await only({ stationCodes: a.stationCode }, (x) => x.stationCode === a.stationCode);
      await only({ stationCodes: '', sns: a.esnCode }, (x) => x.esnCode === a.esnCode);
      const zh = (await list({ language: 'zh_CN' })).data.find((x) => key(x) === key(a));
      assert.notEqual(zh.alarmName, a.alarmName);
      assert.match(zh.alarmName, /[\u4e00-\u9fff]/);
    },
  );

  it('answers the alarm failCodes', async function () {
    const now = s.clock.now();
    const base = { stationCodes: s.codes(), beginTime: now - HOUR, endTime: now, language: 'en_US' };
    const cases = [
      [{ ...base, stationCodes: '' }, 20010],
      [{ ...base, beginTime: undefined, endTime: undefined }, 20012],
      [{ ...base, endTime: undefined }, 30007],
      [{ ...base, beginTime: now + 1 }, 20023],
      [{ ...base, language: '' }, 20024],
      [{ ...base, language: 'en' }, 20025],
      [{ ...base, levels: '5' }, 30030],
      [{ ...base, status: '1,x' }, 30030],
      [{ ...base, stationCodes: 'NE=1' }, 20007],
    ];
    for (const [body, code] of cases)
      assert.equal((await s.call('getAlarmList', body)).failCode, code, JSON.stringify(body));
  });
});
