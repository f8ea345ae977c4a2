'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { stopSim, USER } = require('../helpers/sim');
const { helper, NODES } = require('../helpers/flow');
const { sunnySim, stringCount } = require('../helpers/iv');

const core = path.dirname(require.resolve('@node-red/nodes/core/common/20-inject.js'));
const INJECT = require(path.join(core, '20-inject.js'));
const CATCH = require(path.join(core, '25-catch.js'));
const CHANGE = require(path.join(core, '..', 'function', '15-change.js'));
const COMMENT = require(path.join(core, '90-comment.js'));
const FUNCTION = require(path.join(core, '..', 'function', '10-function.js'));
const os = require('node:os');

/** Nodes that would write files, serve HTTP or print are replaced by helper nodes that record. */
const STUBBED = new Set(['debug', 'file', 'http in', 'http response']);

const EXAMPLE = require(path.join(__dirname, '..', '..', 'examples', 'iv-diagnosis-chart.json'));

function exampleFlow(sim) {
  return EXAMPLE.map((n) => {
    if (n.type === 'fusionsolar-account') return { ...n, baseUrl: sim.url };
    if (STUBBED.has(n.type)) return { id: n.id, z: n.z, type: 'helper', wires: n.wires || [] };
    return n;
  });
}

const next = (id) => new Promise((resolve) => helper.getNode(id).once('input', resolve));
const polylines = (svg) => [...svg.matchAll(/<polyline[^>]*points="([^"]*)"/g)].map((m) => m[1].trim().split(/\s+/));

describe('example flow iv-diagnosis-chart.json (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
  });

  it('runs the diagnosis, saves an SVG with one 128-point line per string, and serves it over HTTP', async function () {
    ({ sim } = await sunnySim());
    const flow = exampleFlow(sim);
    await helper.load([...Object.values(NODES), INJECT, CATCH, CHANGE, COMMENT, FUNCTION], flow, {
      'fusionsolar-demo-account': { username: USER.username, password: USER.password },
    });
    const errors = [];
    helper.getNode('iv-errors').on('input', (m) => errors.push(m.error));

    // The stubbed HTTP In node cannot send: its request goes straight to the node it is wired to.
    const httpIn = EXAMPLE.find((n) => n.id === 'iv-http-in');
    assert.equal(httpIn.url, '/fusionsolar/iv-curves');
    const request = () => helper.getNode(httpIn.wires[0][0]).receive({ req: {}, res: {} });
    const missing = next('iv-http-out');
    request();
    assert.match((await missing).payload, /No diagnosis yet/);

    const report = next('iv-report');
    const saved = next('iv-file');
    helper.getNode('iv-inject').receive({ payload: JSON.parse(flow.find((n) => n.id === 'iv-inject').payload) });
    const r = await report;
    assert.deepEqual(errors, []);
    const dns = r.payload.dns;
    assert.equal(r.payload.status, 'complete');
    assert.equal(r.payload.curves.length, stringCount(sim, dns));

    const file = await saved;
    assert.equal(
      file.filename,
      path.join(os.tmpdir(), 'iv-curves.svg'),
      'the picture is written outside the repository',
    );
    const svg = file.payload;
    assert.equal(typeof svg, 'string');
    const lines = polylines(svg);
    assert.equal(lines.length, stringCount(sim, dns));
    assert.ok(lines.every((pts) => pts.length === 128));

    const served = next('iv-http-out');
    request();
    const page = await served;
    assert.equal(page.payload, svg);
    assert.deepEqual(page.headers, { 'content-type': 'image/svg+xml' });
  });
});
