'use strict';
// 9.3.1 plant information, 9.3.2 real-time KPI, 9.3.3 history, 9.5.1 five-minute KPI, 9.6.1.5 rated data.
const { huge, T0, H, r, editors, codeListRows } = require('./rows');

const VALID = {
  plantInfo: { plantCodes: 'NE=33554432' },
  realtimeKpi: { plantCodes: 'NE=33554432' },
  historyKpi: { plantCodes: 'NE=33554432', startTime: T0, endTime: T0 + 6 * H },
  fiveMinuteKpi: { plantCode: 'NE=33554432', startTime: T0, endTime: T0 + 6 * H },
  ratedData: { plantCodes: 'NE=33554432' },
};
const { set, without } = editors(VALID);

const ROWS = [
  ...codeListRows(VALID, 'plantInfo', 'plantCodes'),
  ...codeListRows(VALID, 'realtimeKpi', 'plantCodes'),
  ...codeListRows(VALID, 'historyKpi', 'plantCodes'),
  r('historyKpi', 'startTime missing', without('historyKpi', 'startTime'), 'startTime'),
  r('historyKpi', 'endTime missing', without('historyKpi', 'endTime'), 'endTime'),
  r('historyKpi', 'startTime "yesterday"', set('historyKpi', { startTime: 'yesterday' }), 'startTime'),
  r('historyKpi', 'startTime negative', set('historyKpi', { startTime: -5 }), 'startTime'),
  r('historyKpi', 'startTime true', set('historyKpi', { startTime: true }), 'startTime'),
  r('historyKpi', 'endTime an object', set('historyKpi', { endTime: { at: 1 } }), 'endTime'),
  r('historyKpi', 'endTime before startTime', set('historyKpi', { endTime: T0 - H }), ['endTime', 'startTime']),
  ...codeListRows(VALID, 'ratedData', 'plantCodes'),
  r('fiveMinuteKpi', 'plantCode missing', without('fiveMinuteKpi', 'plantCode'), 'plantCode'),
  r('fiveMinuteKpi', 'two plants (one plant per call)', set('fiveMinuteKpi', { plantCode: ['NE=33554432', 'NE=33554433'] }), 'plantCode'),
  r('fiveMinuteKpi', 'plantCode empty', set('fiveMinuteKpi', { plantCode: '' }), 'plantCode'),
  r('fiveMinuteKpi', 'plantCode 1 MB', () => set('fiveMinuteKpi', { plantCode: huge() }), 'plantCode'),
  r('fiveMinuteKpi', 'startTime "noon"', set('fiveMinuteKpi', { startTime: 'noon' }), 'startTime'),
  r('fiveMinuteKpi', 'endTime before startTime', set('fiveMinuteKpi', { endTime: T0 - H }), ['endTime', 'startTime']),
];

module.exports = { type: 'fusionsolar-plant-data', VALID, ROWS };
