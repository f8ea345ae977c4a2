'use strict';
// `npm run test:browser`: the plant and device pickers in each runtime's editor (Chromium).
// A control node's DNs and a plants node's codes are picked from the account's lists
// (refresh, type filter, search by SN and name, several ticks), saved, deployed and read
// back from the runtime; a msg-typed input offers no picker.
const assert = require('node:assert/strict');
const path = require('node:path');
const { root } = require('../e2e-runtime/runtimes');
const { v6Fleet } = require(path.join(root, 'dist', 'src', 'simulator', 'v6', 'devices'));
const ui = require('./editor-page');
const { RUNTIMES, SHOTS, useEditorRun } = require('./editor-run');

const USER = { username: 'picker', password: 'picker-password', scope: 'all' };
const INVERTER = 20822;

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
    ui.accountNode({ id: 'acc', name: 'Simulator', api: 'v7', baseUrl: sim.url }),
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
    ui.accountNode({ id: 'acc6', name: 'Simulator V6', api: 'v6', baseUrl: sim.url }),
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

/** Searches the picker for `text`, which must find `value` alone (`what` says how), and ticks it. */
async function findAndTick(page, text, value, what) {
  await page.fill('.fs-picker-search', text);
  assert.deepEqual(
    (await rows(page)).map((r) => r.value),
    [value],
    what,
  );
  await tick(page, value);
}

/** Asks the account for a fresh list and waits until the picker shows it. */
async function refreshList(page) {
  await page.click('.fs-picker-refresh');
  await page.waitForFunction(() => document.querySelectorAll('.fs-picker-row').length > 0, null, {
    timeout: 30000,
  });
}

/** Takes the picked values into the dialog. */
async function pickerDone(page) {
  await page.click('#fs-picker-done');
  await page.waitForSelector('.fs-picker-list', { state: 'detached' });
}

for (const name of RUNTIMES) {
  describe(`plant and device pickers in the editor (${name})`, function () {
    this.timeout(120000);
    const login = { username: USER.username, password: USER.password };
    const run = useEditorRun(name, { user: USER, flows, credentials: { acc: login, acc6: login } });
    const picked = {};

    it(
      'control node: refreshes the device list, filters by type, searches by SN, ticks two ' + 'inverters',
      async function () {
        const { page } = run.editor;
        await ui.openDialog(page, 'ctl');
        const button = pickButton(page, 'dns');
        await button.waitFor({ state: 'visible' });
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-picker-button.png`));
        await button.click();
        await page.waitForSelector('.fs-picker-list', { state: 'visible' });
        await page.waitForFunction(() =>
          /No list yet/.test(String(document.querySelector('.fs-picker-status')?.textContent)),
        );
        await refreshList(page);
        const all = run.sim.fleet.plants.flatMap((p) => p.devices);
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
        await findAndTick(page, second.sn, second.dn, 'found by SN');
        await page.fill('.fs-picker-search', '');
        await tick(page, third.dn);
        assert.equal(await page.textContent('.fs-picker-count'), '2 selected');
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-picker-devices.png`));
        await pickerDone(page);
        assert.equal(await page.evaluate(() => $('#node-input-dns').typedInput('value')), `${second.dn},${third.dn}`);
        await ui.closeDialog(page);
      },
    );

    it(
      'plants node: the cached plant list, search by name and address, two plants; a refresh too ' +
        'soon names its time',
      async function () {
        const { page } = run.editor;
        await ui.openDialog(page, 'pl');
        await pickButton(page, 'plantCodes').click();
        await page.waitForFunction(() => document.querySelectorAll('.fs-picker-row').length === 3, null, {
          timeout: 30000,
        });
        assert.match(await page.textContent('.fs-picker-status'), /Plants: 3, listed/);
        assert.equal(await page.locator('.fs-picker-type').isVisible(), false, 'no type filter for plants');
        const [, p2, p3] = run.sim.fleet.plants;
        await findAndTick(page, p2.plantName, p2.plantCode, 'found by name');
        await findAndTick(page, p3.plantAddress, p3.plantCode, 'found by address');
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

        await pickerDone(page);
        assert.equal(
          await page.evaluate(() => $('#node-input-plantCodes').typedInput('value')),
          `${p2.plantCode},${p3.plantCode}`,
        );
        await ui.closeDialog(page);
      },
    );

    it(
      "V6 device data: device ids of the node's types, and the picked devices' types join its " + 'selection',
      async function () {
        const { page } = run.editor;
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
        await refreshList(page);
        const fleet = [...v6Fleet(run.sim).byId.values()].filter((d) => offered.includes(d.devTypeId));
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
        await pickerDone(page);
        assert.equal(
          await page.evaluate(() => $('#node-input-devIds').typedInput('value')),
          `${inverters[0].id},${other.id}`,
        );
        assert.deepEqual(
          await page.evaluate(() => $('#node-input-devTypeId').val()),
          ['1', String(other.devTypeId)].sort((a, b) => Number(a) - Number(b)),
        );
        picked.dd = { devIds: `${inverters[0].id},${other.id}`, devTypeId: ['1', String(other.devTypeId)] };
        await ui.closeDialog(page);
      },
    );

    it('a msg-typed input shows no picker until it is a string again', async function () {
      const { page } = run.editor;
      await ui.openDialog(page, 'pd');
      const button = pickButton(page, 'plantCodes');
      await page.waitForFunction(() => $('#node-input-plantCodes').data('fs-picker') !== undefined);
      assert.equal(await button.isVisible(), false, 'msg.plants: no picker');
      await page.evaluate(() => $('#node-input-plantCodes').typedInput('type', 'str'));
      assert.equal(await button.isVisible(), true, 'a string: the picker is offered');
      await ui.closeDialog(page, 'cancel');
    });

    it('deploys the picked codes: the saved flow holds them', async function () {
      const { page } = run.editor;
      await ui.deploy(page);
      const saved = await run.red.get('/flows');
      const list = Array.isArray(saved) ? saved : saved.flows;
      const byId = Object.fromEntries(list.map((n) => [n.id, n]));
      const inverters = run.sim.fleet.plants.flatMap((p) => p.devices).filter((d) => d.deviceTypeId === INVERTER);
      assert.equal(byId.ctl.dns, `${inverters[1].dn},${inverters[2].dn}`);
      assert.equal(byId.ctl.dnsType, 'str');
      assert.equal(byId.pl.plantCodes, `${run.sim.fleet.plants[1].plantCode},${run.sim.fleet.plants[2].plantCode}`);
      assert.equal(byId.pd.plantCodes, 'plants');
      assert.equal(byId.pd.plantCodesType, 'msg');
      assert.equal(byId.dd.devIds, picked.dd.devIds);
      assert.deepEqual([...byId.dd.devTypeId].map(String).sort(), [...picked.dd.devTypeId].sort());
    });
  });
}
