// What the library throws and rejects with: the assert.throws/rejects predicates of the tests
// read its fields (code, retryAfter, httpStatus, details).
type CaughtError = import('../../dist/src/client/errors').FusionSolarError;
