'use strict';
// V6 6.1.7 alarm list: every filter's values from the reference's tables, times in order.
const { huge, T0, H, r, editors } = require('./rows');

const VALID = { alarmList: { stationCodes: 'NE=33554432', beginTime: T0, endTime: T0 + 6 * H } };
const { set } = editors(VALID);
const op = 'alarmList';

const ROWS = [
  // stationCodes may be left empty (every plant of the account); what is given must be codes.
  r(op, 'stationCodes a number', set(op, { stationCodes: 42 }), 'stationCodes'),
  r(op, 'stationCodes an object', set(op, { stationCodes: { a: 1 } }), 'stationCodes'),
  r(op, 'stationCodes a 1 MB string', () => set(op, { stationCodes: huge() }), 'stationCodes'),
  r(op, 'language xx_XX', set(op, { language: 'xx_XX' }), 'language'),
  r(op, 'levels 5 (severities 1-4)', set(op, { levels: 5 }), 'levels'),
  r(op, 'status 7', set(op, { status: '1,7' }), 'status'),
  r(op, 'types 0', set(op, { types: [0] }), 'types'),
  r(op, 'devTypes 99', set(op, { devTypes: 99 }), 'devTypes'),
  r(op, 'endTime before beginTime', set(op, { endTime: T0 - H }), ['endTime', 'beginTime']),
  r(op, 'beginTime "last week"', set(op, { beginTime: 'last week' }), 'beginTime'),
  r(op, 'devName a number', set(op, { devName: 42 }), 'devName'),
  r(op, 'devName 1 MB', () => set(op, { devName: huge() }), 'devName'),
  r(op, 'sns is not a parameter of the alarm list', set(op, { sns: 'A' }), 'sns'),
];

module.exports = { type: 'fusionsolar-alarms', api: 'v6', VALID, ROWS };
