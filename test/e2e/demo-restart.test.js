'use strict';
// `npm start` keeps what a user built in the demo: the flows are seeded only into a user
// directory without flows.json, or again on `npm start -- --reset`.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startDemo } = require('../helpers/demo');
const { must } = require('../helpers/must');

/**
 * @param {TestDemo} demo
 * @returns {Promise<FlowNode[]>}
 */
async function flows(demo) {
  return (await fetch(`${demo.url}/flows`, { headers: { accept: 'application/json' } })).json();
}

/**
 * @param {TestDemo} demo
 * @param {object[]} nodes
 */
async function deploy(demo, nodes) {
  const res = await fetch(`${demo.url}/flows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'Node-RED-Deployment-Type': 'full' },
    body: JSON.stringify(nodes),
  });
  assert.equal(res.status, 204, await res.text());
}

describe('npm start keeps the flows edited in the demo', function () {
  this.timeout(120000);
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-demo-restart-'));
  /** @type {TestDemo} */
  let demo;

  after(async function () {
    if (demo) await demo.stop();
    fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('seeds the demo flows into an empty user directory', async function () {
    demo = await startDemo({}, { userDir });
    const seeded = await flows(demo);
    assert.ok(
      seeded.some((n) => n.type === 'tab' && n.id === 'demo-tab'),
      'the demo tab is deployed',
    );
    const account = must(
      seeded.find((n) => n.id === 'fusionsolar-demo-account'),
      'the demo account',
    );
    assert.equal(account.baseUrl, `http://127.0.0.1:${demo.simPort}`);
    assert.match(demo.output, /the demo flows, seeded into/);
    // As the tests run Node-RED: no update notification, no catalogue fetch, no telemetry prompt.
    const settings = require(path.join(userDir, 'settings.js'));
    assert.deepEqual(settings.editorTheme.palette.catalogues, []);
    assert.equal(settings.telemetry.enabled, false);
    assert.equal(settings.fileWorkingDirectory, userDir, 'relative file names land in the user directory');
  });

  it(
    'a restart (on other ports) keeps an edited flow and points the demo account at the new ' + 'simulator',
    async function () {
      const edited = (await flows(demo)).filter((n) => n.z !== 'demo-tab' && n.id !== 'demo-tab');
      edited.push(
        { id: 'mine-tab', type: 'tab', label: 'my flow' },
        {
          id: 'mine-inject',
          type: 'inject',
          z: 'mine-tab',
          name: 'mine',
          props: [],
          repeat: '',
          once: false,
          x: 100,
          y: 100,
          wires: [[]],
        },
      );
      await deploy(demo, edited);
      await demo.stop();
      demo = await startDemo({}, { userDir });
      const after = await flows(demo);
      assert.ok(
        after.some((n) => n.id === 'mine-inject'),
        'my node survived npm start',
      );
      assert.ok(!after.some((n) => n.id === 'demo-tab'), 'the deleted demo tab stays deleted');
      assert.equal(after.length, edited.length);
      assert.equal(
        must(
          after.find((n) => n.id === 'fusionsolar-demo-account'),
          'the demo account',
        ).baseUrl,
        `http://127.0.0.1:${demo.simPort}`,
      );
      assert.match(demo.output, /yours, kept in/);
    },
  );

  it('npm start -- --reset seeds the demo flows again', async function () {
    await demo.stop();
    demo = await startDemo({}, { userDir, args: ['--reset'] });
    const reset = await flows(demo);
    assert.ok(
      reset.some((n) => n.id === 'demo-tab'),
      'the demo tab is back',
    );
    assert.ok(!reset.some((n) => n.id === 'mine-inject'), 'my flow is replaced');
  });
});
