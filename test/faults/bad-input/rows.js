'use strict';
// Row builders shared by the bad-input tables. A row: { op, why, payload, field, mentions? }
// where `payload` may be a function (fresh Buffers, 1 MB strings), `field` is one name or
// alternatives, and `mentions` must appear in the message (a nested field's name).

const MB = 1024 * 1024;
const huge = () => 'A'.repeat(MB);
const many = (n, prefix = 'NE=') => Array.from({ length: n }, (_, i) => `${prefix}${33554432 + i}`);
const T0 = Date.UTC(2026, 5, 20);
const H = 3_600_000;

const r = (op, why, payload, field, mentions) => ({ op, why, payload, field, mentions });

/** `set` and `without` over a table of valid inputs: each row breaks exactly one thing. */
function editors(valid) {
  return {
    set: (op, patch) => ({ ...valid[op], ...patch }),
    without: (op, key) => {
      const p = { ...valid[op] };
      delete p[key];
      return p;
    },
  };
}

/** Code-list parameters: missing (when mandatory), wrong type, empty, blank entries, 1 MB. */
function codeListRows(valid, op, key, { required = true } = {}) {
  const { set, without } = editors(valid);
  return [
    ...(required ? [r(op, `${key} missing`, without(op, key), key)] : []),
    r(op, `${key} a number`, set(op, { [key]: 42 }), key),
    r(op, `${key} an object`, set(op, { [key]: { a: 1 } }), key),
    r(op, `${key} an empty string`, set(op, { [key]: '' }), key),
    r(op, `${key} only commas`, set(op, { [key]: ' , ,' }), key),
    r(op, `${key} a 1 MB string`, () => set(op, { [key]: huge() }), key),
  ];
}

function pageRows(valid, op, sizes) {
  const { set } = editors(valid);
  return [
    r(op, 'pageNo 0', set(op, { pageNo: 0 }), 'pageNo'),
    r(op, 'pageNo 1.5', set(op, { pageNo: 1.5 }), 'pageNo'),
    r(op, 'pageNo "first"', set(op, { pageNo: 'first' }), 'pageNo'),
    r(op, `pageSize ${sizes.bad} (allowed ${sizes.allowed})`, set(op, { pageSize: sizes.bad }), 'pageSize'),
  ];
}

/** For every operation: non-object payloads, prototype-pollution keys and an unknown parameter. */
function generalRows(op, valid) {
  return [
    r(op, 'payload a Buffer', () => Buffer.from(JSON.stringify(valid)), 'payload'),
    r(op, 'payload a query string', 'plantCodes=NE=33554432', 'payload'),
    r(op, 'payload an array', () => [valid], 'payload'),
    // Only JSON.parse makes an own "__proto__" key, as a message from an HTTP-in node would have.
    r(op, 'own __proto__ key', () => Object.assign(JSON.parse('{"__proto__":{"admin":true}}'), valid), '__proto__'),
    r(op, 'constructor key', () => ({ ...valid, constructor: { prototype: { admin: true } } }), 'constructor'),
    r(op, 'prototype key', () => ({ ...valid, prototype: { admin: true } }), 'prototype'),
    r(op, 'unknown parameter', () => ({ ...valid, plantCodez: 'NE=1' }), 'plantCodez'),
  ];
}

module.exports = { MB, huge, many, T0, H, r, editors, codeListRows, pageRows, generalRows };
