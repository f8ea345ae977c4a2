'use strict';
// V6 6.1.4 plant reports (getKpiStationHour/Day/Month/Year): collectTime picks the period
// (a day for hours, a month for days, a year for months), the plant codes as in 6.1.3.
const { huge, T0, r, editors, codeListRows } = require('./rows');

const PLANT = 'NE=33554432';
const VALID = {
  hourKpi: { stationCodes: PLANT, collectTime: T0 },
  dayKpi: { stationCodes: PLANT, collectTime: T0 },
  monthKpi: { stationCodes: PLANT, collectTime: T0 },
  yearKpi: { stationCodes: PLANT, collectTime: T0 },
};
const { set, without } = editors(VALID);

const ROWS = [
  ...Object.keys(VALID).flatMap((op) => [
    ...codeListRows(VALID, op, 'stationCodes'),
    r(op, 'collectTime missing', without(op, 'collectTime'), 'collectTime'),
    r(op, 'collectTime "yesterday"', set(op, { collectTime: 'yesterday' }), 'collectTime'),
    r(op, 'collectTime negative', set(op, { collectTime: -5 }), 'collectTime'),
    r(op, 'collectTime 1 MB', () => set(op, { collectTime: huge() }), 'collectTime'),
    r(op, 'a plant code twice', set(op, { stationCodes: `${PLANT},${PLANT}` }), 'stationCodes'),
    r(op, 'startTime (V7 history) is not a parameter', set(op, { startTime: T0 }), 'startTime'),
  ]),
  r(
    'hourKpi',
    'collectTime a month (hours need a day)',
    set('hourKpi', { collectTime: '2026-06' }),
    'collectTime',
    /day/,
  ),
  r('hourKpi', 'collectTime day 32', set('hourKpi', { collectTime: '2026-06-32' }), 'collectTime'),
  r('dayKpi', 'collectTime a year (days need a month)', set('dayKpi', { collectTime: '2026' }), 'collectTime', /month/),
];

module.exports = { type: 'fusionsolar-plant-data', api: 'v6', VALID, ROWS };
