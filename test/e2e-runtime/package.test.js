'use strict';
// Part of `npm test`: the packed tarball, installed as a user would, works as a library.
const assert = require('node:assert');
const { freshUserDir } = require('./install');
const { run } = require('./runtimes');

const PUBLIC = {
  FusionSolarClient: 'function',
  FusionSolarError: 'function',
  describeCode: 'function',
  NODE_OPERATIONS: 'object',
  allOperations: 'function',
  operation: 'function',
  operationsOf: 'function',
  ruleForEndpoint: 'function',
  startSimulator: 'function',
  Simulator: 'function',
  VirtualClock: 'function',
  realClock: 'object',
};

// Runs in the install directory, so the package resolves from its node_modules as for a user.
const PROBE =
  `
const pkg = require('node-red-contrib-fusionsolar');
const names = Object.fromEntries(Object.keys(pkg).map((k) => [k, typeof pkg[k]]));
const op = pkg.operation('plantList');
(async () => {
  const sim = await pkg.startSimulator({ plants: 2 });
  const client = new pkg.FusionSolarClient({ baseUrl: sim.url, username: 'demo', password: 'demo-password' });
  const res = await client.call({ endpoint: 'plants', body: { pageNo: 1, pageSize: 100 } });
  await client.close();
  await sim.close();
  const err = new pkg.FusionSolarError(20001);
  process.stdout.write(JSON.stringify({ names, op: op && op.endpoint, ops: ` +
  `pkg.allOperations().length, plants: res.data.list.length, isError: err instanceof Error, code: ` +
  `err.code, hasText: err.message.length > 0 }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the packed package as a library (require from the tarball)', function () {
  this.timeout(180000);
  let out;

  before(async function () {
    const dir = await freshUserDir();
    out = JSON.parse(await run(process.execPath, ['-e', PROBE], { cwd: dir }));
  });

  it('exposes the client, errors, catalogue and simulator by name', function () {
    for (const [name, type] of Object.entries(PUBLIC))
      assert.strictEqual(out.names[name], type, `${name} should be a ${type}`);
  });

  it('serves the catalogue and talks to its own simulator through the public client', function () {
    assert.strictEqual(out.op, 'plants');
    assert.ok(out.ops >= 30, `catalogue has ${out.ops} operations`);
    assert.strictEqual(out.plants, 2);
    assert.strictEqual(out.isError, true);
    assert.strictEqual(out.code, '20001');
    assert.strictEqual(out.hasText, true);
  });
});
