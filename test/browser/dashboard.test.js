'use strict';
// `npm start`'s fleet dashboard (FlowFuse Dashboard 2) in headless Chromium: the page renders
// the simulated fleet's live power flow, battery SOC, the day chart and the I-V curves of the
// diagnosis run at start, with data. Its screenshot replaces the README's (docs/dashboard.png)
// only with UPDATE_README_SHOT=1: a test run must not change tracked files.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { flowRows, openDashboard, withDashboard } = require('./dashboard-page');
const { must } = require('../helpers/must');

const root = path.join(__dirname, '..', '..');
const SHOTS = path.join(root, 'test', 'e2e', 'screenshots');
const README_SHOT = path.join(root, 'docs', 'dashboard.png');
const PLANTS = 5;

/** Series name -> number of points, as the page's ECharts instance of a ui-chart holds them. */
function chartSeries(page, id) {
  return page.evaluate((chartId) => {
    const chart = window.uiCharts && window.uiCharts[chartId];
    if (!chart || !chart.chart) return null;
    const out = {};
    for (const s of chart.chart.getOption().series || []) out[s.name] = (s.data || []).length;
    return out;
  }, id);
}

/**
 * Waits until the chart shows `series` series of at least `min` points each (the day chart
 * gets realtimeKpi's live point before historyKpi's day), then returns what it shows.
 */
async function waitForPoints(page, id, { series, min }, ms) {
  try {
    await page.waitForFunction(
      ([chartId, n, least]) => {
        const chart = window.uiCharts && window.uiCharts[chartId];
        const all = chart && chart.chart ? chart.chart.getOption().series || [] : [];
        return all.length >= n && all.every((s) => (s.data || []).length >= least);
      },
      [id, series, min],
      { timeout: ms, polling: 500 },
    );
  } catch (err) {
    // Say what the chart showed instead of just "timeout".
    const why = err instanceof Error ? err.message : err;
    throw new Error(`${id}: ${why}; the chart shows ${JSON.stringify(await chartSeries(page, id))}`);
  }
  return chartSeries(page, id);
}

describe('fleet dashboard of npm start in a browser', function () {
  this.timeout(150000);
  const ctx = withDashboard({ SIM_PLANTS: String(PLANTS) });

  it('shows the live power flow of every plant from realtimeKpi', async function () {
    const rows = await flowRows(ctx.page, PLANTS);
    assert.equal(rows.length, PLANTS);
    for (const [plant, pv, load, grid] of rows) {
      assert.match(plant, /^Sim Plant \d{4}/);
      assert.match(pv, /^\d+(\.\d)? kW$/, `PV of ${plant}`);
      assert.match(load, /^\d+(\.\d)? kW$/, `load of ${plant}`);
      assert.match(grid, /kW\n(feed-in|from grid|idle)$/, `grid of ${plant}`);
    }
  });

  it('shows a battery SOC gauge for each plant with a battery', async function () {
    await ctx.page.waitForSelector('.fs-soc .v-progress-circular', { timeout: 30000 });
    const gauges = await ctx.page.$$eval('.fs-soc-item', (items) =>
      items.map((el) => ({
        value: el.querySelector('.fs-soc-value').innerText,
        now: Number(el.querySelector('.v-progress-circular').getAttribute('aria-valuenow')),
      })),
    );
    assert.ok(gauges.length > 0 && gauges.length <= PLANTS, `${gauges.length} gauges`);
    for (const g of gauges) {
      assert.ok(g.now >= 0 && g.now <= 100, `SOC ${g.now}`);
      assert.equal(g.value, `${Math.round(g.now)} %`);
    }
  });

  it('draws the day chart from historyKpi: one series per plant, with points', async function () {
    // About 24 hours of 5-minute points (288; the chart drops those older than 24 hours).
    const series = await waitForPoints(ctx.page, 'dash-ui-day', { series: PLANTS, min: 250 }, 90000);
    const names = Object.keys(series);
    assert.deepEqual(
      names.sort(),
      Array.from({ length: PLANTS }, (_, i) => `Sim Plant ${String(i + 1).padStart(4, '0')}`),
    );
    for (const name of names) assert.ok(series[name] >= 250 && series[name] <= 290, `${name}: ${series[name]} points`);
  });

  it(
    'draws the I-V curves of the diagnosis run at start, one series per string, and saves the ' + 'screenshot',
    async function () {
      // The simulator scans on the real clock: seconds for one inverter.
      const series = await waitForPoints(ctx.page, 'dash-ui-iv', { series: 1, min: 1 }, 90000);
      const names = Object.keys(series);
      assert.equal(names.length, 8, `one series per string of an 8-string inverter: ${names.join(', ')}`);
      assert.ok(
        names.every((n) => /^PV\d+( \(.+\))?$/.test(n)),
        `series named after the strings (and their faults): ${names.join(', ')}`,
      );
      for (const name of names) assert.equal(series[name], 128, `${name}: the 128 scan points`);
      assert.match(await ctx.page.innerText('.nrdb-ui-text'), /Inverter-1 of Sim Plant \d{4}: 8 strings/);
      await ctx.page.waitForTimeout(1000); // the chart's entry animation
      fs.mkdirSync(SHOTS, { recursive: true });
      const shot = path.join(SHOTS, 'dashboard.png');
      await ctx.page.screenshot({ path: shot, fullPage: true });
      assert.ok(fs.statSync(shot).size < 300 * 1024, 'the screenshot stays under 300 KB, small enough for the README');
      if (process.env.UPDATE_README_SHOT === '1') fs.copyFileSync(shot, README_SHOT);
    },
  );

  it('fits a 400 px wide phone: every column of the power flow shown whole, charts within the page', async function () {
    const phone = await openDashboard(ctx.demo.url, { width: 400, height: 900 });
    try {
      await flowRows(phone.page, PLANTS);
      const layout = await phone.page.evaluate(() => {
        const box = (el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const table = document.querySelector('.fs-flow');
        if (!table) throw new Error('the dashboard shows no .fs-flow table');
        return {
          width: document.documentElement.clientWidth,
          scroll: document.documentElement.scrollWidth,
          table: box(table),
          tableScroll: table.scrollWidth - table.clientWidth,
          rows: [...table.querySelectorAll('tbody tr')].map((tr) =>
            [...tr.querySelectorAll('td')].map((td) => ({
              label: td.getAttribute('data-label'),
              text: td.innerText,
              ...box(td),
              inner: [...td.querySelectorAll('b, .fs-sub')].map(box),
            })),
          ),
          charts: [...document.querySelectorAll('.nrdb-ui-chart canvas')].map((c) => box(c)),
        };
      });
      assert.ok(
        layout.scroll <= layout.width,
        `the page does not scroll sideways (${layout.scroll} > ${layout.width})`,
      );
      assert.ok(layout.tableScroll <= 0, 'the table does not overflow its card');
      for (const cells of layout.rows) {
        assert.deepEqual(
          cells.map((c) => c.label),
          [null, 'PV', 'Load', 'Grid', 'Battery', 'Today'],
        );
        for (const c of cells) {
          assert.ok(
            c.left >= layout.table.left - 0.5 && c.right <= layout.table.right + 0.5,
            `${c.label || 'plant'} of "${cells[0].text.split('\n')[0]}" inside the card: ${JSON.stringify(c)}`,
          );
          for (const i of c.inner)
            assert.ok(i.right <= c.right + 0.5 && i.left >= c.left - 0.5, `${c.label}: its value is not clipped`);
        }
        // No two cells of a row overlap.
        for (let i = 0; i < cells.length; i++)
          for (let j = i + 1; j < cells.length; j++) {
            const [a, b] = [cells[i], cells[j]];
            const overlap =
              a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            assert.ok(!overlap, `${a.label || 'plant'} and ${b.label} overlap`);
          }
      }
      // Legends: one line above the plot, never over it (ECharts wraps a plain legend into rows
      // that cover the plot's top at 400 px).
      for (const id of ['dash-ui-day', 'dash-ui-iv']) {
        const at = await phone.page.waitForFunction(
          (chartId) => {
            const ec = window.uiCharts && window.uiCharts[chartId] && window.uiCharts[chartId].chart;
            const legend = ec && ec.getModel().getComponent('legend');
            const grid = ec && ec.getModel().getComponent('grid');
            if (!legend || !grid || !grid.coordinateSystem || !(ec.getOption().series || []).length) return null;
            const g = ec.getViewOfComponentModel(legend).group;
            const r = g.getBoundingRect();
            return {
              type: legend.get('type'),
              legendBottom: g.y + r.y + r.height,
              plotTop: grid.coordinateSystem.getRect().y,
            };
          },
          id,
          { timeout: 60000, polling: 500 },
        );
        const { type, legendBottom, plotTop } = must(await at.jsonValue(), `${id}: the legend and grid`);
        assert.equal(type, 'scroll', `${id}: legend on one scrolling line`);
        assert.ok(
          legendBottom <= plotTop + 0.5,
          `${id}: legend (bottom ${legendBottom}) above the plot (top ${plotTop})`,
        );
      }
      const titles = await phone.page.evaluate(() =>
        [...document.querySelectorAll('.nrdb-ui-group-title, .v-card-title')].map((t) => ({
          text: t.textContent.trim(),
          cut: t.scrollWidth > t.clientWidth + 1,
        })),
      );
      assert.ok(titles.length >= 4, `group titles found: ${JSON.stringify(titles)}`);
      assert.deepEqual(
        titles.filter((t) => t.cut),
        [],
        'no group title cut',
      );
      assert.ok(layout.charts.length >= 2, 'both charts are drawn');
      for (const c of layout.charts)
        assert.ok(c.left >= 0 && c.right <= layout.width + 0.5, `chart within the page: ${JSON.stringify(c)}`);
      fs.mkdirSync(SHOTS, { recursive: true });
      await phone.page.screenshot({ path: path.join(SHOTS, 'dashboard-400px.png'), fullPage: true });
      assert.deepEqual(phone.errors, [], 'no console error at 400 px');
    } finally {
      await phone.close();
    }
  });
});
