'use strict';
// The English, German and Chinese editors: palette labels one line high and in the editor's language,
// and every operation's hint of every dialog from the locale, never the catalogue's English.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed } = require('../e2e-runtime/node-red');
const { must } = require('../helpers/must');
const { packageDefinitions } = require('../../scripts/scorecard/node-defs');
const ui = require('./editor-page');
const { RUNTIMES } = require('./editor-run');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));

const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const DEFS = packageDefinitions(root).defs;
const FLOW_TYPES = Object.keys(PKG['node-red'].nodes).filter((t) => !DEFS[t] || DEFS[t].category !== 'config');
const USER = { username: 'demo', password: 'demo-password', scope: 'all' };
const locale = (type, lang) =>
  JSON.parse(fs.readFileSync(path.join(root, 'nodes', type, 'locales', lang, `${type}.json`), 'utf8'))[type];

for (const name of RUNTIMES) {
  describe(`editor languages in a browser (${name})`, function () {
    this.timeout(120000);
    let red;
    let sim;
    let userDir;
    let catalogue;

    before(async function () {
      this.timeout(600000);
      const rt = await runtime(name);
      [sim, userDir] = await Promise.all([startSimulator({ plants: 1, users: [USER] }), freshUserDir()]);
      red = await startNodeRed(rt, userDir);
      catalogue = await red.get('/fusionsolar/catalogue');
      // Node-RED 5's rotating tips throw when a tip is due before the info sidebar is drawn
      // (each test loads a fresh page).
      await red.post('/settings/user', { editor: { view: { 'view-show-tips': false } } });
    });

    after(async function () {
      if (red) await red.stop();
      if (sim) await sim.close();
      if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    it('de: a failed Test connection adds the German text of the code', async function () {
      const browser = await ui.launch();
      const { page } = browser;
      try {
        await page.addInitScript(() => localStorage.setItem('editor-language', 'de'));
        await page.goto(red.url);
        await page.waitForSelector('#red-ui-palette .red-ui-palette-node', { timeout: 60000 });
        await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('inject'));
        const id = await ui.dragFromPalette(page, 'fusionsolar-plants', 200, 80);
        await ui.openDialog(page, id);
        await page.locator('#node-input-btn-account-add, #node-input-lookup-account').first().click();
        await page.waitForSelector('#node-config-input-baseUrl', { state: 'visible' });
        await page.fill('#node-config-input-baseUrl', sim.url);
        await page.fill('#node-config-input-username', USER.username);
        await page.fill('#node-config-input-password', 'wrong-password');
        await page.click('#fs-test-connection');
        await page.waitForFunction(
          () => /^[A-Z_0-9]+: /.test(String(document.querySelector('#fs-test-result')?.textContent)),
          null,
          { timeout: 20000 },
        );
        const text = must(await page.textContent('#fs-test-result'), 'the test result');
        const code = text.split(':')[0];
        const german = JSON.parse(
          fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/locales/de/fusionsolar-account.json'), 'utf8'),
        ).common.errors.code[code];
        assert.ok(german, `${code} is one of our own codes (${text})`);
        assert.ok(text.endsWith(`(${german.message})`), text);
      } finally {
        await browser.close();
      }
    });

    for (const lang of ['en-US', 'de', 'zh-CN']) {
      it(`${lang}: palette labels in ${lang}, one line high; every dialog hint from the locale`, async function () {
        const browser = await ui.launch();
        const { page, errors } = browser;
        try {
          await page.addInitScript((l) => localStorage.setItem('editor-language', l), lang);
          await page.goto(red.url);
          await page.waitForSelector('#red-ui-palette .red-ui-palette-node', { timeout: 60000 });
          await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('inject'));
          const inject = await page.evaluate(
            () =>
              /** @type {HTMLElement} */ (document.querySelector('.red-ui-palette-node[data-palette-type="inject"]'))
                .offsetHeight,
          );
          for (const type of FLOW_TYPES) {
            const shown = await page.evaluate((t) => {
              /** @type {HTMLElement | null} */
              const el = document.querySelector(`.red-ui-palette-node[data-palette-type="${t}"]`);
              const label = el?.querySelector('.red-ui-palette-label');
              if (!el || !label) throw new Error(`${t} has no palette entry with a label`);
              return { label: String(label.textContent).trim(), height: el.offsetHeight };
            }, type);
            // Node-RED splits a palette label at spaces and hyphens and joins the words with spaces,
            // so "I-V" would show as "I - V": labels use a non-breaking hyphen (U+2011).
            assert.equal(shown.label.replace(/\s+/g, ' '), locale(type, lang).paletteLabel, `${type} palette label`);
            assert.equal(shown.height, inject, `${type} is as high as inject`);
          }
          for (const [index, type] of FLOW_TYPES.entries()) {
            const ops = (catalogue.operations || {})[type] || [];
            if (!ops.length) continue;
            const id = await ui.dragFromPalette(page, type, 200 + (index % 3) * 220, 80 + index * 60);
            await ui.openDialog(page, id);
            const hints = locale(type, lang).hint;
            // The dialog of a new node takes the V7 demo account: V6 twins of an operation name are not offered.
            for (const op of ops.filter((o) => !o.api || o.api === 'v7')) {
              await page.selectOption('#node-input-operation', op.name);
              const want = `${op.section} — ${hints[op.name]}`;
              await page
                .waitForFunction((w) => document.querySelector('.fs-op-summary')?.textContent === w, want, {
                  timeout: 5000,
                })
                .catch(async () =>
                  assert.equal(await page.textContent('.fs-op-summary'), want, `${type} ${op.name} hint`),
                );
            }
            if (type === 'fusionsolar-plants') {
              const names = locale(type, lang).deviceType;
              const options = await page.evaluate(() =>
                [
                  .../** @type {NodeListOf<HTMLOptionElement>} */ (
                    document.querySelectorAll('#node-input-deviceTypeId option')
                  ),
                ].map((o) => [o.value, o.textContent]),
              );
              for (const [value, text] of options)
                if (value) assert.equal(text, `${value} ${names[value]}`, `device type ${value}`);
            }
            await page.click('#node-dialog-cancel');
            await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
          }
          assert.deepEqual(errors, [], 'no console error in the editor');
        } finally {
          await browser.close();
        }
      });
    }
  });
}
