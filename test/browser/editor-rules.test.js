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
const { RUNTIMES } = require('./editor-run');

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

/** Accounts saved with every ruled setting good, and with every one bad; a request node opens the good one. */
const GOOD_ACCOUNT = {
  id: 'accGood',
  type: 'fusionsolar-account',
  name: 'good',
  api: 'v6',
  baseUrl: 'https://sg5.fusionsolar.huawei.com',
  locale: 'zh-cn',
  quotaProfile: 'custom',
  quotaCustom: '{"plants":{"limits":[{"count":2,"windowMs":60000}]}}',
  quotaDayZone: 'Asia/Shanghai',
  store: 'redis',
  redisUrl: 'rediss://user@127.0.0.1:6380/0',
  redisFallback: 'stop',
};
const BAD_ACCOUNT = {
  id: 'accBad',
  type: 'fusionsolar-account',
  name: 'bad',
  api: 'v8',
  baseUrl: 'ftp://eu5.fusionsolar.huawei.com',
  locale: 'de',
  quotaProfile: 'custom',
  quotaCustom: '[1]',
  quotaDayZone: 'Mars/Olympus',
  store: 'redis',
  redisUrl: 'redis://user:secret@127.0.0.1',
  redisFallback: 'wait',
};
const ACCOUNT_FLOW = [
  GOOD_ACCOUNT,
  BAD_ACCOUNT,
  { id: 'reqGood', type: 'fusionsolar-request', account: 'accGood', method: 'POST', wires: [], x: 150, y: 60 },
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

      it(`${lang}: the account dialog's choices and checks are the served rules`, async function () {
        const browser = await ui.launch();
        const { page, errors } = browser;
        try {
          await page.addInitScript((l) => localStorage.setItem('editor-language', l), lang);
          await page.goto(red.url);
          await page.waitForSelector('#red-ui-palette .red-ui-palette-node', { timeout: 60000 });
          await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('fusionsolar-account'));
          await page.evaluate(
            () =>
              /** @type {Promise<void>} */ (
                new Promise((resolve, reject) => {
                  const editor = window.FusionSolarEditor;
                  if (!editor) reject(new Error('no window.FusionSolarEditor'));
                  else editor.loadCatalogue(() => resolve());
                })
              ),
          );
          await page.evaluate(
            (nodes) => RED.view.importNodes(nodes, { generateIds: false, touchImport: true }),
            ACCOUNT_FLOW,
          );
          const invalid = await page.evaluate(() =>
            ['accGood', 'accBad'].map((id) => RED.nodes.node(id)?.validationErrors || []),
          );
          // The profile and store are good: they make the custom rules and the Redis URL count.
          const ruled = Object.keys(BAD_ACCOUNT).filter(
            (k) => !['id', 'type', 'name', 'quotaProfile', 'store'].includes(k),
          );
          assert.deepEqual(invalid[1].filter((p) => ruled.includes(p)).sort(), ruled.sort(), 'every bad setting');
          assert.deepEqual(
            invalid[0].filter((p) => ruled.includes(p)),
            [],
            'a good account: nothing flagged',
          );

          const account = locale('fusionsolar-account', lang);
          await ui.openDialog(page, 'reqGood');
          // The pencil beside the account list (its id differs between Node-RED 4 and 5).
          const edit = page.locator('#node-input-btn-account-edit');
          await ((await edit.count()) ? edit : page.locator('#node-input-lookup-account')).click();
          await page.waitForSelector('#node-config-input-baseUrl', { state: 'visible' });
          await page.waitForTimeout(300);
          const names = (group, values) => values.map((v) => [v, account[group][v]]);
          assert.deepEqual(await optionsOf(page, 'node-config-input-api'), names('api', ['v7', 'v6']));
          assert.deepEqual(
            await optionsOf(page, 'node-config-input-quotaProfile'),
            names('quota', ['documented', 'custom', 'off']),
          );
          assert.deepEqual(await optionsOf(page, 'node-config-input-store'), names('store', ['local', 'redis']));
          assert.deepEqual(
            await optionsOf(page, 'node-config-input-redisFallback'),
            names('redisFallback', ['local', 'stop']),
          );
          assert.deepEqual(await optionsOf(page, 'node-config-input-locale'), [
            ['en-us', 'English (en-us)'],
            ['zh-cn', '中文 (zh-cn)'],
          ]);
          assert.deepEqual(
            await optionsOf(page, 'node-config-input-region'),
            names('region', ['eu5', 'intl', 'sg5', 'la5', 'au5', 'custom']),
          );
          for (const [row, value] of Object.entries({
            api: 'v6',
            quotaProfile: 'custom',
            store: 'redis',
            redisFallback: 'stop',
            locale: 'zh-cn',
            region: 'sg5',
          }))
            assert.equal(await page.inputValue(`#node-config-input-${row}`), value, `the saved ${row} is chosen`);
          assert.equal(await page.locator('.fs-store-redis').first().isVisible(), true, 'Redis rows with Redis');
          await page.selectOption('#node-config-input-store', 'local');
          assert.equal(await page.locator('.fs-store-redis').first().isVisible(), false, 'and not without');
          // The editor checks a property when its input changes, as when the user leaves it.
          const type = async (row, value) => {
            await page.fill(`#node-config-input-${row}`, value);
            await page.locator(`#node-config-input-${row}`).dispatchEvent('change');
          };
          const flagged = (row) => page.evaluate((r) => $(`#node-config-input-${r}`).hasClass('input-error'), row);
          for (const [row, bad, good] of [
            ['baseUrl', 'ftp://eu5.fusionsolar.huawei.com', 'https://eu5.fusionsolar.huawei.com'],
            ['baseUrl', 'https://user:pw@eu5.fusionsolar.huawei.com', 'http://127.0.0.1:27200'],
            ['quotaDayZone', 'Mars/Olympus', 'Europe/Berlin'],
            ['quotaDayZone', 'UTC+99:00', '+08:00'],
          ]) {
            await type(row, bad);
            assert.equal(await flagged(row), true, `${row} "${bad}" is marked invalid`);
            await type(row, good);
            assert.equal(await flagged(row), false, `${row} "${good}" is not`);
          }
          await page.click('#node-config-dialog-cancel');
          await page.waitForSelector('#node-config-input-baseUrl', { state: 'detached' });
          await page.click('#node-dialog-cancel');
          await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
          assert.deepEqual(errors, [], 'no console error in the editor');
        } finally {
          await browser.close();
        }
      });
    }
  });
}
