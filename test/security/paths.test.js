'use strict';
// Issue 12, point 8: the request node judges a path as a Java server reads it, so no
// spelling of a device command or of login/logout gets past the account's rules.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, requestFlow } = require('./flow');
const { canonicalEndpoint } = require('../../dist/src/api/request/path');
const report = require('./report');

const COMMANDS = [
  'vpp/devOnOff/',
  'vpp/devOnOff;jsessionid=1',
  'vpp/%64evOnOff',
  '/REST/openapi/pvms/v1/vpp/devOnOff',
  'vpp/DEVONOFF',
  '/rest;x=1/openapi/pvms/v1/vpp/devOnOff',
  'vpp/%2564evOnOff',
  'vpp/devOnOff%3Bx=1',
  'vpp/chargeAndDischarge/',
  'vpp/chargeanddischarge;a=b/',
  'http://127.0.0.1:PORT/rest/openapi/pvms/v1/vpp/dod/',
  'iv/scanTask;v=2',
  'iv/pvConfig/Configuration/',
];
const SESSION = [
  'login;a=1',
  'login/',
  '%6cogin',
  'LOGOUT',
  '/rest/openapi/pvms/v1/logout;x',
  'vpp/%4C%4F%47%49%4E',
  '/thirdData/login/',
];

describe('security: request node path spellings (issue 12, point 8)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  it(
    `8. ${COMMANDS.length} spellings of device commands stay behind "Allow device ` +
      `control"; ${SESSION.length} of login/logout are refused`,
    async function () {
      ({ sim } = await virtualSim({ record: true }));
      const h = await requestFlow(sim.url);
      const port = new URL(sim.url).port;
      const codes = {};
      for (const spelling of COMMANDS) {
        const r = await h.send({
          method: 'POST',
          path: spelling.replace('PORT', port),
          payload: { devIds: '1', controlType: 1 },
        });
        codes[spelling] = r.error && r.error.code;
      }
      for (const spelling of SESSION) {
        const r = await h.send({ method: 'POST', path: spelling, payload: {} });
        codes[spelling] =
          r.error && r.error.code === 'INVALID_INPUT' && r.error.message.startsWith('path:')
            ? 'INVALID_INPUT'
            : r.error && r.error.code;
      }
      const reached = sim.requestLog.filter((r) => r.endpoint !== 'login').map((r) => r.endpoint);
      let held = 0;
      for (const s of COMMANDS) if (report.attack(`path ${s}`, codes[s] === 'CONTROL_DISABLED')) held++;
      for (const s of SESSION) if (report.attack(`path ${s}`, codes[s] === 'INVALID_INPUT')) held++;
      assert.deepEqual(reached, [], 'nothing reached the server');
      assert.equal(sim.stats.logins, 0, 'refused before any login');
      assert.deepEqual(
        Object.entries(codes).filter(([s, c]) => c !== (COMMANDS.includes(s) ? 'CONTROL_DISABLED' : 'INVALID_INPUT')),
        [],
      );
      assert.equal(held, COMMANDS.length + SESSION.length);
    },
  );

  it('8. the canonical form: ;params per segment, %-escapes (twice), case, empty and trailing segments', function () {
    assert.equal(canonicalEndpoint('/rest/openapi/pvms/v1/vpp/devOnOff;jsessionid=1?x=1'), 'vpp/devonoff');
    assert.equal(canonicalEndpoint('/REST;a/OpenAPI/pvms/v1/vpp/%2564evOnOff/'), 'vpp/devonoff');
    assert.equal(canonicalEndpoint('/thirdData/getStationList'), '/thirddata/getstationlist');
  });
});
