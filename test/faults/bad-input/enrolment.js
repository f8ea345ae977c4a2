'use strict';
// 9.6.1.1 SN enrolment, 9.6.1.2 AC enrolment, 9.6.2.1 SN registration query.
const { huge, r, editors, codeListRows } = require('./rows');

const VALID = {
  snEnrolment: { devices: [{ sn: '102ABC0123456789', username: 'owner' }] },
  acEnrolment: { authorizationCodes: '20019857328' },
  snRegistration: { sns: '102ABC0123456789', account: 'installer' },
};
const { set, without } = editors(VALID);

const ROWS = [
  r('snEnrolment', 'devices missing', {}, 'devices'),
  r('snEnrolment', 'devices empty', { devices: [] }, 'devices'),
  r('snEnrolment', 'devices a string', { devices: '102ABC0123456789' }, 'devices'),
  r('snEnrolment', 'device without sn', { devices: [{ username: 'owner' }] }, 'devices', /sn/),
  r('snEnrolment', 'device with no username, email or phone', { devices: [{ sn: '102ABC0123456789' }] }, 'devices'),
  r('snEnrolment', 'device sn 1 MB', () => ({ devices: [{ sn: huge(), username: 'owner' }] }), 'devices', /sn/),
  ...codeListRows(VALID, 'acEnrolment', 'authorizationCodes'),
  ...codeListRows(VALID, 'snRegistration', 'sns'),
  r('snRegistration', 'account missing', without('snRegistration', 'account'), 'account'),
  r('snRegistration', 'account empty', set('snRegistration', { account: '' }), 'account'),
  r('snRegistration', 'account 1 MB', () => set('snRegistration', { account: huge() }), 'account'),
];

module.exports = { type: 'fusionsolar-enrolment', VALID, ROWS };
