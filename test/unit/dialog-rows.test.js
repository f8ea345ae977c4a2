'use strict';
// The dialogs' one-line TypedInput rows are written out by the build into the HTML Node-RED
// loads (dist/nodes/<type>/<type>.html), in the shape of a hand-written row.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { expandRows, typedRow } = require('../../scripts/dialog-rows');

const root = path.join(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const TYPES = Object.keys(PKG['node-red'].nodes);
const read = (...p) => fs.readFileSync(path.join(root, ...p), 'utf8');

describe('dialog rows built from one line', function () {
  it('writes a TypedInput row as the dialogs always had it', function () {
    const one =
      '  <div class="form-row fs-field" data-field="startTime" data-when="range=" data-typed="clock-o" ' +
      'data-typed-i18n="[placeholder]fusionsolar-plant-data.placeholder.time"></div>';
    assert.equal(
      expandRows(one, 'fusionsolar-plant-data'),
      [
        '  <div class="form-row fs-field" data-field="startTime" data-when="range=">',
        '    <label for="node-input-startTime"><i class="fa fa-clock-o"></i> ' +
          '<span data-i18n="fusionsolar-plant-data.label.startTime"></span></label>',
        '    <input type="text" id="node-input-startTime" class="fs-typed" style="width:70%" ' +
          'data-i18n="[placeholder]fusionsolar-plant-data.placeholder.time">',
        '    <input type="hidden" id="node-input-startTimeType">',
        '  </div>',
      ].join('\n'),
    );
    assert.match(
      typedRow('fusionsolar-plants', '', 'plantCode', '', 'sun-o', ' data-typed-placeholder="NE=1"'),
      /<input type="text" id="node-input-plantCode" class="fs-typed" style="width:70%" placeholder="NE=1">/,
    );
  });

  for (const type of TYPES) {
    it(`${type}: every one-line row is written out, with a label in each locale`, function () {
      const source = read('nodes', type, `${type}.html`);
      const built = read('dist', 'nodes', type, `${type}.html`);
      assert.equal(built, expandRows(source, type), 'the build writes the rows out');
      assert.doesNotMatch(built, /data-typed/, 'no one-line row is left for Node-RED');
      const fields = [...source.matchAll(/data-field="(\w+)"[^>]*data-typed="/g)].map((m) => m[1]);
      for (const lang of ['en-US', 'de', 'zh-CN']) {
        const labels = JSON.parse(read('nodes', type, 'locales', lang, `${type}.json`))[type].label;
        for (const field of fields) assert.ok(labels[field], `${type} ${lang}: label.${field}`);
      }
      for (const field of fields) {
        assert.match(built, new RegExp(`<input type="hidden" id="node-input-${field}Type">`), `${field}Type`);
        assert.match(source, new RegExp(`\\n\\s+${field}Type: \\{`), `${field}Type is saved in defaults`);
      }
    });
  }
});
