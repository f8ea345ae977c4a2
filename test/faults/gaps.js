'use strict';
// Catalogue operations that have no rows yet in the fault table (operations.js) and the
// bad-input table: the V6 operations that landed with their own node tests but before
// their rows. Named here, not skipped silently: every run prints them, an operation not on
// this list without rows fails, and a name left here once its rows exist fails too.
const WITHOUT_ROWS = [
  'fusionsolar-plant-data/hourKpi',
  'fusionsolar-plant-data/dayKpi',
  'fusionsolar-plant-data/monthKpi',
  'fusionsolar-plant-data/yearKpi',
  'fusionsolar-device-data/deviceRealtimeKpi',
  'fusionsolar-device-data/deviceHistoryKpi',
  'fusionsolar-device-data/deviceDayKpi',
  'fusionsolar-device-data/deviceMonthKpi',
  'fusionsolar-device-data/deviceYearKpi',
  'fusionsolar-device-data/deviceFiveMinuteKpi',
  'fusionsolar-device-data/inverterConvergence',
  'fusionsolar-alarms/alarmList',
];

/** Splits `uncovered` (type/op names) into the known gaps and the rest; `stale` are gaps that have rows now. */
function checkGaps(uncovered) {
  const unknown = uncovered.filter((u) => !WITHOUT_ROWS.includes(u));
  const stale = WITHOUT_ROWS.filter((g) => !uncovered.includes(g));
  return { unknown, stale };
}

module.exports = { WITHOUT_ROWS, checkGaps };
