'use strict';
// 9.3.1 plant information, 9.3.2 real-time KPI, 9.3.3 history, 9.5.1 five-minute KPI, 9.6.1.5 rated data.
// More than 100 plants or 24 hours are not errors: the node splits them into calls; a
// repeated plant code is sent once; the age of the data (20026) is the server's to judge.
// Refused before any call: an end not after the start (20023; the range is [startTime,
// endTime)), a 9.5.1 range over more than a day, and a history range the day's quota
// (Roundup(plants/100) + 24 calls) cannot hold.
const { huge, T0, H, r, editors, codeListRows } = require('./rows');

const DAY = 24 * H;

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
  r('historyKpi', 'endTime equal to startTime (empty range)', set('historyKpi', { endTime: T0 }), [
    'endTime',
    'startTime',
  ]),
  r(
    'historyKpi',
    '30 days: more calls than the day allows',
    set('historyKpi', { startTime: T0 - 29 * DAY, endTime: T0 + DAY }),
    'endTime',
    /calls a day/,
  ),
  r('historyKpi', 'range not a relative range', set('historyKpi', { range: 'lastWeek' }), 'range'),
  r('historyKpi', 'allPlants not a boolean', set('historyKpi', { allPlants: 'sometimes' }), 'allPlants'),
  ...codeListRows(VALID, 'ratedData', 'plantCodes'),
  r('fiveMinuteKpi', 'plantCode missing', without('fiveMinuteKpi', 'plantCode'), 'plantCode'),
  r(
    'fiveMinuteKpi',
    'two plants (one plant per call)',
    set('fiveMinuteKpi', { plantCode: ['NE=33554432', 'NE=33554433'] }),
    'plantCode',
  ),
  r('fiveMinuteKpi', 'plantCode empty', set('fiveMinuteKpi', { plantCode: '' }), 'plantCode'),
  r('fiveMinuteKpi', 'plantCode 1 MB', () => set('fiveMinuteKpi', { plantCode: huge() }), 'plantCode'),
  r('fiveMinuteKpi', 'startTime "noon"', set('fiveMinuteKpi', { startTime: 'noon' }), 'startTime'),
  r('fiveMinuteKpi', 'endTime before startTime', set('fiveMinuteKpi', { endTime: T0 - H }), ['endTime', 'startTime']),
  // Which day a shorter range falls on depends on the plant's zone, unknown before any call.
  r(
    'fiveMinuteKpi',
    'more than a day: two plant days in any zone',
    set('fiveMinuteKpi', { startTime: T0, endTime: T0 + DAY + H }),
    'endTime',
    /same day/,
  ),
  r(
    'realtimeKpi',
    'allPlants and plantCodes both in the message',
    set('realtimeKpi', { allPlants: true }),
    'allPlants',
  ),
];

module.exports = { type: 'fusionsolar-plant-data', VALID, ROWS };
