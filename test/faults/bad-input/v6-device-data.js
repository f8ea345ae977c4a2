'use strict';
// V6 6.1.6 device data, 6.4.1 five-minute data, 6.3.1 convergence: devIds or sns (not both),
// one devTypeId the interface serves, whole-number ids named once, times and periods.
const { huge, T0, H, r, editors } = require('./rows');

const INVERTER = '1000001009000000';
const devices = { devIds: INVERTER, devTypeId: 1 };
const VALID = {
  deviceRealtimeKpi: devices,
  deviceHistoryKpi: { ...devices, startTime: T0, endTime: T0 + 6 * H },
  deviceDayKpi: { ...devices, collectTime: T0 },
  deviceMonthKpi: { ...devices, collectTime: T0 },
  deviceYearKpi: { ...devices, collectTime: T0 },
  deviceFiveMinuteKpi: { ...devices, collectTime: '2026-06-20' },
  inverterConvergence: { sns: '1025H9MVG8VRA6HP' },
};
const { set, without } = editors(VALID);
const SELECTING = Object.keys(VALID).filter((op) => op !== 'inverterConvergence');

const ROWS = [
  ...SELECTING.flatMap((op) => [
    r(op, 'devIds not numbers', set(op, { devIds: 'abc' }), 'devIds'),
    r(op, 'a device twice', set(op, { devIds: `${INVERTER},${INVERTER}` }), 'devIds'),
    r(op, 'devIds an empty list', set(op, { devIds: [] }), 'devIds'),
    r(op, 'devIds a 1 MB string', () => set(op, { devIds: huge() }), 'devIds'),
    r(op, 'devIds and sns together', set(op, { sns: 'HV0GU1L1926SJ05U' }), ['sns', 'devIds']),
    r(op, 'devTypeId "inverter"', set(op, { devTypeId: 'inverter' }), 'devTypeId'),
    r(op, 'devTypeId 62 (a Dongle: no data interface)', set(op, { devTypeId: 62 }), 'devTypeId'),
  ]),
  r('deviceHistoryKpi', 'startTime missing', without('deviceHistoryKpi', 'startTime'), 'startTime'),
  r('deviceHistoryKpi', 'startTime "later"', set('deviceHistoryKpi', { startTime: 'later' }), 'startTime'),
  r('deviceHistoryKpi', 'endTime before startTime', set('deviceHistoryKpi', { endTime: T0 - H }), [
    'endTime',
    'startTime',
  ]),
  ...['deviceDayKpi', 'deviceMonthKpi', 'deviceYearKpi', 'deviceFiveMinuteKpi'].flatMap((op) => [
    r(op, 'collectTime missing', without(op, 'collectTime'), 'collectTime'),
    r(op, 'collectTime month 13', set(op, { collectTime: '2026-13' }), 'collectTime'),
  ]),
  // The reports serve inverters and batteries only (6.1.6.3-5).
  r('deviceDayKpi', 'devTypeId 17 (a meter has no reports)', set('deviceDayKpi', { devTypeId: 17 }), 'devTypeId'),
  r(
    'deviceFiveMinuteKpi',
    'collectTime a month (one day a call)',
    set('deviceFiveMinuteKpi', { collectTime: '2026-06' }),
    'collectTime',
    /day/,
  ),
  r('inverterConvergence', 'sns a number', set('inverterConvergence', { sns: 42 }), 'sns'),
  r('inverterConvergence', 'sns an object', set('inverterConvergence', { sns: { sn: 'A' } }), 'sns'),
  r('inverterConvergence', 'sns a 1 MB string', () => set('inverterConvergence', { sns: huge() }), 'sns'),
];

module.exports = { type: 'fusionsolar-device-data', api: 'v6', VALID, ROWS };
