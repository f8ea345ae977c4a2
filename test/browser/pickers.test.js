'use strict';
// `npm run test:browser`: the plant and device pickers in each runtime's editor (Chromium).
// A control node's DNs and a plants node's codes are picked from the account's lists
// (refresh, type filter, search by SN and name, several ticks), saved, deployed and read
// back from the runtime; a msg-typed input offers no picker.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed } = require('../e2e-runtime/node-red');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));
const { v6Fleet } = require(path.join(root, 'dist', 'src', 'simulator', 'v6', 'devices'));
const ui = require('./editor-page');

const USER = { username: 'picker', password: 'picker-password', scope: 'all' };
const RUNTIMES = (process.env.BROWSER_RUNTIMES || 'nr4,nr5')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const INVERTER = 20822;
const SHOTS = path.join(root, 'test', 'e2e', 'screenshots');

function flows(sim) {
  const node = (id, type, y, extra) => ({
    id,
    type,
    z: 'tab',
    name: '',
    account: 'acc',
    split: false,
    x: 200,
    y,
    wires: [[]],
    ...extra,
  });
  return [
    { id: 'tab', type: 'tab', label: 'Pickers' },
    {
      id: 'acc',
      type: 'fusionsolar-account',
      name: 'Simulator',
      api: 'v7',
      baseUrl: sim.url,
      timeout: 30,
      tlsVerify: true,
      locale: 'en-us',
      allowControl: false,
      quotaProfile: 'documented',
      quotaWait: 60,
    },
    node('ctl', 'fusionsolar-control', 80, { operation: 'inverterPower', controlType: '1', dns: '', dnsType: 'str' }),
    node('pl', 'fusionsolar-plants', 160, {
      operation: 'deviceList',
      plantCodes: '',
      plantCodesType: 'str',
      deviceTypeId: '',
    }),
    node('pd', 'fusionsolar-plant-data', 240, {
      operation: 'realtimeKpi',
      plantCodes: 'plants',
      plantCodesType: 'msg',
    }),
    {
      id: 'acc6',
      type: 'fusionsolar-account',
      name: 'Simulator V6',
      api: 'v6',
      baseUrl: sim.url,
      timeout: 30,
      tlsVerify: true,
      locale: 'en-us',
      allowControl: false,
      quotaProfile: 'documented',
      quotaWait: 60,
    },
    node('dd', 'fusionsolar-device-data', 320, {
      account: 'acc6',
      operation: 'deviceRealtimeKpi',
      devTypeId: ['1'],
      devIds: '',
      devIdsType: 'str',
    }),
  ];
}

/** The picker button of a field in the open node dialog. */
const pickButton = (page, field) => page.locator(`[id="node-input-${field}"] ~ .fs-pick-button`);

async function rows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.fs-picker-row')].map((r) => ({
      value: r.getAttribute('data-value'),
      text: r.textContent,
      checked: r.querySelector('input')?.checked,
    })),
  );
}

async function tick(page, value) {
  await page.locator(`.fs-picker-row[data-value="${value}"] input`).check();
}

for (const name of RUNTIMES) {
  describe(`plant and device pickers in the editor (${name})`, function () {
    this.timeout(120000);
    let sim;
    let red;
    let userDir;
    let editor;
    const picked = {};

    before(async function () {
      this.timeout(600000);
      const rt = await runtime(name);
      [sim, userDir] = await Promise.all([startSimulator({ plants: 3, users: [USER] }), freshUserDir()]);
      // credentialSecret is off in these runs: the credentials file is plain JSON.
      fs.writeFileSync(
        path.join(userDir, 'flows_cred.json'),
        JSON.stringify({
          acc: { username: USER.username, password: USER.password },
          acc6: { username: USER.username, password: USER.password },
        }),
      );
      red = await startNodeRed(rt, userDir, { flows: flows(sim) });
      editor = await ui.openEditor(red.url);
      // Node-RED 5's rotating tips of the info sidebar throw when their box is not drawn yet.
      await editor.page.evaluate(() => RED.actions.invoke('core:toggle-show-tips', false));
    });

    after(async function () {
      if (editor) await editor.close();
      if (red) await red.stop();
      if (sim) await sim.close();
      if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
    });

    afterEach(async function () {
      // A failed step can leave a picker or a dialog open: close them so the next test starts clean.
      for (const id of ['#fs-picker-cancel', '#node-dialog-cancel']) {
        const b = editor.page.locator(id);
        if (await b.count())
          await b
            .first()
            .click()
            .catch(() => undefined);
        await editor.page.waitForSelector(id, { state: 'detached', timeout: 5000 }).catch(() => undefined);
      }
      assert.deepEqual(editor.errors.splice(0), [], 'no console error in the editor');
    });

    it(
      'control node: refreshes the device list, filters by type, searches by SN, ticks two ' + 'inverters',
      async function () {
        const { page } = editor;
        await ui.openDialog(page, 'ctl');
        const button = pickButton(page, 'dns');
        await button.waitFor({ state: 'visible' });
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-picker-button.png`));
        await button.click();
        await page.waitForSelector('.fs-picker-list', { state: 'visible' });
        await page.waitForFunction(() =>
          /No list yet/.test(String(document.querySelector('.fs-picker-status')?.textContent)),
        );
        await page.click('.fs-picker-refresh');
        await page.waitForFunction(() => document.querySelectorAll('.fs-picker-row').length > 0, null, {
          timeout: 30000,
        });
        const all = sim.fleet.plants.flatMap((p) => p.devices);
        assert.equal((await rows(page)).length, all.length, 'every device of the account');
        assert.match(await page.textContent('.fs-picker-status'), new RegExp(`Devices: ${all.length}, listed`));

        await page.selectOption('.fs-picker-type', String(INVERTER));
        const inverters = all.filter((d) => d.deviceTypeId === INVERTER);
        assert.ok(inverters.length >= 3, 'the simulator has an inverter per plant');
        assert.deepEqual(
          (await rows(page)).map((r) => r.value).sort(),
          inverters.map((d) => d.dn).sort(),
          'the type filter leaves the inverters',
        );

        const [, second, third] = inverters;
        await page.fill('.fs-picker-search', second.sn);
        assert.deepEqual(
          (await rows(page)).map((r) => r.value),
          [second.dn],
          'found by SN',
        );
        await tick(page, second.dn);
        await page.fill('.fs-picker-search', '');
        await tick(page, third.dn);
        assert.equal(await page.textContent('.fs-picker-count'), '2 selected');
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-picker-devices.png`));
        await page.click('#fs-picker-done');
        await page.waitForSelector('.fs-picker-list', { state: 'detached' });
        assert.equal(await page.evaluate(() => $('#node-input-dns').typedInput('value')), `${second.dn},${third.dn}`);
        await page.click('#node-dialog-ok');
        await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
      },
    );

    it(
      'plants node: the cached plant list, search by name and address, two plants; a refresh too ' +
        'soon names its time',
      async function () {
        const { page } = editor;
        await ui.openDialog(page, 'pl');
        await pickButton(page, 'plantCodes').click();
        await page.waitForFunction(() => document.querySelectorAll('.fs-picker-row').length === 3, null, {
          timeout: 30000,
        });
        assert.match(await page.textContent('.fs-picker-status'), /Plants: 3, listed/);
        assert.equal(await page.locator('.fs-picker-type').isVisible(), false, 'no type filter for plants');
        const [, p2, p3] = sim.fleet.plants;
        await page.fill('.fs-picker-search', p2.plantName);
        assert.deepEqual(
          (await rows(page)).map((r) => r.value),
          [p2.plantCode],
          'found by name',
        );
        await tick(page, p2.plantCode);
        await page.fill('.fs-picker-search', p3.plantAddress);
        assert.deepEqual(
          (await rows(page)).map((r) => r.value),
          [p3.plantCode],
          'found by address',
        );
        await tick(page, p3.plantCode);
        await page.fill('.fs-picker-search', '');
        assert.deepEqual(
          (await rows(page)).filter((r) => r.checked).map((r) => r.value),
          [p2.plantCode, p3.plantCode],
        );

        // The device refresh read the plant list moments ago: the governor would wait a minute.
        await page.click('.fs-picker-refresh');
        await page.waitForSelector('.fs-picker-status.fs-picker-problem');
        assert.match(await page.textContent('.fs-picker-status'), /^Quota: the list can be refreshed at /);
        assert.equal((await rows(page)).length, 3, 'the cached list stays');
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-picker-plants.png`));

        await page.click('#fs-picker-done');
        await page.waitForSelector('.fs-picker-list', { state: 'detached' });
        assert.equal(
          await page.evaluate(() => $('#node-input-plantCodes').typedInput('value')),
          `${p2.plantCode},${p3.plantCode}`,
        );
        await page.click('#node-dialog-ok');
        await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
      },
    );

    it(
      "V6 device data: device ids of the node's types, and the picked devices' types join its " + 'selection',
      async function () {
        const { page } = editor;
        await ui.openDialog(page, 'dd');
        // Read before the picker opens: its tray takes the node's dialog out of the page meanwhile.
        const offered = await page.evaluate(() =>
          $('#node-input-devTypeId option')
            .map((i, o) => Number(/** @type {HTMLOptionElement} */ (o).value))
            .get(),
        );
        assert.ok(offered.includes(1) && offered.length > 1, 'the operation serves several device types');
        await pickButton(page, 'devIds').click();
        await page.waitForSelector('.fs-picker-list', { state: 'visible' });
        await page.click('.fs-picker-refresh');
        await page.waitForFunction(() => document.querySelectorAll('.fs-picker-row').length > 0, null, {
          timeout: 30000,
        });
        const fleet = [...v6Fleet(sim).byId.values()].filter((d) => offered.includes(d.devTypeId));
        // The node's one chosen type (string inverters) is the filter the picker starts with.
        assert.equal(await page.inputValue('.fs-picker-type'), '1');
        const inverters = fleet.filter((d) => d.devTypeId === 1);
        assert.deepEqual((await rows(page)).map((r) => r.value).sort(), inverters.map((d) => String(d.id)).sort());
        await tick(page, String(inverters[0].id));
        await page.selectOption('.fs-picker-type', '');
        assert.equal((await rows(page)).length, fleet.length, 'every device of a type the operation serves');
        const other = fleet.find((d) => d.devTypeId !== 1 && d.sn);
        await page.fill('.fs-picker-search', other.sn);
        await tick(page, String(other.id));
        await page.click('#fs-picker-done');
        await page.waitForSelector('.fs-picker-list', { state: 'detached' });
        assert.equal(
          await page.evaluate(() => $('#node-input-devIds').typedInput('value')),
          `${inverters[0].id},${other.id}`,
        );
        assert.deepEqual(
          await page.evaluate(() => $('#node-input-devTypeId').val()),
          ['1', String(other.devTypeId)].sort((a, b) => Number(a) - Number(b)),
        );
        picked.dd = { devIds: `${inverters[0].id},${other.id}`, devTypeId: ['1', String(other.devTypeId)] };
        await page.click('#node-dialog-ok');
        await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
      },
    );

    it('a msg-typed input shows no picker until it is a string again', async function () {
      const { page } = editor;
      await ui.openDialog(page, 'pd');
      const button = pickButton(page, 'plantCodes');
      await page.waitForFunction(() => $('#node-input-plantCodes').data('fs-picker') !== undefined);
      assert.equal(await button.isVisible(), false, 'msg.plants: no picker');
      await page.evaluate(() => $('#node-input-plantCodes').typedInput('type', 'str'));
      assert.equal(await button.isVisible(), true, 'a string: the picker is offered');
      await page.click('#node-dialog-cancel');
      await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
    });

    it('deploys the picked codes: the saved flow holds them', async function () {
      const { page } = editor;
      await ui.deploy(page);
      const saved = await red.get('/flows');
      const list = Array.isArray(saved) ? saved : saved.flows;
      const byId = Object.fromEntries(list.map((n) => [n.id, n]));
      const inverters = sim.fleet.plants.flatMap((p) => p.devices).filter((d) => d.deviceTypeId === INVERTER);
      assert.equal(byId.ctl.dns, `${inverters[1].dn},${inverters[2].dn}`);
      assert.equal(byId.ctl.dnsType, 'str');
      assert.equal(byId.pl.plantCodes, `${sim.fleet.plants[1].plantCode},${sim.fleet.plants[2].plantCode}`);
      assert.equal(byId.pd.plantCodes, 'plants');
      assert.equal(byId.pd.plantCodesType, 'msg');
      assert.equal(byId.dd.devIds, picked.dd.devIds);
      assert.deepEqual([...byId.dd.devTypeId].map(String).sort(), [...picked.dd.devTypeId].sort());
    });
  });
}
