'use strict';
// The Node-RED editor in Debian's Chromium (playwright-core), driven as a user drives it:
// palette drag, double-click, dropdowns, Done, Deploy. `RED` is read only to find ids.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a throwaway profile; `errors` collects console errors, page errors and failed loads. */
async function launch(viewport = { width: 1400, height: 1200 }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}${process.env.BROWSER_STACKS ? `\n${e.stack}` : ''}`));
  // The console names no URL for a failed load: record which one it was.
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return {
    page,
    errors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function openEditor(url) {
  const browser = await launch();
  const { page } = browser;
  await page.goto(url);
  await page.waitForSelector('#red-ui-palette .red-ui-palette-node', { timeout: 60000 });
  await page.waitForFunction(() => window.RED && RED.nodes && RED.nodes.getType('inject'));
  return browser;
}

/** Drags a palette node onto the workspace and returns the new node's id. */
async function dragFromPalette(page, type, x, y) {
  const item = page.locator(`.red-ui-palette-node[data-palette-type="${type}"]`);
  await item.scrollIntoViewIfNeeded();
  const before = await page.evaluate((t) => RED.nodes.filterNodes({ type: t }).map((n) => n.id), type);
  const box = await item.boundingBox();
  const chart = await page.locator('#red-ui-workspace-chart').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + ((chart.x + x - box.x) * i) / 10, box.y + ((chart.y + y - box.y) * i) / 10);
  await page.mouse.up();
  const id = await page.waitForFunction(
    ([t, old]) =>
      RED.nodes
        .filterNodes({ type: t })
        .map((n) => n.id)
        .find((i) => !old.includes(i)),
    [type, before],
  );
  return id.jsonValue();
}

/** Opens a node's edit dialog by double-clicking it on the canvas. */
async function openDialog(page, id) {
  await page.locator(`[id="${id}"] .red-ui-flow-node`).first().dblclick();
  await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'visible' });
  // The dialog fills its operation list from the catalogue asynchronously.
  await page.waitForFunction(
    () =>
      !document.querySelector('#node-input-operation') ||
      /** @type {HTMLSelectElement} */ (document.querySelector('#node-input-operation')).options.length > 0,
  );
  await page.waitForTimeout(300);
}

async function visibleFields(page) {
  return page.evaluate(() =>
    [.../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.red-ui-tray .fs-field'))]
      .filter((el) => el.offsetParent !== null)
      .map((el) => el.getAttribute('data-field')),
  );
}

async function allFields(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.red-ui-tray .fs-field')].map((el) => ({
      field: el.getAttribute('data-field'),
      ops: (el.getAttribute('data-ops') || '').split(',').filter(Boolean),
      when: el.getAttribute('data-when') || '',
    })),
  );
}

/** Whether a row's data-when="field=value" condition holds in the open dialog. */
async function whenHolds(page, when) {
  if (!when) return true;
  const [field, value] = when.split('=');
  return (await page.inputValue(`#node-input-${field}`)) === value;
}

async function screenshotTray(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.locator('.red-ui-tray').last().screenshot({ path: file });
}

/** Creates the account from a flow node's dialog ("+" beside the account list). */
async function addAccount(page, { baseUrl, username, password }, shot) {
  const add = page.locator('#node-input-btn-account-add');
  if (await add.count()) await add.click();
  else await page.locator('#node-input-lookup-account').click();
  await page.waitForSelector('#node-config-input-baseUrl', { state: 'visible' });
  await page.waitForTimeout(300);
  await page.selectOption('#node-config-input-region', 'eu5');
  const preset = await page.inputValue('#node-config-input-baseUrl');
  await page.fill('#node-config-input-name', 'Simulator');
  await page.fill('#node-config-input-baseUrl', baseUrl);
  await page.locator('#node-config-input-baseUrl').dispatchEvent('input');
  const region = await page.inputValue('#node-config-input-region');
  await page.fill('#node-config-input-username', username);
  await page.fill('#node-config-input-password', password);
  await page.selectOption('#node-config-input-quotaProfile', 'custom');
  const customShown = await page.locator('.fs-quota-custom').isVisible();
  await page.selectOption('#node-config-input-quotaProfile', 'documented');
  if (shot) await screenshotTray(page, shot);
  await page.click('#node-config-dialog-ok');
  await page.waitForSelector('#node-config-input-baseUrl', { state: 'detached' });
  return { preset, region, customShown };
}

async function deploy(page) {
  await page.click('#red-ui-header-button-deploy');
  // Deployed, and the editor no longer shaded (Node-RED 4 and 5 shade it differently).
  await page.waitForFunction(
    () =>
      !RED.nodes.dirty() &&
      [...document.querySelectorAll('div[class*="shade"], div[id*="shade"]')].every(
        (el) => getComputedStyle(el).display === 'none' || el.getClientRects().length === 0,
      ),
    null,
    { timeout: 30000 },
  );
}

/** Picks the existing account in a new node's dialog when the editor left the list empty. */
async function chooseAccount(page) {
  await page.evaluate(() => {
    const select = $('#node-input-account');
    if (select.val() && select.val() !== '_ADD_') return;
    const first = select
      .find('option')
      .filter((i, o) => Boolean(o.value) && o.value !== '_ADD_')
      .first()
      .val();
    if (first) select.val(first).trigger('change');
  });
}

/** Closes the open dialog with Done (`ok`) or Cancel and waits until its tray is gone. */
async function closeDialog(page, button = 'ok') {
  await page.click(`#node-dialog-${button}`);
  await page.waitForSelector('.red-ui-tray #dialog-form', { state: 'detached' });
}

/** After a failed step: cancels a picker or dialog it left open, so the next test starts clean. */
async function closeLeftovers(page) {
  for (const id of ['#fs-picker-cancel', '#node-dialog-cancel']) {
    const b = page.locator(id);
    if (await b.count())
      await b
        .first()
        .click()
        .catch(() => undefined);
    await page.waitForSelector(id, { state: 'detached', timeout: 5000 }).catch(() => undefined);
  }
}

/** The operations the open dialog's dropdown offers. */
async function listedOperations(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#node-input-operation option')].map(
      (o) => /** @type {HTMLOptionElement} */ (o).value,
    ),
  );
}

/**
 * An account config node as a saved flow holds it; `credentials` only where the flow carries them.
 * @param {{ id: string, name: string, api?: string, baseUrl: string,
 *   credentials?: { username: string, password: string } }} account
 */
function accountNode({ id, name, api, baseUrl, credentials }) {
  return {
    id,
    type: 'fusionsolar-account',
    name,
    ...(api ? { api } : {}),
    baseUrl,
    timeout: 30,
    tlsVerify: true,
    ca: '',
    locale: 'en-us',
    allowControl: false,
    quotaProfile: 'documented',
    quotaCustom: '',
    quotaWait: 60,
    plants: '',
    devices: '',
    ...(credentials ? { credentials } : {}),
  };
}

module.exports = {
  launch,
  openEditor,
  dragFromPalette,
  openDialog,
  visibleFields,
  allFields,
  whenHolds,
  screenshotTray,
  addAccount,
  chooseAccount,
  deploy,
  closeDialog,
  closeLeftovers,
  listedOperations,
  accountNode,
};
