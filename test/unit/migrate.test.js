'use strict';
// Versioned node config: the mechanism is tested with a test-only history, since the
// package has renamed nothing yet; the real table and the editor's defaults are checked too.
const assert = require('node:assert/strict');
const path = require('node:path');
const {
  migrateConfig,
  currentVersion,
  savedVersion,
  tableProblems,
  CONFIG_MIGRATIONS,
  migrationsOf,
} = require('../../dist/nodes/shared/migrate');
const { packageDefinitions } = require('../../scripts/scorecard/node-defs');
const { loadEditorJs } = require('../helpers/editor-js');

// As if version 2 renamed plantCode -> plantCodes and the operation "listPlants",
// and version 3 renamed split -> perItem.
/** @type {import('../../dist/nodes/shared/migrate').ConfigMigration[]} */
const HISTORY = [
  { to: 3, rename: { split: 'perItem' } },
  { to: 2, rename: { plantCode: 'plantCodes' }, values: { operation: { listPlants: 'plantList' } } },
];
const OLD = Object.freeze({
  id: 'n1',
  type: 't',
  operation: 'listPlants',
  plantCode: 'NE=1,NE=2',
  plantCodeType: 'str',
  split: true,
  wires: [['x']],
});

describe('saved node config migrations', function () {
  it('brings a config saved before versioning to the current shape, step by step', function () {
    const r = migrateConfig(OLD, HISTORY);
    assert.equal(r.from, 1);
    assert.equal(r.to, 3);
    assert.equal(r.newer, false);
    assert.deepEqual(r.config, {
      id: 'n1',
      type: 't',
      operation: 'plantList',
      plantCodes: 'NE=1,NE=2',
      plantCodesType: 'str',
      perItem: true,
      wires: [['x']],
      configVersion: 3,
    });
    assert.equal(OLD.plantCode, 'NE=1,NE=2', 'the saved object is left alone');
  });

  it('applies only the steps after the saved version', function () {
    const r = migrateConfig({ operation: 'listPlants', plantCode: 'kept', split: false, configVersion: 2 }, HISTORY);
    assert.deepEqual(r.config, { operation: 'listPlants', plantCode: 'kept', perItem: false, configVersion: 3 });
    assert.equal(r.from, 2);
    // The editor stores what a hidden input holds: a numeric string.
    assert.equal(migrateConfig({ split: true, configVersion: '3' }, HISTORY).config.split, true);
  });

  it('keeps a value already under the new name and drops the old one', function () {
    const r = migrateConfig({ plantCode: 'old', plantCodes: 'new' }, HISTORY);
    assert.equal(r.config.plantCodes, 'new');
    assert.equal('plantCode' in r.config, false);
    assert.equal(migrateConfig({ plantCode: 'old', plantCodes: '' }, HISTORY).config.plantCodes, 'old');
  });

  it('keeps the hidden properties Node-RED passes to a node constructor', function () {
    const cfg = { operation: 'listPlants' };
    const flow = {};
    Object.defineProperty(cfg, '_flow', { value: flow, enumerable: false, writable: true });
    const r = migrateConfig(cfg, HISTORY);
    assert.equal(r.config._flow, flow);
    assert.equal(r.config.operation, 'plantList');
  });

  it('leaves a config saved by a newer package as it is and says so', function () {
    const cfg = { operation: 'future', configVersion: 7 };
    const r = migrateConfig(cfg, HISTORY);
    assert.equal(r.newer, true);
    assert.equal(r.config, cfg);
    assert.equal(r.from, 7);
  });

  it('treats a missing or malformed configVersion as the unversioned shape (1)', function () {
    for (const v of [undefined, '', 'x', 0, -1, 1.5, null])
      assert.equal(savedVersion({ configVersion: v }), 1, String(v));
    assert.equal(currentVersion([]), 1);
    assert.equal(currentVersion(HISTORY), 3);
    assert.deepEqual(migrateConfig({ a: 1 }, []).config, { a: 1, configVersion: 1 });
  });

  it('finds mistakes in a migration table', function () {
    assert.deepEqual(tableProblems(HISTORY), []);
    assert.equal(tableProblems([{ to: 2 }, { to: 2 }]).length, 1);
    assert.equal(tableProblems([{ to: 1 }]).length, 1);
    assert.equal(tableProblems([{ to: 2, rename: { a: 'a' } }]).length, 1);
  });

  it('the editor shows an old node exactly as the runtime will run it', function () {
    const editor = loadEditorJs();
    for (const cfg of [
      OLD,
      { plantCode: 'a', plantCodes: 'b' },
      { split: false, configVersion: 2 },
      { operation: 'x', configVersion: 9 },
      {},
    ]) {
      const runtime = migrateConfig(cfg, HISTORY);
      const view = editor.migrateView(cfg, HISTORY);
      if (runtime.newer) assert.equal(view.changed, false);
      else if (view.changed) assert.deepEqual({ ...view.props }, runtime.config);
      else assert.equal(savedVersion(cfg), currentVersion(HISTORY));
    }
  });

  describe('the package table and every node type of package.json', function () {
    const root = path.join(__dirname, '..', '..');
    const { defs, errors, declared } = packageDefinitions(root);

    it('has a sound table', function () {
      for (const [type, steps] of Object.entries(CONFIG_MIGRATIONS)) assert.deepEqual(tableProblems(steps), [], type);
      assert.deepEqual(errors, []);
    });

    for (const type of declared) {
      it(
        `${type}: configVersion default is the current version, renamed properties stay known to ` + `the editor`,
        function () {
          const def = defs[type];
          assert.ok(def, `${type} has an editor definition`);
          assert.ok(def.defaults.configVersion, `${type} defaults has configVersion`);
          assert.equal(def.defaults.configVersion.value, currentVersion(migrationsOf(type)));
          // Node-RED's editor drops properties missing from defaults: a renamed one must stay
          // there (legacy) or an editor deploy would lose it before the runtime migrates it.
          for (const step of migrationsOf(type)) {
            for (const [from, to] of Object.entries(step.rename || {})) {
              assert.ok(from in def.defaults, `${type}: legacy ${from} kept in defaults`);
              assert.ok(to in def.defaults, `${type}: ${to} in defaults`);
            }
          }
        },
      );
    }
  });
});
