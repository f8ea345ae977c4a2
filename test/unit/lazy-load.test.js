'use strict';
// Node-RED requires every node file at start-up: that must not load undici or zod (issue 13).
// Each check runs in a fresh process so nothing another test loaded is in require.cache.
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const pkg = require(path.join(ROOT, 'package.json'));
const FILES = Object.values(pkg['node-red'].nodes).map((f) => path.join(ROOT, f));
const HEAVY = /[\\/]node_modules[\\/](undici|zod)[\\/]/;

/** Runs `body` in a new node process after requiring the node files; returns its JSON output. */
function inChild(body) {
  const script =
    `
    const fns = ${JSON.stringify(FILES)}.map((f) => require(f));
    const heavy = () => [...new Set(Object.keys(require.cache).filter((k) ` +
    `=> ${HEAVY}.test(k)).map((k) => ${HEAVY}.exec(k)[1]))].sort();
    const routes = [];
    const types = {};
    const RED = {
      nodes: { registerType: (type, ctor) => { types[type] = ctor; }, createNode() {}, getNode: () => null },
      httpAdmin: { get: (p, ...h) => routes.push([p, h.at(-1)]), post: (p, ...h) => routes.push([p, h.at(-1)]) },
      auth: { needsPermission: () => (_req, _res, next) => next() },
      events: { on() {} },
      settings: {},
      _: (k) => k,
    };
    (async () => { ${body} })().then((out) => process.stdout.write(JSON.stringify(out)), (err) => { ` +
    `console.error(err); process.exit(1); });
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
}

describe('start-up: what requiring the node files loads', function () {
  this.timeout(30000);

  it('requiring every node file loads neither undici nor zod', function () {
    assert.deepEqual(inChild('return heavy();'), []);
  });

  it(
    'registering every type and admin route loads neither; the first catalogue request loads zod, ' + 'not undici',
    function () {
      const out = inChild(
        `
      for (const f of fns) f(RED);
      const afterRegister = heavy();
      const catalogue = routes.find(([p]) => p === '/fusionsolar/catalogue');
      let body;
      catalogue[1]({}, { json: (b) => { body = b; } });
      return { afterRegister, types: Object.keys(types).sort(), afterRoute: heavy(), plants: ` +
          `body.operations['fusionsolar-plants'].map((o) => o.name) };
    `,
      );
      assert.deepEqual(out.afterRegister, []);
      assert.deepEqual(out.types, Object.keys(pkg['node-red'].nodes).sort());
      assert.deepEqual(out.afterRoute, ['zod']);
      assert.ok(out.plants.includes('plantList'), `the route answered from the catalogue: ${out.plants}`);
    },
  );

  it('a client loads undici at its first request, not when it is made', function () {
    const out = inChild(
      `
      const { FusionSolarClient } = require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'client'))});
      const client = new FusionSolarClient({ baseUrl: 'http://127.0.0.1:9', username: 'u', password: ` +
        `'p', timeoutSec: 2, tlsVerify: true, allowControl: false, quotaProfile: 'off', quotaWait: 0 });
      const made = heavy().includes('undici');
      const code = await client.ensureSession().then(() => 'none', (e) => e.code);
      await client.close();
      return { made, code, afterCall: heavy().includes('undici') };
    `,
    );
    assert.deepEqual(out, { made: false, code: 'ECONNREFUSED', afterCall: true });
  });
});
