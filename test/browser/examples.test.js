'use strict';
// Every example as a newcomer uses it: `npm start`, then Import > Examples in the editor,
// "Import copy" (the shared demo account already exists), Deploy, click the injects, and its
// debug nodes show data. Nothing is edited: the imported nodes use the deployed demo account.
const assert = require('node:assert/strict');
const { until } = require('../helpers/wait');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { exampleFiles, expectations } = require('../e2e-runtime/examples');
const { startDemo } = require('../helpers/demo');
const ui = require('./editor-page');

const WebSocket = require(
  require.resolve('ws', { paths: [path.dirname(require.resolve('node-red', { paths: [root] }))] }),
);
const RUNTIMES = (process.env.BROWSER_RUNTIMES || 'nr4,nr5')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const SHARED = ['fusionsolar-demo-account', 'fusionsolar-demo-account-v6'];
// Examples for parts the demo has not got (an MQTT broker, InfluxDB, a second dashboard base):
// the sink suites run those.
const NEEDS_MORE = new Set(['mqtt-broker', 'influxdb', 'ui-base']);
const EXAMPLE_MS = 45000;

/** The debug sidebar's feed (/comms): every debug message and node log line. */
async function debugFeed(url) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/comms`);
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  const messages = [];
  ws.on('message', (data) => {
    for (const m of /** @type {Array<{ topic?: string, data?: unknown }>} */ ([]).concat(JSON.parse(String(data))))
      if (m.topic === 'debug') messages.push(m.data);
  });
  ws.send(JSON.stringify({ subscribe: 'debug' }));
  return { messages, close: () => ws.close() };
}

/** Import > Examples > node-red-contrib-fusionsolar > file > Import, then "Import copy". */
async function importExample(page, file) {
  const tab = '#red-ui-clipboard-dialog-import-tab-examples';
  const tabs = () => {
    const out = [];
    RED.nodes.eachWorkspace((w) => out.push(w.id));
    return out;
  };
  const before = await page.evaluate(tabs);
  await page.evaluate(() => RED.actions.invoke('core:show-import-dialog'));
  await page.click(`a[href="${tab}"]`);
  const item = page.locator(`${tab} .red-ui-treeList-label`).filter({ hasText: new RegExp(`^\\s*${file}\\s*$`) });
  // The package's folder opens on a click once the library has loaded its list. A click on an
  // open, selected folder closes it again, so only a closed folder is clicked: on a loaded
  // machine the list can take longer than one wait to appear.
  const folder = page.locator(`${tab} .red-ui-treeList-label`, { hasText: 'node-red-contrib-fusionsolar' });
  await folder.waitFor({ timeout: 30000 });
  for (let i = 0; i < 30 && !(await item.isVisible()); i++) {
    const open = await folder.evaluate((el) => !!el.parentElement && el.parentElement.classList.contains('expanded'));
    if (!open) await folder.click();
    await item.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  await item.click();
  await page.click('#red-ui-clipboard-dialog-ok');
  // The shared account id exists already: Node-RED asks, and "Import copy" reuses that account.
  const copy = page.locator('.red-ui-notification button', { hasText: 'Import copy' });
  await copy.waitFor({ timeout: 30000 });
  await copy.click();
  const z = await page.waitForFunction((old) => {
    const now = [];
    RED.nodes.eachWorkspace((w) => now.push(w.id));
    return now.find((id) => !old.includes(id));
  }, before);
  return z.jsonValue();
}

for (const name of RUNTIMES) {
  describe(`examples imported into the npm start demo (${name})`, function () {
    this.timeout(90000);
    let demo;
    let editor;
    let feed;

    before(async function () {
      this.timeout(600000);
      const rt = await runtime(name);
      // One demo account for every example, so the pacing of the documented quotas (a plant list
      // a minute) would make this suite wait minutes: the simulator and the account skip it.
      demo = await startDemo({
        DEMO_NODE: rt.node,
        DEMO_RED_JS: rt.redJs,
        SIM_PLANTS: '3',
        SIM_QUOTAS: 'off',
        DEMO_QUOTA: 'off',
      });
      // Node-RED 5's rotating tips of the info sidebar throw when their box is not drawn yet:
      // off in the user's settings before the editor loads (a tip 1 s after load beat the toggle).
      await fetch(`${demo.url}/settings/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ editor: { view: { 'view-show-tips': false } } }),
      });
      editor = await ui.openEditor(demo.url);
      await editor.page.evaluate(() => RED.actions.invoke('core:toggle-show-tips', false));
      // "Modified Flows" from the Deploy menu: a full deploy would restart the demo tabs too, and
      // the dashboard's I-V scan at start would keep the inverters busy for the I-V example.
      await editor.page.click('#red-ui-header-button-deploy-options');
      await editor.page.click('#deploymenu-item-flow');
      feed = await debugFeed(demo.url);
    });

    after(async function () {
      if (feed) feed.close();
      if (editor) await editor.close();
      if (demo) await demo.stop();
    });

    afterEach(function () {
      assert.deepEqual(editor.errors.splice(0), [], 'no console error in the editor');
    });

    for (const { file, flow } of exampleFiles().filter((e) => !e.flow.some((n) => NEEDS_MORE.has(n.type)))) {
      const title = file.replace(/\.json$/, '');
      it(`${title}: imported, deployed unchanged, shows its data`, async function () {
        const { page } = editor;
        const { required, forbidden, manualInjects } = expectations(flow);
        const z = await importExample(page, title);
        const imported = await page.evaluate(
          (tab) =>
            RED.nodes
              .filterNodes({ z: tab })
              .map((n) => ({ id: n.id, type: n.type, name: n.name, account: n.account })),
          z,
        );
        const tabTitle = await page.evaluate((tab) => RED.nodes.workspace(tab)?.label, z);
        assert.equal(tabTitle, flow.find((n) => n.type === 'tab').label, "the tab has the example's title");
        for (const n of imported.filter((x) => x.account !== undefined))
          assert.ok(SHARED.includes(n.account), `${n.type} ${n.name || n.id} uses the demo's account`);
        const accounts = await page.evaluate(() => {
          const out = [];
          RED.nodes.eachConfig((c) => {
            if (c.type === 'fusionsolar-account') out.push(c.id);
          });
          return out.sort();
        });
        assert.deepEqual(accounts, ['dash-account', ...SHARED], 'no other account was imported');
        const start = feed.messages.length;
        await ui.deploy(page);
        await page.evaluate((tab) => RED.workspaces.show(tab), z);
        for (const inject of manualInjects) {
          const id = imported.find((n) => n.type === 'inject' && n.name === inject.name).id;
          await page.locator(`[id="${id}"] .red-ui-flow-node-button`).click();
        }
        const ids = new Set(imported.map((n) => n.id));
        const byName = (d) => (m) => m.z === z && m.name === d.name;
        const fresh = () => feed.messages.slice(start);
        const problems = () =>
          fresh().filter((m) => (m.level === 20 && ids.has(m.id)) || forbidden.some((d) => byName(d)(m)));
        const missing = () => required.filter((d) => !fresh().some((m) => byName(d)(m) && m.level === undefined));
        await until(() => !missing().length || problems().length > 0, `${file}: its debug output`, EXAMPLE_MS).catch(
          () => undefined,
        );
        assert.deepEqual(problems(), [], `${file}: errors`);
        assert.deepEqual(
          missing().map((d) => d.name),
          [],
          `${file}: debug nodes without data; got ${JSON.stringify(fresh()).slice(0, 800)}`,
        );
        for (const d of required) {
          const m = fresh().find(byName(d));
          assert.ok(m.msg !== undefined && m.msg !== 'undefined', `${file}: ${d.name} showed a value`);
        }
      });
    }
  });
}
