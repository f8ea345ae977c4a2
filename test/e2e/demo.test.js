'use strict';
// `npm start` as a user runs it: the same script, a real Node-RED, the simulator, the demo flow.
const assert = require('node:assert/strict');
const { until } = require('../helpers/wait');
const path = require('node:path');
const { startDemo } = require('../helpers/demo');
const { must } = require('../helpers/must');
/** @type {typeof import('ws')} */
const WebSocket = require(require.resolve('ws', { paths: [path.dirname(require.resolve('node-red'))] }));

/** A node set of Node-RED's GET /nodes. */
/** @typedef {{ id: string, module: string, types: string[], err?: string }} NodeSet */

describe('npm start (demo: Node-RED + simulator + demo flow)', function () {
  this.timeout(60000);
  /** @type {TestDemo} */
  let demo;
  /** @type {number} */
  let redPort;

  before(async function () {
    demo = await startDemo({ DEMO_ONCE_DELAY: '4' });
    redPort = demo.redPort;
  });

  after(async function () {
    if (demo) await demo.stop();
  });

  it('lists fusionsolar-account and fusionsolar-plants in /nodes without load errors', async function () {
    const res = await fetch(`http://127.0.0.1:${redPort}/nodes`, { headers: { accept: 'application/json' } });
    /** @type {NodeSet[]} */
    const sets = await res.json();
    const ours = sets.filter((s) => s.module === 'node-red-contrib-fusionsolar');
    const types = ours.flatMap((s) => s.types);
    assert.ok(types.includes('fusionsolar-account'));
    assert.ok(types.includes('fusionsolar-plants'));
    for (const s of ours) assert.equal(s.err, undefined, `${s.id}: ${s.err}`);
  });

  it(
    'serves the fleet dashboard (the @flowfuse/node-red-dashboard devDependency) at ' + '/dashboard/fleet',
    async function () {
      /** @type {NodeSet[]} */
      const sets = await (
        await fetch(`http://127.0.0.1:${redPort}/nodes`, { headers: { accept: 'application/json' } })
      ).json();
      const dashboard = sets.filter((s) => s.module === '@flowfuse/node-red-dashboard');
      assert.ok(
        dashboard.some((s) => s.types.includes('ui-chart')),
        'the dashboard nodes are loaded',
      );
      for (const s of dashboard) assert.equal(s.err, undefined, `${s.id}: ${s.err}`);
      /** @type {FlowNode[]} */
      const flows = await (await fetch(`http://127.0.0.1:${redPort}/flows`)).json();
      assert.ok(
        flows.some((n) => n.type === 'tab' && n.label === 'FusionSolar dashboard'),
        'the dashboard tab is deployed',
      );
      const page = await fetch(`http://127.0.0.1:${redPort}/dashboard/fleet`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="app">/);
    },
  );

  it("delivers the demo flow's plants and devices to the debug sidebar", async function () {
    const ws = new WebSocket(`ws://127.0.0.1:${redPort}/comms`);
    /** @type {DebugMessage[]} */
    const debug = [];
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.on('message', (data) => {
      for (const m of /** @type {Array<{ topic?: string, data: DebugMessage }>} */ ([]).concat(
        JSON.parse(String(data)),
      ))
        if (m.topic === 'debug') debug.push(m.data);
    });
    ws.send(JSON.stringify({ subscribe: 'debug' }));
    // The flow's own "at start" inject fires 4 s after the start: no manual trigger needed.
    const arrived = () => ['devices', 'real-time'].every((name) => debug.some((d) => d.name === name));
    // The assertions below say what is missing; the wait only ends early.
    await until(arrived, "the demo flow's debug output", 25000).catch(() => undefined);
    ws.close();
    const plants = debug.find((d) => d.name === 'plants');
    const devices = debug.find((d) => d.name === 'devices');
    assert.ok(plants, 'plants reached the debug sidebar');
    assert.ok(devices, `devices reached the debug sidebar (got ${JSON.stringify(debug).slice(0, 300)})`);
    assert.equal(plants.format, 'array[5]');
    assert.match(must(devices.format, 'the devices format'), /^array\[\d+\]$/);
    // The real-time poll repeats every 5 minutes: an editor opened later still sees fresh data.
    assert.equal(
      must(
        debug.find((d) => d.name === 'real-time'),
        'the real-time output',
      ).format,
      'array[5]',
    );
    assert.deepEqual(
      debug.filter((d) => d.name === 'errors'),
      [],
      'no error reached the Catch node',
    );
  });
});
