'use strict';
// fusionsolar-request: one call to any API path; msg.path and msg.method pick it, msg.payload is the body.
const TYPE = 'fusionsolar-request';
const PLANTS = '/rest/openapi/pvms/v1/plants';
const row = (why, msg, payload, field) => ({ type: TYPE, op: null, why, msg, payload, field });

const ROWS = [
  row('path to another host', { path: 'https://evil.example.com/rest/openapi/pvms/v1/plants' }, {}, 'path'),
  row('path outside the API', { path: '/rest/openapi/pvms/v1/../../../admin' }, {}, 'path'),
  row('path not a string', { path: 42 }, {}, 'path'),
  row('method DELETE', { path: PLANTS, method: 'DELETE' }, {}, 'method'),
  row('body a Buffer', { path: PLANTS }, () => Buffer.from('{}'), 'payload'),
  row(
    'body with an own __proto__ key',
    { path: PLANTS },
    () => JSON.parse('{"__proto__":{"admin":true}}'),
    '__proto__',
  ),
  row(
    'body with a nested own __proto__ key',
    { path: PLANTS },
    () => JSON.parse('{"plantCodes":"NE=1","filter":[{"__proto__":{"admin":true}}]}'),
    'filter[0].__proto__',
  ),
  row(
    'body with a constructor key',
    { path: PLANTS },
    () => ({ constructor: { prototype: { admin: true } } }),
    'constructor',
  ),
  row(
    'GET query with an own __proto__ key',
    { path: PLANTS, method: 'GET' },
    () => JSON.parse('{"__proto__":"x"}'),
    '__proto__',
  ),
];

module.exports = { type: TYPE, ROWS };
