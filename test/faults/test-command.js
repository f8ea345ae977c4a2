'use strict';
// A device command that exists only in tests, so the "never sent twice" checker can be
// proved before the real control operations land: a simulator route registered with
// { command: true } and a node type running an OperationDef with changesDevices: true.
// `mislabelledCommand` is the same endpoint declared as a read: the client retries it
// after a gateway 403, which the checker must catch (its positive control).
const { z } = require('zod');
const { defineOperation } = require('../../dist/src/api');
const { registerOperationNode } = require('../../dist/nodes/shared/operation-node');

const TYPE = 'fusionsolar-test-command';
const ENDPOINT = 'test/command';

const params = z
  .object({ target: z.string().min(1, 'must name a device'), value: z.number({ error: 'must be a number' }) })
  .strict();
const base = {
  endpoint: ENDPOINT,
  section: 'test',
  summary: 'Test-only device command.',
  quota: { limits: [{ count: 1000, windowMs: 60_000 }] },
  params,
  fields: ['target', 'value'],
};
const testCommand = defineOperation({ ...base, name: 'testCommand', changesDevices: true });
const mislabelledCommand = defineOperation({ ...base, name: 'mislabelledCommand', changesDevices: false });

function register(RED) {
  registerOperationNode(RED, { type: TYPE, operations: [testCommand, mislabelledCommand] });
}

/** The simulator side: executes the command (counted in stats.commands) and says so. */
function route(sim) {
  sim.route(ENDPOINT, ({ body }) => ({ target: body.target, result: 0 }), { command: true });
}

const rows = [{ op: 'testCommand', payload: ({ seq }) => ({ target: 'inverter-1', value: seq }) }];

module.exports = { TYPE, register, route, rows, operations: [testCommand, mislabelledCommand] };
