'use strict';
// 9.2.1 plant list, 9.2.2 device list.
const { many, r, editors, codeListRows, pageRows } = require('./rows');

const VALID = { plantList: {}, deviceList: { plantCodes: 'NE=33554432' } };
const { set } = editors(VALID);

const ROWS = [
  r('plantList', 'pageSize 10 (the example uses it; only 50 or 100 are allowed)', { pageSize: 10 }, 'pageSize'),
  ...pageRows(VALID, 'plantList', { bad: 20, allowed: '50, 100' }),
  r('plantList', '101 plant names (max 100)', { plantNames: many(101, 'Plant ') }, 'plantNames'),
  ...codeListRows(VALID, 'plantList', 'plantNames', { required: false }),
  ...codeListRows(VALID, 'deviceList', 'plantCodes'),
  r('deviceList', 'deviceTypeId "inverter"', set('deviceList', { deviceTypeId: 'inverter' }), 'deviceTypeId'),
  r('deviceList', 'deviceTypeId -1', set('deviceList', { deviceTypeId: -1 }), 'deviceTypeId'),
  r('deviceList', 'deviceTypeId 1.5', set('deviceList', { deviceTypeId: 1.5 }), 'deviceTypeId'),
  ...pageRows(VALID, 'deviceList', { bad: 10, allowed: '50, 100' }),
];

module.exports = { type: 'fusionsolar-plants', VALID, ROWS };
