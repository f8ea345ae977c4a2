'use strict';
// `npm run test:browser`: each runtime's editor in headless Chromium. Every node type of
// package.json is dragged from the palette, its dialog walked through every operation
// (screenshot each under test/e2e/screenshots/), saved and deployed, with no console error.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('../e2e-runtime/runtimes');
const { packageDefinitions } = require('../../scripts/scorecard/node-defs');
const ui = require('./editor-page');
const { RUNTIMES, SHOTS, useEditorRun } = require('./editor-run');

const PKG = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const TYPES = Object.keys(PKG['node-red'].nodes);
// Config nodes are not in the palette: the account is created from the first flow node's dialog.
const DEFS = packageDefinitions(root).defs;
const FLOW_TYPES = TYPES.filter((t) => !DEFS[t] || DEFS[t].category !== 'config');
const USER = { username: 'demo', password: 'demo-password', scope: 'all' };

for (const name of RUNTIMES) {
  describe(`editor in a browser (${name})`, function () {
    this.timeout(120000);
    const run = useEditorRun(name, { user: USER });
    let catalogue;
    let account;
    const placed = {};

    before(async function () {
      catalogue = await run.red.get('/fusionsolar/catalogue');
    });

    it('shows every flow node type in the palette category "FusionSolar"', async function () {
      const { page } = run.editor;
      for (const type of TYPES) {
        const def = await page.evaluate((t) => {
          const d = RED.nodes.getType(t);
          return d && { category: d.category, color: d.color };
        }, type);
        assert.ok(def, `${type} is registered in the editor`);
        if (def.category === 'config') continue;
        assert.equal(def.category, 'FusionSolar', type);
        const container = await page.evaluate(
          (t) =>
            document
              .querySelector(`.red-ui-palette-node[data-palette-type="${t}"]`)
              ?.closest('.red-ui-palette-category')?.id,
          type,
        );
        assert.equal(container, 'red-ui-palette-container-FusionSolar', type);
      }
    });

    FLOW_TYPES.forEach((type, index) => {
      it(`${type}: drag from the palette, open the dialog, every operation, save`, async function () {
        const { page } = run.editor;
        const id = await ui.dragFromPalette(page, type, 200 + (index % 3) * 220, 80 + index * 60);
        placed[type] = id;
        await ui.openDialog(page, id);
        if (!account) {
          const r = await ui.addAccount(
            page,
            { baseUrl: run.sim.url, username: USER.username, password: USER.password },
            path.join(SHOTS, `${name}-fusionsolar-account.png`),
          );
          assert.equal(r.preset, 'https://eu5.fusionsolar.huawei.com', 'the eu5 region preset fills the URL');
          assert.equal(r.region, 'custom', 'a typed URL switches the region to custom');
          assert.equal(r.customShown, true, 'the custom quota profile shows its rules');
          account = true;
        }
        await ui.chooseAccount(page);
        // The dialog offers the operations of the account's interface (this account is V7);
        // a V6-only node (device data, alarms) still lists its own.
        const all = (catalogue.operations || {})[type] || [];
        const v7 = all.filter((o) => o.api === 'v7');
        const ops = v7.length ? v7 : all;
        const rows = await ui.allFields(page);
        if (ops.length) {
          assert.deepEqual(
            await ui.listedOperations(page),
            ops.map((o) => o.name),
            "the dropdown lists the catalogue's operations",
          );
          for (const op of ops) {
            await page.selectOption('#node-input-operation', op.name);
            const used = rows.filter((r) => op.fields.includes(r.field) || r.ops.includes(op.name));
            const shown = [];
            for (const r of used) if (await ui.whenHolds(page, r.when)) shown.push(r.field);
            assert.deepEqual(await ui.visibleFields(page), shown, `${op.name} shows only its fields`);
            // A conditional row (data-when="field=value") appears once its condition is met.
            for (const r of used.filter((x) => x.when && !shown.includes(x.field))) {
              const [field, value] = r.when.split('=');
              const before = await page.inputValue(`#node-input-${field}`);
              await page.selectOption(`#node-input-${field}`, value);
              assert.ok(
                (await ui.visibleFields(page)).includes(r.field),
                `${op.name}: ${r.field} shows when ${r.when}`,
              );
              await page.selectOption(`#node-input-${field}`, before);
            }
            await ui.screenshotTray(page, path.join(SHOTS, `${name}-${type}-${op.name}.png`));
          }
          await page.selectOption('#node-input-operation', ops[0].name);
        } else {
          await ui.screenshotTray(page, path.join(SHOTS, `${name}-${type}.png`));
        }
        await ui.closeDialog(page);
        const node = await page.evaluate((i) => {
          const n = RED.nodes.node(i);
          if (!n) throw new Error(`${i} is not in the workspace`);
          return {
            valid: n.valid,
            invalid: n.validationErrors,
            account: n.account,
            operation: n.operation,
            configVersion: n.configVersion,
            label: document.querySelector(`[id="${i}"] .red-ui-flow-node-label-text`)?.textContent,
          };
        }, id);
        assert.equal(node.valid, true, `${type} is valid after saving (invalid: ${node.invalid})`);
        assert.ok(node.account, 'the account is set');
        assert.equal(typeof node.configVersion, 'number');
        if (ops.length) {
          assert.equal(node.operation, ops[0].name);
          assert.ok(node.label.startsWith(ops[0].name), `the label "${node.label}" shows the operation`);
        }
      });
    });

    it('deploys: the runtime runs every node placed, with its settings', async function () {
      const { page } = run.editor;
      assert.ok(Object.keys(placed).length > 0, 'nodes were placed');
      await ui.deploy(page);
      const flows = await run.red.get('/flows');
      for (const [type, id] of Object.entries(placed)) {
        const n = flows.find((x) => x.id === id);
        assert.ok(n, `${type} ${id} deployed`);
        assert.equal(n.type, type);
        const acc = flows.find((x) => x.id === n.account);
        assert.equal(acc && acc.baseUrl, run.sim.url);
      }
      await page.screenshot({ path: path.join(SHOTS, `${name}-workspace.png`) });
    });

    it(
      "a V7 and a V6 account side by side: each node is offered its account's operations, both " + 'deploy',
      async function () {
        const { page } = run.editor;
        const cred = { username: USER.username, password: USER.password };
        const acc = (id, api) => ui.accountNode({ id, name: api, api, baseUrl: run.sim.url, credentials: cred });
        const flows = [
          { id: 'both-tab', type: 'tab', label: 'V7 and V6' },
          acc('acc-v7', 'v7'),
          acc('acc-v6', 'v6'),
          {
            id: 'pd-v7',
            type: 'fusionsolar-plant-data',
            z: 'both-tab',
            x: 200,
            y: 100,
            account: 'acc-v7',
            operation: 'realtimeKpi',
            allPlants: true,
            wires: [[]],
          },
          {
            id: 'pd-v6',
            type: 'fusionsolar-plant-data',
            z: 'both-tab',
            x: 200,
            y: 180,
            account: 'acc-v6',
            operation: 'dayKpi',
            allPlants: true,
            collectTime: '2026-06',
            collectTimeType: 'str',
            wires: [[]],
          },
          {
            id: 'dd-v6',
            type: 'fusionsolar-device-data',
            z: 'both-tab',
            x: 200,
            y: 260,
            account: 'acc-v6',
            operation: 'deviceRealtimeKpi',
            devTypeId: ['1', '39'],
            wires: [[]],
          },
        ];
        await run.red.post('/flows', flows, { 'Node-RED-Deployment-Type': 'full' });
        await page.reload();
        await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.node('dd-v6'));
        const names = (api) =>
          catalogue.operations['fusionsolar-plant-data'].filter((o) => o.api === api).map((o) => o.name);
        const listed = () => ui.listedOperations(page);
        const close = () => ui.closeDialog(page, 'cancel');
        await ui.openDialog(page, 'pd-v7');
        assert.deepEqual(await listed(), names('v7'));
        await close();
        await ui.openDialog(page, 'pd-v6');
        assert.deepEqual(await listed(), names('v6'));
        assert.equal(await page.inputValue('#node-input-operation'), 'dayKpi');
        assert.ok(await page.locator('.fs-field[data-field=collectTime]').isVisible(), 'dayKpi shows its period');
        // Switching the node to the V7 account offers V7's operations instead.
        await page.selectOption('#node-input-account', 'acc-v7');
        assert.deepEqual(await listed(), names('v7'));
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-fusionsolar-plant-data-v6.png`));
        await close();
        await ui.openDialog(page, 'dd-v6');
        assert.deepEqual(
          await page.evaluate(() => $('#node-input-devTypeId').val()),
          ['1', '39'],
          'the device type picker shows the saved types',
        );
        const types = await page.evaluate(() =>
          [...document.querySelectorAll('#node-input-devTypeId option')].map((o) => o.textContent),
        );
        assert.ok(types.includes('38 Residential inverter') && types.includes('17 Grid meter'), types.join(', '));
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-fusionsolar-device-data-v6.png`));
        await ui.closeDialog(page);
        await ui.deploy(page);
        const deployed = await run.red.get('/flows');
        assert.equal(deployed.find((n) => n.id === 'acc-v6').api, 'v6');
        assert.deepEqual(deployed.find((n) => n.id === 'dd-v6').devTypeId, ['1', '39']);
      },
    );

    it('opens a node saved in an old shape in the current shape (test-only migration table)', async function () {
      const { page } = run.editor;
      // As if version 2 had renamed plantCodes to plantNames and the operation listPlants.
      const history = [
        { to: 2, rename: { plantCodes: 'plantNames' }, values: { operation: { listPlants: 'plantList' } } },
      ];
      const flows = [
        { id: 'old-tab', type: 'tab', label: 'saved by an old version' },
        ui.accountNode({
          id: 'old-acc',
          name: 'Simulator',
          baseUrl: run.sim.url,
          credentials: { username: USER.username, password: USER.password },
        }),
        {
          id: 'old-node',
          type: 'fusionsolar-plants',
          z: 'old-tab',
          x: 200,
          y: 100,
          account: 'old-acc',
          operation: 'listPlants',
          plantCodes: 'Sim Plant 0002',
          plantCodesType: 'str',
          wires: [[]],
        },
      ];
      await run.red.post('/flows', flows, { 'Node-RED-Deployment-Type': 'full' });
      await page.route('**/fusionsolar/catalogue', async (route) => {
        const body = await (await route.fetch()).json();
        await route.fulfill({ json: { ...body, migrations: { 'fusionsolar-plants': history } } });
      });
      try {
        await page.reload();
        await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.node('old-node'));
        await ui.openDialog(page, 'old-node');
        assert.equal(await page.inputValue('#node-input-operation'), 'plantList');
        assert.equal(await page.evaluate(() => $('#node-input-plantNames').typedInput('value')), 'Sim Plant 0002');
        assert.equal(await page.evaluate(() => $('#node-input-plantCodes').typedInput('value')), '');
        assert.equal(await page.locator('#node-input-account.input-error').count(), 0, 'the account is valid');
        await ui.screenshotTray(page, path.join(SHOTS, `${name}-fusionsolar-plants-migrated.png`));
        await page.click('#node-dialog-ok');
        const saved = await page.evaluate(() => {
          const n = RED.nodes.node('old-node');
          if (!n) throw new Error('old-node is not in the workspace');
          return {
            operation: n.operation,
            plantNames: n.plantNames,
            plantCodes: n.plantCodes,
            configVersion: Number(n.configVersion),
          };
        });
        assert.deepEqual(saved, {
          operation: 'plantList',
          plantNames: 'Sim Plant 0002',
          plantCodes: '',
          configVersion: 2,
        });
      } finally {
        await page.unroute('**/fusionsolar/catalogue');
      }
    });
  });
}
