'use strict';
// FusionSolarEditor.rule(): a row is checked by the rules of the node's operation on the
// interface of its account; when that interface lacks the operation, by the same-named
// operation of the other interface (the operation row flags the mismatch), never by the
// strictest rule of every operation that has the row.
const assert = require('node:assert/strict');
const { NODE_OPERATIONS, editorOperation, editorSettings } = require('../../dist/src/api');
const { NODE_SETTINGS } = require('../../dist/nodes/shared/node-settings');
const { loadEditorJs } = require('../helpers/editor-js');

const TYPE = 'fusionsolar-device-data';

/** The catalogue as GET /fusionsolar/catalogue serves it. */
function catalogue() {
  const operations = {};
  for (const [type, ops] of Object.entries(NODE_OPERATIONS)) operations[type] = ops.map(editorOperation);
  const settings = {};
  for (const [type, schema] of Object.entries(NODE_SETTINGS)) settings[type] = editorSettings(schema);
  return { operations, settings };
}

describe("editor rule(): the rules of the node's own operation", function () {
  const served = catalogue();
  const editor = loadEditorJs({}, { catalogue: served, nodes: { v7: { api: 'v7' }, v6: { api: 'v6' } } });
  const devTypeId = editor.rule(TYPE, 'devTypeId');
  const check = (node, value) => devTypeId.call(node, value);
  const op = (name) => served.operations[TYPE].find((o) => o.name === name);

  it('the case at hand: a V6-only operation whose device types another operation of the node refuses', function () {
    const realtime = served.operations[TYPE].filter((o) => o.name === 'deviceRealtimeKpi');
    assert.deepEqual(
      realtime.map((o) => o.api),
      ['v6'],
      'deviceRealtimeKpi exists on V6 only',
    );
    assert.equal(editor.keepsRules(op('deviceRealtimeKpi').schema.devTypeId, '10'), true, 'EMI: real-time has it');
    assert.equal(editor.keepsRules(op('deviceDayKpi').schema.devTypeId, '10'), false, 'EMI: no day report');
  });

  it("on the operation's own interface: its rules", function () {
    assert.equal(check({ account: 'v6', operation: 'deviceRealtimeKpi' }, '10'), true);
    assert.equal(check({ account: 'v6', operation: 'deviceDayKpi' }, '10'), false);
  });

  it('on an account whose interface lacks the operation: the same-named operation of the other one', function () {
    assert.equal(
      check({ account: 'v7', operation: 'deviceRealtimeKpi' }, '10'),
      true,
      "deviceRealtimeKpi's own rule, not deviceDayKpi's",
    );
    assert.equal(check({ account: 'v7', operation: 'deviceRealtimeKpi' }, '2'), false, 'still a rule: 2 is no type');
    assert.equal(check({ account: 'v7', operation: 'deviceDayKpi' }, '10'), false, "deviceDayKpi's rule");
  });

  it('a node without an operation: every operation that has the row', function () {
    assert.equal(check({ account: 'v7' }, '10'), false);
    assert.equal(check({ account: 'v7' }, '1'), true);
  });
});
