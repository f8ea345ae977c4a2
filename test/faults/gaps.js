'use strict';
// Catalogue operations that have no rows yet in the fault tables (operations.js,
// operations-v6.js) and the bad-input table. Named here, not skipped silently: every run
// prints them, an operation not on this list without rows fails, and a name left here once
// its rows exist fails too. Empty since the V6 operations got their rows.
const WITHOUT_ROWS = [];

/** Splits `uncovered` (type/op names) into the known gaps and the rest; `stale` are gaps that have rows now. */
function checkGaps(uncovered) {
  const unknown = uncovered.filter((u) => !WITHOUT_ROWS.includes(u));
  const stale = WITHOUT_ROWS.filter((g) => !uncovered.includes(g));
  return { unknown, stale };
}

module.exports = { WITHOUT_ROWS, checkGaps };
