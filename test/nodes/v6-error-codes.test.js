'use strict';
// Every V6 operation against every code of the V6 error list its interface can answer: the
// simulator answers the code (by its own validation where a request can provoke it, else by
// a failCode fault), and the node reports that code with the reference's text, a solution,
// the endpoint and a red status, after exactly one call (two for 305: one login again).
const assert = require('node:assert/strict');
const { describeCode } = require('../../dist/src/client/error-catalogue');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness } = require('../helpers/flow');
const { TEXT, codesOf } = require('../helpers/v6-codes');
const { must } = require('../helpers/must');

const MINE = 'NE=33554432';
const OTHERS = 'NE=33554433';
/** The first plant's string inverter and one of the second plant's (seeded fleet of 3 plants). */
const INVERTER = { id: '1000001009000000', sn: '1025H9MVG8VRA6HP' };
const FOREIGN = { id: '1000001009006054', sn: '102A3PASW3GT4Z6Q' };
const BATTERY_SN = 'HV0GU1L1926SJ05U';
const SCOPE = [MINE];
/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'codes', password: 'c0des-Passw0rd!', scope: SCOPE };
/** @type {import('../../dist/src/simulator').SimUser} */
const OLD = { username: 'codes-old', password: 'c0des-0ld-Passw0rd!', scope: SCOPE, v6: { created: '2021-03-01' } };
/** @type {import('../../dist/src/simulator').SimUser} */
const CS = {
  username: 'codes-cs',
  password: 'c0des-cs-Passw0rd!',
  scope: SCOPE,
  v6: { interfaces: ['stations', 'getDevList', 'cs/getInventerRealKpi'] },
};
const DAY = 86_400_000;

const plantsArg = { 20007: { stationCodes: 'NE=99999999' }, 20045: { stationCodes: OTHERS } };
const devicesArg = {
  20006: { devIds: INVERTER.id, devTypeId: 38 },
  20008: { devIds: '1234567890123456', devTypeId: 1 },
  20046: { devIds: FOREIGN.id, devTypeId: 1 },
};
const devices = { devIds: INVERTER.id, devTypeId: 1 };

/**
 * Each operation: the interface it calls, who calls it, a payload that makes exactly that
 * call, and the payloads that make the simulator's own validation answer a code.
 */
/**
 * @type {Array<{ type: string, op: string, endpoint: string, payload: object, provoke?: Record<string, object>,
 *   user?: import('../../dist/src/simulator').SimUser, last?: number[], reportedBy?: Record<string, string> }>}
 */
const OPERATIONS = [
  // stations refused (401): the account falls back to
  // getStationList, which new users may not call either, and keeps to it.
  {
    type: 'fusionsolar-plants',
    op: 'plantList',
    endpoint: 'thirdData/stations',
    payload: {},
    reportedBy: { 401: 'thirdData/getStationList' },
    last: [401],
  },
  {
    type: 'fusionsolar-plants',
    op: 'deviceList',
    endpoint: 'thirdData/getDevList',
    payload: { stationCodes: MINE },
    provoke: plantsArg,
  },
  {
    type: 'fusionsolar-plant-data',
    op: 'realtimeKpi',
    endpoint: 'thirdData/getStationRealKpi',
    payload: { stationCodes: MINE },
    provoke: plantsArg,
  },
  ...['Hour', 'Day', 'Month', 'Year'].map((p) => ({
    type: 'fusionsolar-plant-data',
    op: `${p.toLowerCase()}Kpi`,
    endpoint: `thirdData/getKpiStation${p}`,
    payload: { stationCodes: MINE, collectTime: '2026-06-20' },
    provoke: plantsArg,
  })),
  {
    type: 'fusionsolar-device-data',
    op: 'deviceRealtimeKpi',
    endpoint: 'thirdData/getDevRealKpi',
    payload: devices,
    provoke: devicesArg,
  },
  {
    type: 'fusionsolar-device-data',
    op: 'deviceHistoryKpi',
    endpoint: 'thirdData/getDevHistoryKpi',
    payload: (now) => ({ ...devices, startTime: now - 3_600_000, endTime: now }),
    provoke: devicesArg,
  },
  ...['Day', 'Month', 'Year'].map((p) => ({
    type: 'fusionsolar-device-data',
    op: `device${p}Kpi`,
    endpoint: `thirdData/getDevKpi${p}`,
    payload: { ...devices, collectTime: '2026-06-20' },
    provoke: devicesArg,
  })),
  {
    type: 'fusionsolar-device-data',
    op: 'deviceFiveMinuteKpi',
    endpoint: 'thirdData/getDevFiveMinutes',
    user: OLD,
    payload: { ...devices, collectTime: '2026-06-20' },
    provoke: devicesArg,
  },
  {
    type: 'fusionsolar-device-data',
    op: 'inverterConvergence',
    endpoint: 'thirdData/cs/getInventerRealKpi',
    user: CS,
    payload: { sns: INVERTER.sn },
    provoke: { 20013: { sns: BATTERY_SN }, 20046: { sns: FOREIGN.sn } },
  },
  {
    type: 'fusionsolar-alarms',
    op: 'alarmList',
    endpoint: 'thirdData/getAlarmList',
    payload: { stationCodes: MINE },
    provoke: plantsArg,
  },
];

/**
 * How the simulator is made to answer `code` to the next call
 * of `endpoint`: a fault, or none when the payload provokes it.
 */
function arm(sim, endpoint, code, provoked) {
  if (provoked) return;
  // The token dies before each of the two tries: the node logs in again once, then reports it.
  if (code === 305) sim.inject({ kind: 'revoke', endpoint, times: 2 });
  else if (code === 407) sim.inject({ kind: 'quota407', endpoint });
  else sim.inject({ kind: 'failCode', endpoint, code });
}

describe('V6 error list: every code each operation can get, reported as the reference words it', function () {
  for (const o of OPERATIONS) {
    describe(`${o.type} ${o.op} (${o.endpoint})`, function () {
      let sim;
      let clock;
      let h;
      const user = o.user ?? USER;
      before(async function () {
        // Server quotas off and the account's too: every 407 here is the one the row asks for.
        ({ sim, clock } = await virtualSim({ plants: 3, users: [USER, OLD, CS], quotas: false }));
        const node = { type: o.type, operation: o.op };
        await load(flowWith(sim, node, { accountExtra: { api: 'v6', quotaProfile: 'off' } }), {
          acc: { username: user.username, password: user.password },
        });
        h = harness();
        const ok = await h.send({ payload: payloadOf(o, clock) });
        assert.equal(ok.error, undefined, ok.error && ok.error.message);
      });
      after(async function () {
        await helper.unload();
        await stopSim(sim);
      });

      const last = o.last ?? [];
      for (const code of [...codesOf(o.endpoint).filter((c) => !last.includes(c)), ...last]) {
        const provoked = o.provoke && o.provoke[code];
        it(`${code}${provoked ? " (the simulator's own check)" : ''}`, async function () {
          const calls = () => sim.stats.byEndpoint[o.endpoint] ?? 0;
          const logins = sim.stats.logins;
          const before = calls();
          arm(sim, o.endpoint, code, provoked);
          const r = await h.send({ payload: { ...payloadOf(o, clock), ...provoked } });
          assert.equal(sim.faults.pending, 0, 'the armed fault answered');
          assert.ok(r.error, `${o.op} reported no error for ${code}`);
          assert.equal(r.error.code, String(code), r.error.message);
          assert.equal(r.out.length, 0, 'no output message');
          const reported = r.caught.fusionsolar.error;
          if (code === 20400) assert.ok(reported.message.startsWith(TEXT[code]));
          else assert.equal(reported.message, TEXT[code]);
          assert.equal(
            reported.solution,
            must(describeCode(code, 'en-us', 'v6'), 'describeCode(code, "en-us", "v6")').solution,
          );
          // V6 names devices by devIds or sns; V7's dn means nothing to a V6 flow.
          if (code === 20005) assert.match(reported.solution, /\(devIds\) or device SN \(sns\)/);
          assert.ok(reported.solution.length > 10);
          assert.equal(reported.endpoint, (o.reportedBy && o.reportedBy[code]) || o.endpoint);
          assert.equal(calls() - before, code === 305 ? 2 : 1, 'sent once (305: once more after one login)');
          assert.equal(sim.stats.logins - logins, code === 305 ? 1 : 0);
          const status = h.seen.statuses[h.seen.statuses.length - 1].status;
          assert.equal(status.fill, 'red');
          if (code !== 407) assert.match(status.text, new RegExp(String(code)));
          if (code === 305) {
            // The next message logs in again by itself and works.
            const after = await h.send({ payload: payloadOf(o, clock) });
            assert.equal(after.error, undefined, after.error && after.error.message);
          }
        });
      }
    });
  }
});

function payloadOf(o, clock) {
  const now = Math.floor(clock.now() / 300_000) * 300_000;
  return typeof o.payload === 'function' ? o.payload(now - DAY) : o.payload;
}
