'use strict';
// `DEMO_API=v6 npm start`'s fleet dashboard in headless Chromium: on a V6 account the power
// flow, the grid meter's registers and the battery SOC come from the devices' real-time data.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { flowRows, flowOverflow, withDashboard } = require('./dashboard-page');

const SHOTS = path.join(__dirname, '..', 'e2e', 'screenshots');
const PLANTS = 5;

describe('fleet dashboard of npm start on a V6 account in a browser', function () {
  this.timeout(150000);
  const ctx = withDashboard({ SIM_PLANTS: String(PLANTS), DEMO_API: 'v6' });

  it(
    "shows every plant's PV, grid with the meter's import and export, and battery from " + 'deviceRealtimeKpi',
    async function () {
      const rows = await flowRows(ctx.page, PLANTS);
      assert.match(await ctx.page.innerText('.fs-flow .fs-foot'), /^deviceRealtimeKpi at /);
      assert.equal(rows.length, PLANTS);
      for (const [plant, pv, , grid, battery] of rows) {
        assert.match(plant, /^Sim Plant \d{4}/);
        assert.match(pv, /^\d+(\.\d)? kW$/, `PV of ${plant}`);
        assert.match(
          grid,
          /(kW\n(feed-in|from grid|idle)(\nin \d+(\.\d)? · out \d+(\.\d)? [kM]Wh)?|no meter)$/,
          `grid of ${plant}: ${grid}`,
        );
        assert.match(
          battery,
          /(kW\n(charging|discharging|idle) · \d+ %|no battery)$/,
          `battery of ${plant}: ${battery}`,
        );
      }
      assert.ok(
        rows.some((r) => /\nin \d+(\.\d)? · out \d+(\.\d)? [kM]Wh$/.test(r[3])),
        "some plant shows its grid meter's registers",
      );
      assert.match(await ctx.page.innerText('.nrdb-ui-text'), /V7 interface/);
      // Today's energy comes from realtimeKpi, which may answer after the devices: the rows get it when it does.
      await ctx.page.waitForFunction(
        (n) => {
          const cells = [
            .../** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.fs-flow tbody tr td:last-child b')),
          ];
          return cells.length === n && cells.every((b) => /^\d+\.\d$/.test(b.innerText));
        },
        PLANTS,
        { timeout: 60000 },
      );
    },
  );

  it('keeps the power flow table within its card', async function () {
    const { shown, widest } = await flowOverflow(ctx.page);
    assert.ok(shown <= 0, `the table overflows its card by ${shown} px`);
    assert.ok(widest <= 0, `with every reading at its widest the table overflows its card by ${widest} px`);
  });

  it('shows a battery SOC gauge for each plant with a battery, and saves a screenshot', async function () {
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
    const batteries = await ctx.page.$$eval(
      '.fs-flow tbody tr',
      (trs) => trs.filter((tr) => !/no battery/.test(tr.innerText)).length,
    );
    assert.equal(gauges.length, batteries, 'one gauge per plant whose row shows a battery');
    fs.mkdirSync(SHOTS, { recursive: true });
    await ctx.page.screenshot({ path: path.join(SHOTS, 'dashboard-v6.png'), fullPage: true });
  });
});
