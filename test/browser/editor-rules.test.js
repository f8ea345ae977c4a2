'use strict';
// The rules the catalogue serves, as the editor applies them in each language: a saved value
// they rule out is flagged on the node, a choice row lists the catalogue's values with the
// locale's names, and a conditional row of the monitor follows its setting.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed } = require('../e2e-runtime/node-red');
const ui = require('./editor-page');

const RUNTIMES = (process.env.BROWSER_RUNTIMES || 'nr4,nr5')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const locale = (type, lang) =>
  JSON.parse(fs.readFileSync(path.join(root, 'nodes', type, 'locales', lang, `${type}.json`), 'utf8'))[type];

const ACCOUNT = { id: 'acc', type: 'fusionsolar-account', baseUrl: 'http://127.0.0.1:1', api: 'v7' };
/** Each node once with values the catalogue rules out (bad) and once as it would be saved (good). */
const CASES = [
  {
    type: 'fusionsolar-monitor',
    bad: { deviceTypes: '1,x', interval: '-5', format: 'csv', haPrefix: 'ha/#' },
    good: { deviceTypes: '1 38', interval: '30', format: 'homeassistant', haPrefix: 'ha' },
  },
  {
    type: 'fusionsolar-iv',
    bad: { operation: 'createTask', cleanStatus: '2', environmentalParameters: '3' },
    good: { operation: 'createTask', cleanStatus: '1', environmentalParameters: '0' },
  },
  {
    type: 'fusionsolar-iv',
    bad: { operation: 'stringConfigs', configStatus: '5' },
    good: { operation: 'stringConfigs', configStatus: '' },
  },
  { type: 'fusionsolar-control', bad: { dispatchSwitch: '5' }, good: { dispatchSwitch: '0' } },
  {
    type: 'fusionsolar-plants',
    bad: { operation: 'deviceList', deviceTypeId: '7' },
    good: { operation: 'deviceList', deviceTypeId: '20815' },
  },
  { type: 'fusionsolar-request', bad: { method: 'PUT' }, good: { method: 'GET' } },
  {
    type: 'fusionsolar-control',
    bad: { operation: 'chargeDischarge', targetSOC: '101', dispatchTime: '2000' },
    good: { operation: 'chargeDischarge', targetSOC: '80', dispatchTime: '60' },
  },
  { type: 'fusionsolar-control', bad: { operation: 'setDod', dod: '150' }, good: { operation: 'setDod', dod: '90' } },
  {
    type: 'fusionsolar-alarms',
    bad: { levels: ['1', '9'], language: 'xx_XX' },
    good: { levels: ['1', '2'], language: 'de_DE' },
  },
];

function flow() {
  const nodes = [ACCOUNT];
  CASES.forEach((c, i) => {
    for (const kind of ['bad', 'good'])
      nodes.push({
        id: `${kind}${i}`,
        type: c.type,
        account: 'acc',
        wires: [],
        x: 150 + (kind === 'bad' ? 0 : 300),
        y: 60 + i * 60,
        ...c[kind],
      });
  });
  return nodes;
}

/** The options of a select in the open dialog: [value, text]. */
const optionsOf = (page, id) =>
  page.evaluate(
    (i) =>
      [.../** @type {NodeListOf<HTMLOptionElement>} */ (document.querySelectorAll(`#${i} option`))].map((o) => [
        o.value,
        o.textContent,
      ]),
    id,
  );

for (const name of RUNTIMES) {
  describe(`editor rules from the catalogue in a browser (${name})`, function () {
    this.timeout(120000);
    let red;
    let userDir;

    before(async function () {
      this.timeout(600000);
      const rt = await runtime(name);
      userDir = await freshUserDir();
      red = await startNodeRed(rt, userDir);
      // Node-RED 5's rotating tips throw when a tip is due before the info sidebar is drawn
      // (each test loads a fresh page).
      await red.post('/settings/user', { editor: { view: { 'view-show-tips': false } } });
    });

    after(async function () {
      if (red) await red.stop();
      if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    for (const lang of ['en-US', 'de', 'zh-CN']) {
      const title = `${lang}: ruled-out values are flagged, choices are the catalogue's with the locale's names`;
      it(title, async function () {
        const browser = await ui.launch();
        const { page, errors } = browser;
        try {
          await page.addInitScript((l) => localStorage.setItem('editor-language', l), lang);
          await page.goto(red.url);
          await page.waitForSelector('#red-ui-palette .red-ui-palette-node', { timeout: 60000 });
          await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('fusionsolar-monitor'));
          // The rules arrive with the catalogue: import once they are here, as a workspace loaded later would be.
          await page.evaluate(
            () =>
              /** @type {Promise<void>} */ (
                new Promise((resolve, reject) => {
                  const editor = window.FusionSolarEditor;
                  if (!editor) return reject(new Error('the shared editor script is not loaded'));
                  editor.loadCatalogue(() => resolve());
                })
              ),
          );
          await page.evaluate(
            (nodes) => RED.view.importNodes(nodes, { generateIds: false, touchImport: true }),
            flow(),
          );
          const state = await page.evaluate(
            (ids) =>
              ids.map((id) => {
                const n = RED.nodes.node(id);
                if (!n) throw new Error(`${id} is not in the workspace`);
                return n.validationErrors || [];
              }),
            CASES.flatMap((c, i) => [`bad${i}`, `good${i}`]),
          );
          CASES.forEach((c, i) => {
            const props = Object.keys(c.bad).filter((k) => k !== 'operation');
            assert.deepEqual(
              state[2 * i].filter((p) => props.includes(p)).sort(),
              props.sort(),
              `${c.type} ${JSON.stringify(c.bad)}: every ruled-out value is flagged`,
            );
            assert.deepEqual(
              state[2 * i + 1].filter((p) => props.includes(p)),
              [],
              `${c.type} ${JSON.stringify(c.good)}: nothing flagged`,
            );
          });

          const iv = locale('fusionsolar-iv', lang);
          await ui.openDialog(page, 'good1');
          for (const row of ['cleanStatus', 'environmentalParameters'])
            assert.deepEqual(
              await optionsOf(page, `node-input-${row}`),
              ['0', '1'].map((v) => [v, `${v} – ${iv[row][v]}`]),
              `${row} lists the catalogue's values`,
            );
          assert.equal(await page.inputValue('#node-input-cleanStatus'), '1', 'the saved value is chosen');
          await page.click('#node-dialog-cancel');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });

          await ui.openDialog(page, 'good2');
          assert.deepEqual(await optionsOf(page, 'node-input-configStatus'), [
            ['', iv.option.all],
            ['0', `0 – ${iv.configStatus[0]}`],
            ['1', `1 – ${iv.configStatus[1]}`],
          ]);
          assert.equal(
            await page.inputValue('#node-input-cleanStatus'),
            '0',
            'a choice row the operation does not use keeps its value, so saving leaves it as it was',
          );
          await page.click('#node-dialog-cancel');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });

          const control = locale('fusionsolar-control', lang);
          await ui.openDialog(page, 'good3');
          assert.deepEqual(
            await optionsOf(page, 'node-input-dispatchSwitch'),
            ['0', '1', '2'].map((v) => [v, `${v} – ${control.dispatchSwitch[v]}`]),
          );
          assert.equal(await page.inputValue('#node-input-dispatchSwitch'), '0');
          await page.click('#node-dialog-cancel');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });

          await ui.openDialog(page, 'good5');
          assert.deepEqual(await optionsOf(page, 'node-input-method'), [
            ['POST', 'POST'],
            ['GET', 'GET'],
          ]);
          assert.equal(await page.inputValue('#node-input-method'), 'GET');
          await page.click('#node-dialog-cancel');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });

          const monitor = locale('fusionsolar-monitor', lang);
          await ui.openDialog(page, 'good0');
          assert.deepEqual(
            await optionsOf(page, 'node-input-format'),
            ['plain', 'influxdb', 'homeassistant'].map((v) => [v, `${v} – ${monitor.format[v]}`]),
          );
          const prefixShown = () => page.locator('#node-input-haPrefix').isVisible();
          assert.equal(await page.inputValue('#node-input-format'), 'homeassistant');
          assert.equal(await prefixShown(), true, 'the HA prefix shows with the Home Assistant format');
          await page.selectOption('#node-input-format', 'plain');
          assert.equal(await prefixShown(), false, 'and hides with another');
          await page.fill('#node-input-deviceTypes', '1,x');
          await page.click('#node-dialog-ok');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
          const saved = await page.evaluate(() => {
            const n = RED.nodes.node('good0');
            if (!n) throw new Error('good0 is not in the workspace');
            return { format: n.format, invalid: n.validationErrors || [] };
          });
          assert.equal(saved.format, 'plain', 'the chosen format is saved');
          assert.ok(saved.invalid.includes('deviceTypes'), 'a ruled-out value typed in the dialog is flagged');
          assert.deepEqual(errors, [], 'no console error in the editor');
        } finally {
          await browser.close();
        }
      });
    }
  });
}
