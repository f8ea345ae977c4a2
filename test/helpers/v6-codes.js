'use strict';
// The V6 reference's error list (chapter 8) as far as the data interfaces can give it, and
// which codes each interface can answer: the codes of every call (session, permission,
// frequency, account state, server state) plus those of its parameters (6.1.3-6.1.7, 6.3.1,
// 6.4.1; stations' paging codes per thirddata-notes.md, 20056 as recorded on the plant list).

/** Chapter 8's description of each code, word for word: the node must report this text. */
const TEXT = {
  305: 'You are not in the login state. You need to log in again.',
  401: 'You do not have the related data interface permission.',
  407: 'The interface access frequency is too high.',
  20001: 'The third-party system ID does not exist.',
  20002: 'The third-party system is forbidden.',
  20003: 'The third-party system has expired.',
  20004: 'The server is abnormal.',
  20005: 'The device ID cannot be empty.',
  20006: 'Some devices do not match the device type.',
  20007: 'The system does not have the desired power plant resources.',
  20008: 'The system does not have the desired device resources.',
  20009: 'Queried KPIs are not configured in the system.',
  20010: 'The plant list cannot be empty.',
  20011: 'The device list cannot be empty.',
  20012: 'The query time cannot be empty.',
  20013: 'The device type is incorrect. The interface does not support operations on some devices.',
  20014: 'A maximum of 100 plants can be queried at a time.',
  20015: 'A maximum of 100 plants can be queried at a time.',
  20016: 'A maximum of 100 devices can be queried at a time.',
  20017: 'A maximum of 100 devices can be queried at a time.',
  20023: 'The query start time cannot be later than the query end time.',
  20024: 'The language cannot be empty.',
  20025: 'The language parameter value is incorrect.',
  20026: 'Only data of the latest 365 days can be queried.',
  20027: 'The query time period cannot span more than 31 days.',
  20045: 'Unauthorized PV plants exist in the input parameters.',
  20046: 'Unauthorized PV plants exist in the input parameters.',
  20056: 'The resource is not authorised by the owner.',
  20200: 'The system is busy. Try again later.',
  30001: 'The device ESN list cannot be empty.',
  30004: 'The value of pageNo cannot be empty.',
  30005: 'The value of pageSize cannot be empty.',
  30006: 'The value of pageSize is out of range. The allowed range is {10, 20, 30, 50, 100}.',
  30007: 'The values of startTime and endTime must be both provided or empty.',
  30021: 'The value of pageNo is smaller than 0.',
  30030: 'The input parameter is incorrect.',
  30031: 'A maximum of 10 devices can be queried at a time.',
  30032: 'The time parameter is invalid. The query time segment cannot be longer than three days.',
};

/** Every call: token gone, interface not ticked, too frequent, account deleted/disabled/expired, server trouble. */
const EVERY_CALL = [305, 401, 407, 20001, 20002, 20003, 20004, 20200];
const PLANTS = [20007, 20010, 20014, 20015, 20045];
const DEVICES = [20005, 20006, 20008, 20011, 20013, 20016, 20017, 20046];
const PERIOD = [20009, 20012];

/** Per interface, the codes it can answer besides EVERY_CALL. */
const BY_ENDPOINT = {
  'thirdData/stations': [20056, 30004, 30005, 30006, 30021],
  'thirdData/getDevList': [...PLANTS, 20056],
  'thirdData/getStationRealKpi': [...PLANTS, 20009],
  'thirdData/getKpiStationHour': [...PLANTS, ...PERIOD],
  'thirdData/getKpiStationDay': [...PLANTS, ...PERIOD],
  'thirdData/getKpiStationMonth': [...PLANTS, ...PERIOD],
  'thirdData/getKpiStationYear': [...PLANTS, ...PERIOD],
  'thirdData/getDevRealKpi': [...DEVICES, 20009],
  'thirdData/getDevHistoryKpi': [
    20005,
    20006,
    20008,
    20011,
    20013,
    20046,
    ...PERIOD,
    20023,
    20026,
    30007,
    30031,
    30032,
  ],
  'thirdData/getDevKpiDay': [...DEVICES, ...PERIOD, 20026],
  'thirdData/getDevKpiMonth': [...DEVICES, ...PERIOD, 20026],
  'thirdData/getDevKpiYear': [...DEVICES, ...PERIOD, 20026],
  'thirdData/getDevFiveMinutes': [...DEVICES, ...PERIOD, 20026],
  'thirdData/getAlarmList': [...PLANTS, 20012, 20023, 20024, 20025, 20026, 20027, 30030],
  'thirdData/cs/getInventerRealKpi': [30001, 20008, 20013, 20016, 20046],
};

/** @param {string} endpoint */
function codesOf(endpoint) {
  const own = /** @type {Record<string, number[]>} */ (BY_ENDPOINT)[endpoint];
  if (!own) throw new Error(`no error list for ${endpoint}`);
  // 407 last: after it the governor holds the endpoint for its window.
  return [...new Set([...EVERY_CALL.filter((c) => c !== 407), ...own, 407])];
}

module.exports = { TEXT, BY_ENDPOINT, codesOf };
