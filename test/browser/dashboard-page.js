'use strict';
// The fleet dashboard of `npm start` opened in headless Chromium, for the V7 and V6 suites.
const assert = require('node:assert/strict');
const { startDemo } = require('../helpers/demo');
const { launch } = require('./editor-page');

/**
 * Opens the dashboard in a browser of the given size; ui-chart registers its ECharts instance in
 * window.uiCharts only for end-to-end tests (Cypress in its own suite), so the page pretends.
 */
async function openDashboard(url, viewport = { width: 1400, height: 1000 }) {
  const browser = await launch(viewport);
  await browser.page.addInitScript(() => {
    window.Cypress = window.Cypress || {};
  });
  await browser.page.goto(`${url}/dashboard/fleet`);
  return browser;
}

/** The power-flow table's rows once every plant has one: the text of each cell. */
async function flowRows(page, plants) {
  await page.waitForFunction((n) => document.querySelectorAll('.fs-flow tbody tr').length === n, plants, {
    timeout: 60000,
  });
  return page.$$eval('.fs-flow tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  );
}

/**
 * How far the power-flow table overflows its card, as shown and again with every reading at its
 * widest (five-digit values, the longest state words): the readings follow the simulated time of
 * day, so the layout check must not depend on the hour the suite runs at. The widest texts are
 * set and measured in one turn, before Vue renders the next message, then put back.
 */
async function flowOverflow(page) {
  return page.$eval('.fs-flow', (el) => {
    const shown = el.scrollWidth - el.clientWidth;
    const cells = [...el.querySelectorAll('tbody b, tbody .fs-sub')];
    const saved = cells.map((c) => c.textContent);
    for (const c of cells) {
      let text = (c.textContent || '').replace(/\d+(\.\d+)?/g, '99999.9');
      if (c.classList.contains('fs-sub')) text = text.replace(/\b(idle|charging|feed-in|from grid)\b/g, 'discharging');
      c.textContent = text;
    }
    const widest = el.scrollWidth - el.clientWidth;
    cells.forEach((c, i) => {
      c.textContent = saved[i];
    });
    return { shown, widest };
  });
}

/**
 * A describe body's before/after/afterEach for one demo and its dashboard: `ctx` gets demo,
 * browser and page; every test ends with no console error on the page.
 */
function withDashboard(env) {
  const ctx = {};
  before(async function () {
    ctx.demo = await startDemo(env);
    ctx.browser = await openDashboard(ctx.demo.url);
    ctx.page = ctx.browser.page;
  });
  after(async function () {
    if (ctx.browser) await ctx.browser.close();
    if (ctx.demo) await ctx.demo.stop();
  });
  afterEach(function () {
    assert.deepEqual(ctx.browser.errors.splice(0), [], 'no console error on the dashboard');
  });
  return ctx;
}

module.exports = { openDashboard, flowRows, flowOverflow, withDashboard };
