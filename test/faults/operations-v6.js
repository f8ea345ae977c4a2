'use strict';
// Valid inputs for the V6 (/thirdData/) operations, by node type: the fault engine runs them
// on a V6 account (engine option api: 'v6') whose user was created before 2022-06-30 (so the
// to-be-offline five-minute interface answers) and has the restricted convergence interface
// ticked. V7 operations of the same names (plantList, realtimeKpi, ...) keep their V7 rows.
const { USER } = require('../helpers/sim');
const { v6Fleet } = require('../../dist/src/simulator/v6/devices');

const DAY = 86_400_000;
const INTERFACES = [
  'stations',
  'getStationList',
  'getStationRealKpi',
  'getKpiStationHour',
  'getKpiStationDay',
  'getKpiStationMonth',
  'getKpiStationYear',
  'getDevList',
  'getDevRealKpi',
  'getDevHistoryKpi',
  'getDevFiveMinutes',
  'getDevKpiDay',
  'getDevKpiMonth',
  'getDevKpiYear',
  'getAlarmList',
  'cs/getInventerRealKpi',
];
/** The fault suite's user as the V6 interface sees it. */
const V6_USER = { ...USER, v6: { created: '2021-03-01', interfaces: INTERFACES } };

const codes = (sim, n = 3) => sim.fleet.plants.slice(0, n).map((p) => p.plantCode);
const ofType = (sim, t) => [...v6Fleet(sim).byId.values()].filter((d) => d.devTypeId === t);
const ids = (sim, t, n = 3) =>
  ofType(sim, t)
    .slice(0, n)
    .map((d) => String(d.id));
const yesterday = (now) => new Date(now - DAY).toISOString().slice(0, 10);

const OPERATION_ROWS_V6 = {
  'fusionsolar-plant-data': ['hourKpi', 'dayKpi', 'monthKpi', 'yearKpi'].map((op) => ({
    op,
    payload: ({ sim, now }) => ({ stationCodes: codes(sim), collectTime: now - DAY }),
  })),
  'fusionsolar-device-data': [
    // Without devIds: every inverter of the plants, from the device list.
    { op: 'deviceRealtimeKpi', payload: () => ({ devTypeId: 1 }) },
    {
      op: 'deviceHistoryKpi',
      payload: ({ sim, now }) => ({ devIds: ids(sim, 1), devTypeId: 1, startTime: now - 2 * 3_600_000, endTime: now }),
    },
    {
      op: 'deviceDayKpi',
      payload: ({ sim, now }) => ({ devIds: ids(sim, 39), devTypeId: 39, collectTime: now - DAY }),
    },
    { op: 'deviceMonthKpi', payload: ({ sim, now }) => ({ devIds: ids(sim, 1), devTypeId: 1, collectTime: now }) },
    { op: 'deviceYearKpi', payload: ({ sim, now }) => ({ devIds: ids(sim, 1), devTypeId: 1, collectTime: now }) },
    {
      op: 'deviceFiveMinuteKpi',
      payload: ({ sim, now }) => ({ devIds: ids(sim, 1), devTypeId: 1, collectTime: yesterday(now) }),
    },
    {
      op: 'inverterConvergence',
      payload: ({ sim }) => ({
        sns: ofType(sim, 1)
          .slice(0, 3)
          .map((d) => d.sn),
      }),
    },
  ],
  'fusionsolar-alarms': [{ op: 'alarmList', payload: ({ sim }) => ({ stationCodes: codes(sim) }) }],
};

module.exports = { OPERATION_ROWS_V6, V6_USER };
