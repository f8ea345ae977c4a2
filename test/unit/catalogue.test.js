'use strict';
// The catalogue is the single source of truth: every node's help (en-US, zh-CN, de), its
// locales and its editor must agree with it, so no endpoint is half-wired.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { NODE_OPERATIONS, editorOperation } = require('../../dist/src/api');

const root = path.join(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const read = (...p) => fs.readFileSync(path.join(root, ...p), 'utf8');
const HEADINGS = {
  'en-US': ['Inputs', 'Outputs', 'Details', 'References'],
  'zh-CN': ['输入', '输出', '详细', '参考'],
  de: ['Eingaben', 'Ausgaben', 'Details', 'Referenz'],
};
const LANGS = Object.keys(HEADINGS);
const TYPES = Object.keys(PKG['node-red'].nodes);
const locale = (type, lang) => JSON.parse(read('nodes', type, 'locales', lang, `${type}.json`));

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('catalogue, help, locales and editor agree', function () {
  it('every catalogue node type is a package node, and every package node but the account has operations', function () {
    const types = Object.keys(PKG['node-red'].nodes);
    for (const t of Object.keys(NODE_OPERATIONS)) assert.ok(types.includes(t), `${t} is in package.json`);
    // The account holds the session, the request node any path, the monitor schedules catalogue operations itself.
    const own = ['fusionsolar-account', 'fusionsolar-request', 'fusionsolar-monitor'];
    for (const t of types) if (!own.includes(t)) assert.ok(NODE_OPERATIONS[t], `${t} has catalogue operations`);
  });

  for (const [type, ops] of Object.entries(NODE_OPERATIONS)) {
    for (const lang of LANGS) {
      it(
        `${type}: ${lang} help has the tooltip paragraph, the standard sections, every operation ` +
          `and its reference section`,
        function () {
          const help = read('nodes', type, 'locales', lang, `${type}.html`);
          assert.match(help, new RegExp(`data-help-name="${type}"`));
          assert.match(help, /^\s*<script[^>]*>\s*<p>/, 'the first element is the tooltip paragraph');
          for (const h of HEADINGS[lang]) assert.match(help, new RegExp(`<h3>[^<]*${h}`), `section ${h}`);
          for (const op of ops) {
            assert.ok(help.includes(op.name), `mentions ${op.name}`);
            assert.ok(help.includes(op.section), `cites section ${op.section} (${op.name})`);
          }
        },
      );
    }

    it(`${type}: every operation has its editor hint in every locale`, function () {
      for (const lang of LANGS) {
        const hints = locale(type, lang)[type].hint || {};
        for (const op of ops)
          assert.ok(typeof hints[op.name] === 'string' && hints[op.name].length > 0, `${lang} hint.${op.name}`);
        // V7 and V6 entries of one name share their hint.
        assert.deepEqual(
          Object.keys(hints).sort(),
          [...new Set(ops.map((o) => o.name))].sort(),
          `${lang}: no hint of an unknown operation`,
        );
      }
    });

    it(`${type}: the editor offers every operation and warns when one changes devices`, function () {
      const html = read('nodes', type, `${type}.html`);
      // The dropdown is filled from the catalogue the account node serves (editorOperation).
      assert.match(html, /<select id="node-input-operation"/, 'an operation dropdown');
      for (const op of ops) assert.equal(editorOperation(op).name, op.name, `the editor knows ${op.name}`);
      if (ops.some((o) => o.changesDevices)) assert.match(html, /fs-device-warning/, 'a device-control warning row');
      for (const field of [...html.matchAll(/data-field="([^"]+)"/g)].map((m) => m[1])) {
        assert.ok(html.includes(`${field}: {`), `${field} is saved in defaults`);
      }
    });
  }

  for (const lang of LANGS) {
    it(`fusionsolar-request: ${lang} help has the tooltip paragraph and the standard sections`, function () {
      const help = read('nodes', 'fusionsolar-request', 'locales', lang, 'fusionsolar-request.html');
      assert.match(help, /data-help-name="fusionsolar-request"/);
      assert.match(help, /^\s*<script[^>]*>\s*<p>/);
      for (const h of HEADINGS[lang]) assert.match(help, new RegExp(`<h3>[^<]*${h}`), `section ${h}`);
    });
  }

  it('fusionsolar-plants: every device type of the catalogue has its name in every locale', function () {
    const { DEVICE_TYPES } = require('../../dist/src/api/core/reference-data');
    for (const lang of LANGS) {
      const names = locale('fusionsolar-plants', lang)['fusionsolar-plants'].deviceType;
      assert.deepEqual(Object.keys(names).sort(), DEVICE_TYPES.map((d) => String(d.id)).sort(), lang);
    }
  });

  for (const type of TYPES) {
    it(`${type}: en-US, zh-CN and de locales have the same keys and a help page each`, function () {
      const en = keys(locale(type, 'en-US')).sort();
      for (const lang of LANGS) {
        assert.deepEqual(keys(locale(type, lang)).sort(), en, `${lang} has the keys of en-US`);
        for (const [k, v] of Object.entries(flat(locale(type, lang))))
          assert.ok(typeof v === 'string' && v.trim() !== '', `${lang} ${k} is a text`);
        const help = read('nodes', type, 'locales', lang, `${type}.html`);
        assert.match(help, new RegExp(`data-help-name="${type}"`), `${lang} help page`);
      }
    });

    it(`${type}: a palette label with no ASCII hyphen (Node-RED shows "I-V" as "I - V")`, function () {
      for (const lang of LANGS) {
        const label = locale(type, lang)[type].paletteLabel;
        if (type === 'fusionsolar-account') continue;
        assert.ok(typeof label === 'string' && label && !label.includes('-'), `${lang}: "${label}"`);
      }
    });

    it(`${type}: the build ships every locale`, function () {
      for (const lang of LANGS) {
        for (const ext of ['json', 'html'])
          assert.ok(
            fs.existsSync(path.join(root, 'dist', 'nodes', type, 'locales', lang, `${type}.${ext}`)),
            `dist ${lang}/${type}.${ext}`,
          );
      }
    });
  }
});

function flat(obj, prefix = '') {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === 'object' ? Object.entries(flat(v, `${prefix}${k}.`)) : [[`${prefix}${k}`, v]],
    ),
  );
}
