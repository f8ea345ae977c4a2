'use strict';
// Narrowing for tests under strict type checks: a lookup the test relies on (find, get, a
// catalogue entry) fails as an assertion naming what was missing, not as a TypeError later;
// a thrown value the test reads fields of is checked to be the library's own error first.
const assert = require('node:assert/strict');
const { FusionSolarError } = require('../../dist/src/client/errors');
const { operation } = require('../../dist/src/api');

/**
 * `value`, which must be there (neither undefined nor null).
 * @template T
 * @param {T} value
 * @param {string} what
 * @returns {NonNullable<T>}
 */
function must(value, what) {
  assert.ok(value !== undefined && value !== null, `${what} is missing`);
  return value;
}

/**
 * `err`, which must be a FusionSolarError (what the library throws and rejects with).
 * @param {unknown} err
 * @returns {FusionSolarError}
 */
function fsError(err) {
  assert.ok(err instanceof FusionSolarError, `a FusionSolarError, not ${String(err)}`);
  return err;
}

/**
 * The catalogue's operation `name` (of interface `api`), which must exist.
 * @param {string} name
 * @param {import('../../dist/src/api/catalogue').Api} [api]
 */
function catalogued(name, api) {
  return must(operation(name, api), `operation ${name}${api ? ` (${api})` : ''}`);
}

module.exports = { must, fsError, catalogued };
