'use strict';
// Invalid inputs for every operation of DESIGN.md's contract table, from the rules of
// reference sections 9.2-9.6, one file per node type. Each row must be answered by
// INVALID_INPUT naming `field` (or a path under it) before any HTTP call. Rows whose node
// type or operation is not built yet are skipped and counted by the spec.
const { generalRows } = require('./rows');

// V6 groups (api 'v6') run on a V6 account.
const GROUPS = [
  'plants',
  'plant-data',
  'control',
  'iv',
  'enrolment',
  'v6-plant-data',
  'v6-device-data',
  'v6-alarms',
].map((g) => require(`./${g}`));
const request = require('./request');

/** Which node type runs each operation (DESIGN.md, public contract). */
const OP_TYPE = Object.fromEntries(GROUPS.flatMap((g) => Object.keys(g.VALID).map((op) => [op, g.type])));

const BAD_INPUT = [
  ...GROUPS.flatMap((g) => g.ROWS.map((row) => ({ ...row, type: g.type, api: g.api }))),
  ...GROUPS.flatMap((g) =>
    Object.entries(g.VALID).flatMap(([op, valid]) =>
      generalRows(op, valid).map((row) => ({ ...row, type: g.type, api: g.api })),
    ),
  ),
  ...GROUPS.map((g) => ({
    type: g.type,
    api: g.api,
    op: 'noSuchOperation',
    why: 'unknown operation',
    payload: {},
    field: 'operation',
  })),
  ...request.ROWS,
];

module.exports = { BAD_INPUT, OP_TYPE };
