'use strict';
// Every endpoint's "Interface Invoking Suggestion" from the V7 reference, written out as
// data. Whoever wires an operation gets a failing test here if its quota rule disagrees.
const assert = require('node:assert/strict');
const { allOperations, innerOperations } = require('../../dist/src/api');
const { SESSION_RULES, limitCount, isDaily } = require('../../dist/src/client');
const { must } = require('../helpers/must');

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const up = Math.ceil;

/**
 * limits: documented count per window as a function of (plants, devices, calls per device
 * type: `t(devicesPerCall, types)`); lane: "Only one concurrent request is supported per minute".
 * @typedef {(devicesPerCall: number, types?: number[]) => number} PerType
 * @type {Array<{ section: string, endpoint: string, lane?: boolean,
 *   limits: Array<[number, (plants: number, devices: number, perType: PerType) => number]> }>}
 */
const DOCUMENTED = [
  { section: '9.1.1', endpoint: 'login', limits: [[10 * MIN, () => 5]] },
  { section: '9.1.2', endpoint: 'logout', limits: [[10 * MIN, () => 5]] },
  {
    section: '9.2.1',
    endpoint: 'plants',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 50) * 10 + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: '9.2.2',
    endpoint: 'devices',
    lane: true,
    limits: [
      [DAY, (p, d) => up(d / 50) * 10 + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: '9.3.1',
    endpoint: 'vpp/plants',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) * 10 + 24],
      [MIN, () => 1],
    ],
  },
  { section: '9.3.2', endpoint: 'vpp/plantRealtimeKpi', limits: [[5 * MIN, (p) => up(p / 100)]] },
  {
    section: '9.3.3',
    endpoint: 'vpp/plantHistoryKpi',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  { section: '9.3.4', endpoint: 'vpp/chargeAndDischarge', limits: [[MIN, () => 1]] },
  { section: '9.3.5', endpoint: 'vpp/chargeAndDischargeStatus', limits: [[MIN, () => 1]] },
  { section: '9.3.6', endpoint: 'vpp/dod', limits: [[MIN, () => 1]] },
  { section: '9.3.7', endpoint: 'vpp/devOnOff', limits: [[MIN, () => 1]] },
  { section: '9.3.8', endpoint: 'vpp/ems', limits: [[MIN, () => 1]] },
  { section: '9.4.1', endpoint: 'iv/tasks', limits: [[MIN, () => 10]] },
  { section: '9.4.2', endpoint: 'iv/scanTask', limits: [[MIN, () => 10]] },
  { section: '9.4.3', endpoint: 'iv/revokeTask', limits: [[MIN, () => 10]] },
  { section: '9.4.4', endpoint: 'iv/scanTask/status', limits: [[MIN, () => 10]] },
  { section: '9.4.5', endpoint: 'iv/scanTask/faultList', limits: [[MIN, () => 10]] },
  { section: '9.4.6', endpoint: 'iv/scanTask/ivdata', limits: [[MIN, () => 10]] },
  { section: '9.4.7', endpoint: 'iv/pvConfig', limits: [[MIN, () => 10]] },
  { section: '9.4.8', endpoint: 'iv/pvConfig/detail', limits: [[MIN, () => 10]] },
  { section: '9.4.9', endpoint: 'iv/pvConfig/configuration', limits: [[MIN, () => 10]] },
  { section: '9.4.10', endpoint: 'iv/pvConfig/modules', limits: [[MIN, () => 10]] },
  { section: '9.4.11', endpoint: 'iv/pvConfig/module', limits: [[MIN, () => 10]] },
  { section: '9.4.12', endpoint: 'iv/scanTask/pvResultList', limits: [[MIN, () => 10]] },
  {
    section: '9.5.1',
    endpoint: 'vpp/plantFiveMinutesKpi',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  { section: '9.6.1.1', endpoint: 'vpp/snEnrolment', limits: [[MIN, () => 1]] },
  { section: '9.6.1.2', endpoint: 'vpp/acEnrolment', limits: [[MIN, () => 1]] },
  {
    section: '9.6.1.3',
    endpoint: 'vpp/plantDefaultSetting',
    limits: [
      [MIN, () => 10],
      [DAY, () => 1000],
    ],
  },
  {
    section: '9.6.1.4',
    endpoint: 'vpp/plantDefaultSettingStatus',
    limits: [
      [MIN, () => 10],
      [DAY, () => 1000],
    ],
  },
  {
    section: '9.6.1.5',
    endpoint: 'vpp/plantRatedData',
    limits: [
      [MIN, () => 10],
      [DAY, () => 500],
    ],
  },
  {
    section: '9.6.1.6',
    endpoint: 'vpp/drm',
    limits: [
      [MIN, () => 10],
      [DAY, () => 1000],
    ],
  },
  {
    section: '9.6.1.7',
    endpoint: 'vpp/drmStatus',
    limits: [
      [MIN, () => 10],
      [DAY, () => 1000],
    ],
  },
  { section: '9.6.2.1', endpoint: 'community/snIsRegister', limits: [[MIN, () => 100]] },
  // V6 "Access Restrictions" (new policy). t(per) sums Roundup(devices of each type / per) over the fleet's types.
  // stations is newer than the 2022 reference: the lower of the readings in use (the simulator's).
  {
    section: 'V6 stations',
    endpoint: 'thirdData/stations',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) * 10 + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.3',
    endpoint: 'thirdData/getStationList',
    lane: true,
    limits: [
      [DAY, () => 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.4.1',
    endpoint: 'thirdData/getStationRealKpi',
    lane: true,
    limits: [
      [5 * MIN, (p) => up(p / 100)],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.4.2',
    endpoint: 'thirdData/getKpiStationHour',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.4.3',
    endpoint: 'thirdData/getKpiStationDay',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.4.4',
    endpoint: 'thirdData/getKpiStationMonth',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.4.5',
    endpoint: 'thirdData/getKpiStationYear',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.5',
    endpoint: 'thirdData/getDevList',
    lane: true,
    limits: [
      [DAY, (p) => up(p / 100) + 24],
      [MIN, () => 1],
    ],
  },
  { section: 'V6 6.1.6.1', endpoint: 'thirdData/getDevRealKpi', limits: [[5 * MIN, (p, d, t) => t(100)]] },
  {
    section: 'V6 6.1.6.2',
    endpoint: 'thirdData/getDevHistoryKpi',
    lane: true,
    limits: [
      [DAY, (p, d, t) => t(10) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.6.3',
    endpoint: 'thirdData/getDevKpiDay',
    lane: true,
    limits: [
      [DAY, (p, d, t) => t(100, REPORT) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.6.4',
    endpoint: 'thirdData/getDevKpiMonth',
    lane: true,
    limits: [
      [DAY, (p, d, t) => t(100, REPORT) + 24],
      [MIN, () => 1],
    ],
  },
  {
    section: 'V6 6.1.6.5',
    endpoint: 'thirdData/getDevKpiYear',
    lane: true,
    limits: [
      [DAY, (p, d, t) => t(100, REPORT) + 24],
      [MIN, () => 1],
    ],
  },
  { section: 'V6 6.1.7', endpoint: 'thirdData/getAlarmList', limits: [[30 * MIN, (p) => up(p / 100)]] },
  { section: 'V6 6.3.1', endpoint: 'thirdData/cs/getInventerRealKpi', lane: true, limits: [[60 * MIN, () => 1]] },
  { section: 'V6 6.4.1', endpoint: 'thirdData/getDevFiveMinutes', limits: [[DAY, (p, d, t) => t(100) + 24]] },
];

/**
 * The worked examples' fleets: n inverters (type 1) and n grid
 * meters (type 17); dongles (62) have no data interface to count for.
 */
const byTypes = (n) => ({ 1: n, 17: n, 62: n });
/** Types with real-time and history data (6.1.6.1), and with day/month/year reports (6.1.6.3). */
const REAL = [1, 10, 17, 38, 39, 41, 47];
const REPORT = [1, 38, 39, 41];
const perType =
  (byType) =>
  (per, types = REAL) =>
    Object.entries(byType)
      .filter(([t]) => types.includes(Number(t)))
      .reduce((s, [, c]) => s + up(c / per), 0);

const FLEETS = [1, 20, 120, 1000];

function assertMatches(doc, rule, who) {
  const windows = rule.limits.map((l) => l.windowMs).sort((a, b) => a - b);
  assert.deepEqual(
    windows,
    doc.limits.map(([w]) => w).sort((a, b) => a - b),
    `${who}: windows`,
  );
  for (const [windowMs, count] of doc.limits) {
    const limit = rule.limits.find((l) => l.windowMs === windowMs);
    if (windowMs === DAY) assert.ok(isDaily(limit), `${who}: the per-day limit must be a daily budget (kind 'day')`);
    for (const n of FLEETS) {
      const ctx = { plants: n, devices: n, devicesByType: byTypes(n) };
      assert.equal(
        limitCount(limit, ctx),
        count(n, n, perType(ctx.devicesByType)),
        `${who}: calls per ${windowMs / MIN} min at ${n} plants/devices`,
      );
    }
  }
  if (doc.lane) assert.equal(rule.lane, true, `${who}: "only one concurrent request" needs lane: true`);
}

/**
 * The documented count of `endpoint` in its window of `windowMs`.
 * @param {string} endpoint
 * @param {number} windowMs
 */
function limitOf(endpoint, windowMs) {
  const doc = must(
    DOCUMENTED.find((d) => d.endpoint === endpoint),
    endpoint,
  );
  return must(
    doc.limits.find(([w]) => w === windowMs),
    `${endpoint} per ${windowMs} ms`,
  )[1];
}

/** V7 rules count no device types: a V7 formula that asked for them fails the test. */
const noPerType = () => assert.fail('a V7 rule counts calls per device type');

describe("quota rules agree with the reference's Interface Invoking Suggestions", function () {
  // Inner calls (V6's getStationList fallback) have rules of their own the client is given.
  const ops = [...allOperations(), ...innerOperations()];

  it("the data table itself reproduces the reference's worked examples", function () {
    const at = (endpoint, windowMs, n) => limitOf(endpoint, windowMs)(n, n, noPerType);
    assert.deepEqual(
      [20, 120].map((n) => at('plants', DAY, n)),
      [34, 54],
    );
    assert.deepEqual(
      [20, 120].map((n) => at('devices', DAY, n)),
      [34, 54],
    );
    assert.deepEqual(
      [20, 120].map((n) => at('vpp/plants', DAY, n)),
      [34, 44],
    );
    assert.deepEqual(
      [20, 120].map((n) => at('vpp/plantRealtimeKpi', 5 * MIN, n)),
      [1, 2],
    );
    assert.deepEqual(
      [20, 120].map((n) => at('vpp/plantHistoryKpi', DAY, n)),
      [25, 26],
    );
    assert.deepEqual(
      [20, 120].map((n) => at('vpp/plantFiveMinutesKpi', DAY, n)),
      [25, 26],
    );
    const atV6 = (endpoint, windowMs, n) => limitOf(endpoint, windowMs)(n, 2 * n, perType(byTypes(n)));
    // V6 6.1.4.2 and 6.1.6.1-6.1.6.3: 20 or 120 plants; 20 or 120 inverters and as many meters.
    assert.deepEqual(
      [20, 120].map((n) => atV6('thirdData/getKpiStationHour', DAY, n)),
      [25, 26],
    );
    assert.deepEqual(
      [20, 120].map((n) => atV6('thirdData/getDevRealKpi', 5 * MIN, n)),
      [2, 4],
    );
    assert.deepEqual(
      [20, 120].map((n) => atV6('thirdData/getDevHistoryKpi', DAY, n)),
      [28, 48],
    );
    // The reference's example counts the meters too (26, 28), though reports serve no meter; the
    // catalogue counts only the types served (as the simulator does): never more than allowed.
    assert.deepEqual(
      [20, 120].map((n) => atV6('thirdData/getDevKpiDay', DAY, n)),
      [25, 26],
    );
    assert.deepEqual(
      [20, 120].map((n) => atV6('thirdData/getAlarmList', 30 * MIN, n)),
      [1, 2],
    );
  });

  it('V6 device formulas count each type of the interface the device list found, 1 until it is read', function () {
    const rule = must(
      ops.find((o) => o.endpoint === 'thirdData/getDevRealKpi'),
      'getDevRealKpi',
    ).quota;
    assert.equal(limitCount(rule.limits[0], { plants: 1, devices: 1, devicesByType: {} }), 1);
    assert.equal(
      limitCount(rule.limits[0], { plants: 3, devices: 350, devicesByType: { 1: 150, 17: 120, 39: 60, 62: 20 } }),
      2 + 2 + 1,
    );
  });

  for (const endpoint of ['login', 'logout']) {
    const doc = must(
      DOCUMENTED.find((d) => d.endpoint === endpoint),
      endpoint,
    );
    it(`${doc.section} ${endpoint}: the session rule`, function () {
      assertMatches(doc, SESSION_RULES[endpoint], endpoint);
    });
  }

  for (const doc of DOCUMENTED.filter((d) => !['login', 'logout'].includes(d.endpoint))) {
    const using = ops.filter((o) => o.endpoint === doc.endpoint);
    const title = `${doc.section} ${doc.endpoint}`;
    if (using.length === 0) {
      it(`${title}: an operation in the catalogue calls it`, function () {
        assert.fail(`no catalogue operation calls ${doc.endpoint}`);
      });
      continue;
    }
    it(`${title} (${using.map((o) => o.name).join(', ')}): quota and section`, function () {
      for (const op of using) {
        // A workflow over several endpoints may name their common section (runDiagnosis: 9.4).
        assert.ok(
          doc.section === op.section || doc.section.startsWith(`${op.section}.`),
          `${op.name}: section ${op.section} is not ${doc.section}`,
        );
        assertMatches(doc, op.quota, op.name);
      }
    });
  }

  it('every catalogue operation calls a documented endpoint', function () {
    const known = new Set(DOCUMENTED.map((d) => d.endpoint));
    for (const op of ops)
      assert.ok(known.has(op.endpoint), `${op.name}: ${op.endpoint} is not an endpoint of the reference`);
  });
});
