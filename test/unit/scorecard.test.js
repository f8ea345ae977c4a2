'use strict';
// The scorecard checks of `npm run validate`, on fixtures (no network), and the offline
// checks on this package itself.
const assert = require('node:assert/strict');
const path = require('node:path');
const checks = require('../../scripts/scorecard/checks');
const { verifyException } = require('../../scripts/scorecard/exceptions');
const { mergeCard } = require('../../scripts/scorecard/node-red-dev');
const { packageDefinitions } = require('../../scripts/scorecard/node-defs');
const { examples, readJson, nodeRedDevData, npmLsTree } = require('../../scripts/scorecard/local');
const { must } = require('../helpers/must');

const root = path.join(__dirname, '..', '..');
const PKG = {
  name: 'node-red-contrib-x',
  license: 'MIT',
  keywords: ['node-red'],
  repository: { url: 'https://example.com/x.git' },
  engines: { node: '>=20.18.1' },
  'node-red': { version: '>=4.0.0' },
};
const status = (r) => r.status;

/** A registry stand-in for `npm view`. */
function fakeView(data) {
  return async (spec, field) => (data[`${spec} ${field}`] === undefined ? null : data[`${spec} ${field}`]);
}

describe('scorecard checks', function () {
  it('P01/P03/P05: licence, repository or bugs, node-red keyword', function () {
    assert.equal(status(checks.p01(PKG)), 'pass');
    assert.equal(status(checks.p01({ ...PKG, license: undefined })), 'fail');
    assert.equal(status(checks.p03({ ...PKG, repository: undefined, bugs: 'x@example.com' })), 'pass');
    assert.equal(status(checks.p03({ ...PKG, repository: undefined })), 'fail');
    assert.equal(status(checks.p05({ ...PKG, keywords: ['nodered'] })), 'fail');
  });

  it('P04: the node-red prefix only as node-red-contrib-, scoped names always', function () {
    for (const name of ['node-red-contrib-fusionsolar', '@acme/node-red-fusionsolar', 'fusionsolar-nodes'])
      assert.equal(status(checks.p04({ name })), 'pass', name);
    for (const name of ['node-red-fusionsolar', 'nodered-fusionsolar', 'Node-RED-x'])
      assert.equal(status(checks.p04({ name })), 'fail', name);
    assert.equal(status(checks.p04({ name: 'node-red-dashboard' }, ['node-red-dashboard'])), 'pass');
  });

  it('P06: node-red.version must admit a latest or maintenance release', function () {
    const tags = { latest: '5.0.7', 'maintenance-v4': '4.1.15', next: '6.0.0-beta.1' };
    assert.equal(status(checks.p06(PKG, tags)), 'pass');
    assert.equal(status(checks.p06({ ...PKG, 'node-red': { version: '~4.1.0' } }, tags)), 'pass');
    assert.equal(status(checks.p06({ ...PKG, 'node-red': { version: '<4' } }, tags)), 'fail');
    assert.equal(status(checks.p06({ ...PKG, 'node-red': {} }, tags)), 'fail');
    assert.equal(status(checks.p06(PKG, null)), 'skip');
  });

  it('P07: engines.node must admit the oldest Node.js of the latest Node-RED', function () {
    assert.equal(status(checks.p07(PKG, '>=22.9')), 'pass');
    assert.equal(status(checks.p07({ ...PKG, engines: { node: '>=24' } }, '>=22.9')), 'fail');
    assert.equal(status(checks.p07({ ...PKG, engines: {} }, '>=22.9')), 'fail');
  });

  it('N02: every non-config type in an example; unparsable editor files fail', function () {
    const defs = {
      acc: { type: 'acc', category: 'config' },
      a: { type: 'a', category: 'FusionSolar' },
      b: { type: 'b', category: 'FusionSolar' },
    };
    assert.equal(status(checks.n02(defs, [{ file: 'e.json', flow: [{ type: 'a' }, { type: 'b' }] }])), 'pass');
    const missing = checks.n02(defs, [{ file: 'e.json', flow: [{ type: 'a' }, { type: 'acc' }] }]);
    assert.equal(missing.status, 'fail');
    assert.match(missing.detail, /no example uses b$/);
    assert.equal(status(checks.n02(defs, [])), 'fail');
    assert.equal(status(checks.n02(defs, [{ file: 'e.json', flow: { nodes: [] } }])), 'fail');
    assert.equal(
      status(
        checks.n02(
          defs,
          [{ file: 'e.json', flow: [{ type: 'a' }, { type: 'b' }] }],
          ['x.html: color must be a literal'],
        ),
      ),
      'fail',
    );
  });

  it('D01/D02: dependency count and known incompatible packages anywhere in the tree', function () {
    const seven = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [`d${i}`, '^1']));
    assert.equal(status(checks.d01({ dependencies: seven })), 'fail');
    const tree = (v) => ({ dependencies: { a: { version: '1.0.0', dependencies: { 'agent-base': { version: v } } } } });
    const bad = checks.d02(tree('5.1.1'), { 'agent-base': '<6.0.0' });
    assert.equal(bad.status, 'fail');
    assert.equal(bad.detail, 'agent-base@5.1.1');
    assert.equal(status(checks.d02(tree('6.0.2'), { 'agent-base': '<6.0.0' })), 'pass');
  });

  it('D03: npm-check\'s rule for "at the latest version"', function () {
    assert.equal(checks.upToDate('^7.30.2', '7.30.2', { latest: '8.12.4' }).ok, false);
    assert.equal(checks.upToDate('^4.1.0', '4.6.7', { latest: '4.6.7' }).ok, true);
    assert.equal(checks.upToDate('^4.1.0', '4.1.0', { latest: '4.6.7' }).ok, true, 'a minor behind is an easy upgrade');
    assert.equal(checks.upToDate('^0.1.0', '0.1.0', { latest: '0.2.0' }).ok, false);
    assert.equal(checks.upToDate('^2.0.0', '2.1.0-beta.1', { latest: '2.0.0', next: '2.1.0-beta.1' }).ok, false);
    assert.equal(
      checks.upToDate('^2.1.0-beta.1', '2.1.0-beta.1', { latest: '2.0.0', next: '2.1.0-beta.2' }).ok,
      true,
      'ahead of latest: compared with next',
    );
  });

  describe('D03 exception for undici ^7', function () {
    const registry = (over = {}) =>
      fakeView({ 'undici@8.12.4 engines': { node: '>=22.19.0' }, 'undici@^7 version': ['7.30.1', '7.30.2'], ...over });
    const args = (over = {}) => ({
      pkg: PKG,
      range: '^7.30.2',
      installed: '7.30.2',
      latest: '8.12.4',
      view: registry(),
      ...over,
    });

    it('holds while undici 8 drops our oldest Node and we run the newest 7.x', async function () {
      const e = must(await verifyException('undici', args()), 'the exception');
      assert.equal(e.ok, true, e.detail);
      assert.match(e.reason, /Node 20/);
      const d = checks.d03([
        { name: 'undici', range: '^7.30.2', installed: '7.30.2', tags: { latest: '8.12.4' }, exception: e },
        { name: 'zod', range: '^4.1.0', installed: '4.6.7', tags: { latest: '4.6.7' } },
      ]);
      assert.equal(d.status, 'exception');
    });

    it(
      'fails when it no longer holds: undici supports Node 20 again, 7.x is behind, or the range ' + 'moved',
      async function () {
        assert.equal(
          (
            await verifyException(
              'undici',
              args({ view: registry({ 'undici@8.12.4 engines': { node: '>=20.18.1' } }) }),
            )
          )?.ok,
          false,
        );
        const behind = must(await verifyException('undici', args({ installed: '7.30.1' })), 'the exception');
        assert.equal(behind.ok, false);
        assert.match(behind.detail, /npm update undici/);
        assert.equal((await verifyException('undici', args({ range: '^6.0.0' })))?.ok, false);
        const d = checks.d03([
          { name: 'undici', range: '^7.30.2', installed: '7.30.1', tags: { latest: '8.12.4' }, exception: behind },
        ]);
        assert.equal(d.status, 'fail');
      },
    );

    it('has no exception for other packages: an outdated one fails, an unanswered registry skips', async function () {
      assert.equal(await verifyException('zod', args()), undefined);
      assert.equal(
        status(checks.d03([{ name: 'zod', range: '^3.0.0', installed: '3.25.0', tags: { latest: '4.6.7' } }])),
        'fail',
      );
      assert.equal(status(checks.d03([{ name: 'zod', range: '^4.1.0', installed: '4.6.7', tags: null }])), 'skip');
    });
  });

  it("merges node-red-dev's scorecard: its failures fail, D03 for verified exceptions only", function () {
    const rows = { P01: checks.p01(PKG), N01: { code: 'N01', title: 'unique', status: 'n/a', detail: '' } };
    mergeCard(
      rows,
      { package: { name: 'x' }, P01: { test: false }, N01: { test: true }, D03: { test: false, packages: ['undici'] } },
      ['undici'],
    );
    assert.equal(rows.P01.status, 'fail');
    assert.equal(rows.N01.status, 'pass');
    assert.equal(rows.D03, undefined);
    mergeCard(rows, { D03: { test: false, packages: ['undici', 'zod'] } }, ['undici']);
    assert.equal(rows.D03.status, 'fail');
  });
});

describe('scorecard of this package (offline checks)', function () {
  const pkg = readJson(path.join(root, 'package.json'));

  it('passes P01, P03, P04, P05, D01', function () {
    const official = (nodeRedDevData(root, 'officalnodes.json') || { nodes: [] }).nodes;
    for (const r of [checks.p01(pkg), checks.p03(pkg), checks.p04(pkg, official), checks.p05(pkg), checks.d01(pkg)])
      assert.equal(r.status, 'pass', `${r.code}: ${r.detail}`);
  });

  it('N02: every node type of package.json is in an example, and every editor file parses', function () {
    const { defs, errors, declared } = packageDefinitions(root);
    assert.deepEqual(Object.keys(defs).sort(), [...declared].sort());
    const r = checks.n02(defs, examples(root), errors);
    assert.equal(r.status, 'pass', r.detail);
  });

  it('D02: no incompatible package in the installed production tree', async function () {
    // npm ls of the whole tree: seconds when idle, minutes on a loaded machine.
    this.timeout(600_000);
    const r = checks.d02(await npmLsTree(root), nodeRedDevData(root, 'badpackages.json'));
    assert.equal(r.status, 'pass', r.detail);
  });
});
