'use strict';
// The palette: one category, one colour family (warm solar ambers, device control the
// strongest), an icon per type, and labels that say what the node does.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { packageDefinitions } = require('../../scripts/scorecard/node-defs');
const { loadEditorJs } = require('../helpers/editor-js');

const root = path.join(__dirname, '..', '..');

/** The colour of every node type of the package (the team's palette decision). */
const PALETTE = {
  'fusionsolar-account': '#FDEBD0',
  'fusionsolar-plants': '#F5B041',
  'fusionsolar-plant-data': '#F8C471',
  'fusionsolar-control': '#E59866',
  'fusionsolar-iv': '#F0B27A',
  'fusionsolar-enrolment': '#F9E79F',
  'fusionsolar-request': '#FAD7A0',
  'fusionsolar-device-data': '#F7DC6F',
  'fusionsolar-alarms': '#F5CBA7',
  'fusionsolar-monitor': '#FBE3B0',
};

describe('palette', function () {
  const { defs, declared } = packageDefinitions(root);
  for (const type of declared) {
    it(`${type}: FusionSolar category, family colour, its own icon`, function () {
      const def = defs[type];
      assert.ok(def, `${type} has an editor definition`);
      assert.equal(def.color, PALETTE[type], `${type} uses its palette colour (add new types to PALETTE)`);
      if (def.category === 'config') return;
      assert.equal(def.category, 'FusionSolar');
      assert.equal(def.icon, `${type}.svg`);
      assert.ok(fs.existsSync(path.join(root, 'icons', def.icon)), `icons/${def.icon}`);
    });
  }

  it('colours are one family: warm hues between orange and yellow, light enough for dark text', function () {
    for (const [type, hex] of Object.entries(PALETTE)) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const d = max - min;
      const hue =
        d === 0
          ? 0
          : max === r
            ? 60 * (((g - b) / d) % 6)
            : max === g
              ? 60 * ((b - r) / d + 2)
              : 60 * ((r - g) / d + 4);
      const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      assert.ok(hue >= 20 && hue <= 55, `${type} ${hex} hue ${hue.toFixed(0)}`);
      assert.ok(luminance >= 0.6, `${type} ${hex} luminance ${luminance.toFixed(2)}`);
    }
  });
});

describe('node labels show the operation', function () {
  const en = JSON.parse(
    fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/locales/en-US/fusionsolar-account.json'), 'utf8'),
  );
  const zh = JSON.parse(
    fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/locales/zh-CN/fusionsolar-account.json'), 'utf8'),
  );
  const ns = 'node-red-contrib-fusionsolar/fusionsolar-account:editor.';
  const flat = (catalog) => {
    /** @type {Record<string, string>} */
    const out = {};
    for (const [k, v] of Object.entries(catalog.editor.count)) out[`${ns}count.${k}`] = v;
    out[`${ns}task`] = catalog.editor.task;
    return out;
  };
  const editor = loadEditorJs(flat(en));

  it('counts the literal plants, devices or SNs a node is set to', function () {
    assert.equal(editor.label({ operation: 'realtimeKpi', plantCodes: 'NE=1,NE=2, NE=3' }), 'realtimeKpi: 3 plants');
    assert.equal(
      editor.label({ operation: 'deviceList', plantCodes: '["NE=1","NE=2"]', plantCodesType: 'json' }),
      'deviceList: 2 plants',
    );
    assert.equal(editor.label({ operation: 'realtimeKpi', dns: 'NE=9' }), 'realtimeKpi: 1 device');
    assert.equal(editor.label({ operation: 'snEnrolment', sns: 'A,B' }), 'snEnrolment: 2 SNs');
    assert.equal(
      editor.label({ operation: 'taskStatus', taskId: '-14921346228625' }),
      'taskStatus: task -14921346228625',
    );
  });

  it('names where the value comes from when it is not literal', function () {
    assert.equal(
      editor.label({ operation: 'deviceList', plantCodes: 'codes', plantCodesType: 'msg' }),
      'deviceList: msg.codes',
    );
    assert.equal(editor.label({ operation: 'historyKpi', dns: 'meters', dnsType: 'flow' }), 'historyKpi: flow.meters');
  });

  it('falls back to the operation, the name wins, a raw request shows its path', function () {
    assert.equal(editor.label({ operation: 'plantList', plantNames: '' }), 'plantList');
    assert.equal(editor.label({ operation: 'plantList', name: 'My plants' }), 'My plants');
    assert.equal(
      editor.label({ type: 'fusionsolar-request', method: 'POST', path: '/rest/openapi/pvms/v1/vpp/plants' }),
      'POST /vpp/plants',
    );
    assert.equal(editor.label({ type: 'fusionsolar-x', _def: { paletteLabel: 'x' } }), 'x');
  });

  it('says the counts in Chinese too', function () {
    assert.equal(
      loadEditorJs(flat(zh)).label({ operation: 'realtimeKpi', plantCodes: 'NE=1,NE=2' }),
      'realtimeKpi: 2 个电站',
    );
    assert.deepEqual(Object.keys(zh.editor.count).sort(), Object.keys(en.editor.count).sort());
  });
});
