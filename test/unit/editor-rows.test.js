'use strict';
// The editor's rows and rules come from the catalogue: every field, option and setting of
// every operation has its row in the node's dialog, no row is left over, and the rules the
// editor checks (ranges, enumerations) are the catalogue's own, as JSON Schema.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { NODE_OPERATIONS, editorOperation, editorSettings } = require('../../dist/src/api');
const { catalogued, fsError, must } = require('../helpers/must');
const { NODE_SETTINGS } = require('../../dist/nodes/shared/node-settings');
const { loadEditorJs } = require('../helpers/editor-js');

const root = path.join(__dirname, '..', '..');
const html = (type) => fs.readFileSync(path.join(root, 'nodes', type, `${type}.html`), 'utf8');
const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const ALL_TYPES = Object.keys(PKG['node-red'].nodes);
const rowsIn = (type) =>
  [...html(type).matchAll(/class="form-row fs-field"[^>]*data-field="([^"]+)"/g)].map((m) => m[1]);

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
      assert.doesNotMatch(
        source,
        /<select id="node-input-operation"[^>]*>\s*<option/,
        'operations come from the catalogue',
      );
    });
  }

  for (const api of ['v7', 'v6']) {
    it(`${api} account: every operation it is offered finds its rows in the node's dialog`, function () {
      let offered = 0;
      for (const [type, ops] of Object.entries(NODE_OPERATIONS)) {
        const rows = rowsIn(type);
        for (const op of ops.filter((o) => (o.api ?? 'v7') === api)) {
          const e = editorOperation(op);
          assert.equal(e.api, api, `${op.name} says its interface`);
          for (const row of e.rows)
            assert.ok(rows.includes(row), `${type} ${api} ${op.name}: ${row} has an editor row`);
          offered++;
        }
      }
      assert.ok(offered >= (api === 'v7' ? 30 : 15), `${offered} ${api} operations`);
    });
  }

  it('V6 plant lists and plant data keep the plants in the V7 row, so a node moves between accounts', function () {
    for (const name of ['realtimeKpi', 'hourKpi', 'dayKpi', 'monthKpi', 'yearKpi', 'deviceList']) {
      const e = editorOperation(catalogued(name, 'v6'));
      assert.ok(e.rows.includes('plantCodes') && !e.rows.includes('stationCodes'), `${name}: ${e.rows}`);
      assert.ok(e.schema.plantCodes, `${name}: the row has the field's schema`);
    }
    for (const name of ['hourKpi', 'realtimeKpi'])
      assert.deepEqual(editorOperation(catalogued(name, 'v6')).replaces, { allPlants: ['plantCodes'] });
    assert.deepEqual(editorOperation(catalogued('historyKpi')).replaces, {
      allPlants: ['plantCodes'],
      range: ['startTime', 'endTime'],
    });
  });

  it('operation nodes: no script beyond registerType, no hand-copied choices, ranges or operation lists', function () {
    for (const type of Object.keys(NODE_OPERATIONS)) {
      const source = html(type);
      const script = source.slice(source.indexOf('<script type="text/javascript">'), source.indexOf('</script>'));
      assert.equal((script.match(/RED\.nodes\.registerType\(/g) || []).length, 1, `${type}: one registerType`);
      assert.doesNotMatch(script, /\$\(/, `${type}: the dialog's behaviour lives in the shared editor script`);
      assert.doesNotMatch(source, /<script src=/, `${type}: the shared editor script is loaded once, by the account`);
      assert.doesNotMatch(
        source,
        /data-(ops|types)=/,
        `${type}: which operation uses a row, and its values, come from the catalogue`,
      );
      for (const m of source.matchAll(
        /<select id="node-input-(\w+)"[^>]*class="fs-choices"[^>]*>([\s\S]*?)<\/select>/g,
      )) {
        assert.doesNotMatch(m[2], /<option value="[^"]+"/, `${type} ${m[1]}: only an empty option of its own`);
      }
    }
  });

  it("V6 choices are the schemas' own: device types per operation, alarm filters with their names", function () {
    /**
     * The keywords of a field's schema this test reads (it asserts each is there).
     * @typedef {{ enum: unknown[], items: { enum: unknown[] }, 'x-names': Record<string, string>,
     *   [keyword: string]: unknown }} FieldSchema
     */
    const schemaOf = (op) => /** @type {Record<string, FieldSchema>} */ (editorOperation(op).schema);
    const types = (name) => schemaOf(catalogued(name, 'v6')).devTypeId.items.enum;
    assert.deepEqual(types('deviceRealtimeKpi'), [1, 10, 17, 38, 39, 41, 47]);
    assert.deepEqual(types('deviceDayKpi'), [1, 38, 39, 41]);
    assert.equal(schemaOf(catalogued('deviceDayKpi')).devTypeId['x-names'][38], 'Residential inverter');
    const alarms = schemaOf(catalogued('alarmList'));
    assert.deepEqual(alarms.levels.items.enum, [1, 2, 3, 4]);
    assert.equal(alarms.levels['x-names'][1], 'Critical');
    assert.deepEqual(alarms.status.items.enum, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(alarms.types.items.enum, [1, 2, 3, 4, 5]);
    assert.ok(alarms.devTypes.items.enum.includes(70) && alarms.devTypes.items.enum.length === 19);
    assert.ok(alarms.language.enum.includes('de_DE'));
    assert.deepEqual(editorOperation(catalogued('plantList', 'v6')).schema.pageSize.enum, [10, 20, 30, 50, 100]);
    assert.equal(editorOperation(catalogued('runDiagnosis')).schema.progress['x-second-output'], true);
  });

  it('each option and setting comes with its schema; a row name maps to its field', function () {
    for (const ops of Object.values(NODE_OPERATIONS)) {
      for (const op of ops) {
        const e = editorOperation(op);
        for (const row of [...e.options, ...e.settings]) assert.ok(e.schema[row], `${op.name}.${row} has a schema`);
        assert.ok(!e.options.some((o) => op.fields.includes(o)), `${op.name}: an option is never also a field`);
      }
    }
    const reg = editorOperation(catalogued('snRegistration'));
    assert.ok(
      reg.rows.includes('userAccount') && !reg.rows.includes('account'),
      'the account field is edited as userAccount',
    );
    assert.ok(reg.schema.userAccount, 'under its row name');
    assert.ok(!editorOperation(catalogued('drm')).rows.includes('plantcodes'), 'a message-only spelling has no row');
  });

  it("ranges and enumerations are the schemas' own", function () {
    const dispatch = editorOperation(catalogued('chargeDischarge')).schema;
    assert.deepEqual([dispatch.targetSOC.minimum, dispatch.targetSOC.maximum], [0, 100]);
    assert.deepEqual([dispatch.dispatchTime.minimum, dispatch.dispatchTime.maximum], [0, 1440]);
    assert.deepEqual(dispatch.controlType.enum, [1, 2]);
    const ems = editorOperation(catalogued('emsMode')).schema.controlType;
    assert.deepEqual(ems.enum, [0, 2, 4, 5, 6]);
    assert.deepEqual(ems['x-unsupported'], [0, 2, 4, 5], 'the modes the reference marks unsupported');
    const diag = editorOperation(catalogued('runDiagnosis')).schema;
    assert.deepEqual([diag.modulePlaneIrradiance.minimum, diag.modulePlaneIrradiance.maximum], [600, 1500]);
    assert.deepEqual([diag.pollInterval.minimum, diag.pollInterval.maximum], [5, 10]);
    assert.deepEqual(editorOperation(catalogued('historyKpi')).schema.range.enum, [
      'last24h',
      'today',
      'yesterday',
      '',
    ]);
    assert.deepEqual(editorOperation(catalogued('plantList')).schema.pageSize.enum, [50, 100]);
  });

  it("the editor checks a literal value against the row's schema, and leaves other types to the message", function () {
    const { keepsRules } = loadEditorJs();
    const soc = editorOperation(catalogued('chargeDischarge')).schema.targetSOC;
    assert.equal(keepsRules(soc, '50', 'str'), true);
    assert.equal(keepsRules(soc, '101', 'str'), false);
    assert.equal(keepsRules(soc, 'abc', 'str'), false);
    assert.equal(keepsRules(soc, '', 'str'), true, 'empty: the message may supply it');
    assert.equal(keepsRules(soc, 'payload.soc', 'msg'), true);
    const minutes = editorOperation(catalogued('runDiagnosis')).schema.maxMinutes;
    assert.equal(keepsRules(minutes, '1.5'), false, 'a whole number');
    assert.equal(
      keepsRules(editorOperation(catalogued('plantList')).schema.pageSize, '75', 'str'),
      false,
      'one of the page sizes',
    );
    const levels = editorOperation(catalogued('alarmList')).schema.levels;
    assert.equal(keepsRules(levels, ['1', '4']), true, 'a multiple choice saved as an array');
    assert.equal(keepsRules(levels, ['1', '7']), false, 'a level the reference does not list');
    assert.equal(keepsRules(levels, '2, 3'), true);
    assert.equal(keepsRules(levels, '2,x'), false);
    assert.equal(keepsRules(levels, []), true, 'none chosen: every level');
  });

  /** Every schema the catalogue serves for a row of a node type: its operations' and its own settings'. */
  function servedSchemas(type) {
    const out = {};
    const add = (row, schema) => (out[row] = out[row] || []).push(schema);
    for (const op of NODE_OPERATIONS[type] || [])
      for (const [row, schema] of Object.entries(editorOperation(op).schema)) add(row, schema);
    if (NODE_SETTINGS[type])
      for (const [row, schema] of Object.entries(editorSettings(NODE_SETTINGS[type]).schema)) add(row, schema);
    return out;
  }
  const RULE_KEYS = ['enum', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
  const hasRule = (s) => RULE_KEYS.some((k) => s[k] !== undefined || (s.items && s.items[k] !== undefined));
  const choicesOf = (s) => s.enum || (s.items && s.items.enum);

  for (const type of ALL_TYPES) {
    it(`${type}: no choice list or rule the catalogue owns is written in the node's HTML`, function () {
      const source = html(type);
      const served = servedSchemas(type);
      for (const m of source.matchAll(/<select id="node-(?:config-)?input-(\w+)"([^>]*)>([\s\S]*?)<\/select>/g)) {
        const [, row, attrs, body] = m;
        if (!(served[row] || []).some(choicesOf)) continue;
        assert.match(
          attrs,
          /class="[^"]*fs-(choices|device-types)/,
          `${type} ${row}: the select is filled from the catalogue`,
        );
        assert.doesNotMatch(body, /<option value="[^"]+"/, `${type} ${row}: no option of its own but an empty one`);
      }
      const defaults = source.slice(source.indexOf('defaults:'), source.indexOf('label:', source.indexOf('defaults:')));
      const unchecked = [];
      for (const m of defaults.matchAll(/\n\s+(\w+): \{([^\n]*)\}/g)) {
        const [, row, def] = m;
        if (!(served[row] || []).some(hasRule)) continue;
        const check =
          `validate: function \\(v\\) \\{ return FusionSolarEditor\\.rule\\('${type}', '${row}'\\)` +
          '\\.call\\(this, v\\); \\}';
        if (!new RegExp(check).test(def)) unchecked.push(row);
      }
      // A row the catalogue gives a rule is checked by that rule: not by one of its own, and
      // not left unchecked (a bad saved value would go unflagged until the message fails).
      assert.deepEqual(unchecked, [], `${type}: rows not checked by the catalogue's rule`);
      const scripts = [...source.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map((x) => x[1]);
      for (const row of Object.keys(served).filter((r) => served[r].some(hasRule)))
        for (const script of scripts)
          assert.doesNotMatch(
            script,
            new RegExp(`#node-(?:config-)?input-${row}'\\)\\.val\\(\\)\\s*[=!]==`),
            `${type} ${row}: no value of it is compared in the dialog's script`,
          );
    });
  }

  // Every rule keyword the editor applies, beyond those of RULE_KEYS: JSON text, time zones, conditions.
  const EDITOR_RULE_KEYS = [...RULE_KEYS, 'x-json', 'x-time-zone', 'x-when'];
  const editorRuled = (s) =>
    s.type === 'number' ||
    s.type === 'integer' ||
    EDITOR_RULE_KEYS.some((k) => s[k] !== undefined || (s.items && s.items[k] !== undefined));

  it('fusionsolar-account: every ruled setting is checked by its served rule, and every check has a rule', function () {
    const source = html('fusionsolar-account');
    const served = editorSettings(NODE_SETTINGS['fusionsolar-account']).schema;
    const ruled = Object.keys(served).filter((row) => editorRuled(served[row]));
    for (const row of ['api', 'baseUrl', 'locale', 'quotaProfile', 'quotaCustom', 'quotaDayZone', 'store'])
      assert.ok(ruled.includes(row), `${row} has a served rule`);
    assert.ok(ruled.includes('redisUrl') && ruled.includes('redisFallback'));
    const defaults = source.slice(source.indexOf('defaults:'), source.indexOf('credentials:'));
    const checked = [
      ...defaults.matchAll(/\n\s+(\w+): \{[^\n]*FusionSolarEditor\.rule\('fusionsolar-account', '(\w+)'\)/g),
    ];
    for (const [, row, named] of checked) assert.equal(named, row, `${row} is checked by its own rule`);
    assert.deepEqual(checked.map((m) => m[1]).sort(), [...ruled].sort(), 'the rows checked are the rows ruled');
    assert.doesNotMatch(defaults, /validate: (?!function \(v\) \{ return FusionSolarEditor\.rule|RED\.validators)/);
    for (const script of [...source.matchAll(/<script type="text\/javascript">([\s\S]*?)<\/script>/g)].map((m) => m[1]))
      assert.doesNotMatch(script, /\$\(|https?:\/\/|function valid/, 'no check, preset or behaviour in the HTML');
    const region = must(
      /<select id="node-config-input-region"[^>]*>([\s\S]*?)<\/select>/.exec(source),
      'the region select',
    )[1];
    assert.deepEqual(
      [...region.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]),
      ['custom'],
      'regions are served',
    );
    assert.deepEqual(Object.keys(/** @type {object} */ (served.baseUrl['x-presets'])), [
      'eu5',
      'intl',
      'sg5',
      'la5',
      'au5',
    ]);
  });

  it('every rule check in a dialog names a row the catalogue serves a rule for', function () {
    for (const type of ALL_TYPES) {
      const served = servedSchemas(type);
      for (const m of html(type).matchAll(/FusionSolarEditor\.rule\('([\w-]+)', '(\w+)'\)/g)) {
        assert.equal(m[1], type, `${type}: checks its own rows`);
        assert.ok((served[m[2]] || []).some(editorRuled), `${type} ${m[2]}: the check has a served rule`);
      }
    }
  });

  it('the account runtime refuses exactly what the editor flags (one schema)', function () {
    const { accountSetting } = require('../../dist/src/client/account-settings');
    const { keepsRules } = loadEditorJs();
    const ACCOUNT = NODE_SETTINGS['fusionsolar-account'];
    const schema = editorSettings(ACCOUNT).schema;
    for (const [row, values] of Object.entries({
      api: ['v7', 'v6', 'v8', 'V7'],
      baseUrl: ['https://eu5.fusionsolar.huawei.com', 'http://127.0.0.1:27200/', 'https://[::1]:8443', 'ftp://x'],
      locale: ['zh-cn', 'de'],
      quotaProfile: ['off', 'strict'],
      store: ['redis', 'memory'],
      redisFallback: ['stop', 'wait'],
      quotaDayZone: ['Europe/Berlin', '+08:00', 'UTC-3', '-0330', 'Mars/Olympus', 'nowhere', 'UTC+99:00', '+05:75'],
      redisUrl: ['rediss://user@redis.example:6380/0', 'redis://u:secret@h', 'redis://h/x', 'http://h'],
    }))
      for (const v of values) {
        let runtime = true;
        try {
          accountSetting(/** @type {Parameters<typeof accountSetting>[0]} */ (row), v);
        } catch (e) {
          runtime = false;
          assert.match(/** @type {Error} */ (e).message, new RegExp(`^${row}: `), 'the error names the setting');
        }
        assert.equal(keepsRules(schema[row], v), runtime, `${row} "${v}": editor and runtime agree`);
      }
    for (const bad of ['https://user:pw@host', 'https://host/?a=1', 'eu5.fusionsolar.huawei.com', 'https://h#x'])
      assert.equal(keepsRules(schema.baseUrl, bad), false, `baseUrl "${bad}" is flagged`);
    assert.equal(keepsRules(schema.quotaCustom, '{"plants":{}}'), true);
    for (const bad of ['{', '[1]', '3']) assert.equal(keepsRules(schema.quotaCustom, bad), false, `quotaCustom ${bad}`);
    const editor = loadEditorJs({}, { catalogue: { settings: { 'fusionsolar-account': editorSettings(ACCOUNT) } } });
    const rule = (row, node, v) => editor.rule('fusionsolar-account', row).call(node, v);
    assert.equal(rule('redisUrl', { store: 'redis' }, 'nonsense'), false, 'a bad Redis URL is flagged');
    assert.equal(rule('redisUrl', { store: 'redis' }, ''), false, 'and so is none, with the Redis store');
    assert.equal(
      rule('redisUrl', { store: 'local' }, 'nonsense'),
      true,
      'the Redis URL counts only with the Redis store',
    );
    assert.equal(rule('quotaCustom', { quotaProfile: 'custom' }, '['), false);
    assert.equal(rule('quotaCustom', { quotaProfile: 'documented' }, '['), true, 'custom rules count only when chosen');
    assert.equal(rule('quotaDayZone', {}, 'Mars/Olympus'), false);
    assert.equal(rule('baseUrl', {}, 'ftp://x'), false);
  });

  it('node settings outside operations are served with their rules, and the editor checks them', function () {
    const { keepsRules } = loadEditorJs();
    const monitor = editorSettings(NODE_SETTINGS['fusionsolar-monitor']).schema;
    assert.deepEqual(monitor.format.enum, ['plain', 'influxdb', 'homeassistant']);
    for (const [row, good, bad] of /** @type {Array<[string, string[], string[]]>} */ ([
      ['deviceTypes', ['1,38,17,39,47', '1 38', '', ' 1, 2 '], ['1,x', '0', '1.5', '-1', '1,,x']],
      ['interval', ['0', '30', ''], ['-5', 'abc']],
      ['format', ['plain', 'homeassistant'], ['csv', 'Plain']],
      ['haPrefix', ['homeassistant', 'ha/x', ''], ['ha/#', 'a+b', '/ha', 'ha/']],
    ])) {
      for (const v of good) assert.equal(keepsRules(monitor[row], v), true, `${row} "${v}" is fine`);
      for (const v of bad) assert.equal(keepsRules(monitor[row], v), false, `${row} "${v}" is flagged`);
    }
    const request = editorSettings(NODE_SETTINGS['fusionsolar-request']).schema;
    assert.deepEqual(request.method.enum, ['POST', 'GET']);
    assert.equal(keepsRules(request.method, 'PUT'), false);
    const create = editorOperation(catalogued('createTask')).schema;
    assert.deepEqual(create.cleanStatus.enum, [0, 1]);
    assert.deepEqual(create.environmentalParameters.enum, [0, 1]);
    assert.deepEqual(editorOperation(catalogued('stringConfigs')).schema.configStatus.enum, [0, 1]);
    assert.deepEqual(editorOperation(catalogued('chargeDischarge')).schema.dispatchSwitch.enum, [0, 1, 2]);
    const deviceType = editorOperation(catalogued('deviceList')).schema.deviceTypeId;
    assert.equal(keepsRules(deviceType, '20815'), true);
    assert.equal(keepsRules(deviceType, '7'), false, 'not a device type of chapter 10');
  });

  it('the monitor runtime refuses exactly what the editor flags (one schema)', function () {
    const { monitorSettings } = require('../../dist/nodes/fusionsolar-monitor/settings');
    const { keepsRules } = loadEditorJs();
    const schema = editorSettings(NODE_SETTINGS['fusionsolar-monitor']).schema;
    for (const [row, values] of Object.entries({
      deviceTypes: ['1,38', '1,x', '0', ' 2 , 3 '],
      interval: ['5', '-1', 'x'],
      format: ['influxdb', 'csv'],
      haPrefix: ['ha', 'ha/#', '/ha'],
    }))
      for (const v of values) {
        let runtime = true;
        try {
          // A saved node with only this setting: the others take their defaults.
          monitorSettings(
            /** @type {import('../../dist/nodes/fusionsolar-monitor/settings').MonitorConfig} */ (
              /** @type {unknown} */ ({ [row]: v })
            ),
          );
        } catch (e) {
          runtime = false;
          assert.match(fsError(e).message, new RegExp(`^${row}: `), 'the error names the setting');
        }
        assert.equal(keepsRules(schema[row], v), runtime, `${row} "${v}": editor and runtime agree`);
      }
  });
});
