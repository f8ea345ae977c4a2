'use strict';
// The editor's rows and rules come from the catalogue: every field, option and setting of
// every operation has its row in the node's dialog, no row is left over, and the rules the
// editor checks (ranges, enumerations) are the catalogue's own, as JSON Schema.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { NODE_OPERATIONS, editorOperation, operation } = require('../../dist/src/api');
const { loadEditorJs } = require('../helpers/editor-js');

const root = path.join(__dirname, '..', '..');
const html = (type) => fs.readFileSync(path.join(root, 'nodes', type, `${type}.html`), 'utf8');
const rowsIn = (type) => [...html(type).matchAll(/class="form-row fs-field"[^>]*data-field="([^"]+)"/g)].map((m) => m[1]);

describe('editor rows and rules from the catalogue', function () {
  for (const [type, ops] of Object.entries(NODE_OPERATIONS)) {
    it(`${type}: every field, option and setting has a row, and every row belongs to an operation`, function () {
      const rows = rowsIn(type);
      assert.equal(new Set(rows).size, rows.length, 'one row per name');
      const used = new Set();
      for (const op of ops) {
        for (const row of editorOperation(op).rows) {
          assert.ok(rows.includes(row), `${op.name}: ${row} has an editor row`);
          used.add(row);
        }
      }
      for (const row of rows) assert.ok(used.has(row), `the ${row} row is used by an operation of ${type}`);
    });

    it(`${type}: every row is saved in defaults, and the dialog lists no operation of its own`, function () {
      const source = html(type);
      for (const row of rowsIn(type)) assert.match(source, new RegExp(`\\n\\s+${row}: \\{`), `${row} is in defaults`);
      assert.doesNotMatch(source, /<select id="node-input-operation"[^>]*>\s*<option/, 'operations come from the catalogue');
    });
  }

  it('each option and setting comes with its schema; a row name maps to its field', function () {
    for (const ops of Object.values(NODE_OPERATIONS)) {
      for (const op of ops) {
        const e = editorOperation(op);
        for (const row of [...e.options, ...e.settings]) assert.ok(e.schema[row], `${op.name}.${row} has a schema`);
        assert.ok(!e.options.some((o) => op.fields.includes(o)), `${op.name}: an option is never also a field`);
      }
    }
    const reg = editorOperation(operation('snRegistration'));
    assert.ok(reg.rows.includes('userAccount') && !reg.rows.includes('account'), 'the account field is edited as userAccount');
    assert.ok(reg.schema.userAccount, 'under its row name');
    assert.ok(!editorOperation(operation('drm')).rows.includes('plantcodes'), 'a message-only spelling has no row');
  });

  it('ranges and enumerations are the schemas\' own', function () {
    const dispatch = editorOperation(operation('chargeDischarge')).schema;
    assert.deepEqual([dispatch.targetSOC.minimum, dispatch.targetSOC.maximum], [0, 100]);
    assert.deepEqual([dispatch.dispatchTime.minimum, dispatch.dispatchTime.maximum], [0, 1440]);
    assert.deepEqual(dispatch.controlType.enum, [1, 2]);
    const ems = editorOperation(operation('emsMode')).schema.controlType;
    assert.deepEqual(ems.enum, [0, 2, 4, 5, 6]);
    assert.deepEqual(ems['x-unsupported'], [0, 2, 4, 5], 'the modes the reference marks unsupported');
    const diag = editorOperation(operation('runDiagnosis')).schema;
    assert.deepEqual([diag.modulePlaneIrradiance.minimum, diag.modulePlaneIrradiance.maximum], [600, 1500]);
    assert.deepEqual([diag.pollInterval.minimum, diag.pollInterval.maximum], [5, 10]);
    assert.deepEqual(editorOperation(operation('historyKpi')).schema.range.enum, ['last24h', 'today', 'yesterday', '']);
    assert.deepEqual(editorOperation(operation('plantList')).schema.pageSize.enum, [50, 100]);
  });

  it('the editor checks a literal value against the row\'s schema, and leaves other types to the message', function () {
    const { keepsRules } = loadEditorJs();
    const soc = editorOperation(operation('chargeDischarge')).schema.targetSOC;
    assert.equal(keepsRules(soc, '50', 'str'), true);
    assert.equal(keepsRules(soc, '101', 'str'), false);
    assert.equal(keepsRules(soc, 'abc', 'str'), false);
    assert.equal(keepsRules(soc, '', 'str'), true, 'empty: the message may supply it');
    assert.equal(keepsRules(soc, 'payload.soc', 'msg'), true);
    const minutes = editorOperation(operation('runDiagnosis')).schema.maxMinutes;
    assert.equal(keepsRules(minutes, '1.5'), false, 'a whole number');
    assert.equal(keepsRules(editorOperation(operation('plantList')).schema.pageSize, '75', 'str'), false, 'one of the page sizes');
  });
});
