'use strict';
// The InfluxDB example against Debian's influxdb (1.x): the monitor's points go through
// node-red-contrib-influxdb's batch node; the test queries the database and finds every
// point once, with numeric fields as floats and the codes as tags, at the readings' times.
const assert = require('node:assert/strict');
const { startInflux } = require('./services');
const { eventually } = require('../helpers/wait');
const { runExample, stopExample, helper } = require('./flow');

const MIN = 60_000;

describe('sinks: monitor -> influxdb batch -> InfluxDB 1.x', function () {
  this.timeout(90_000);
  let db;
  let run;
  before(async function () {
    db = await startInflux();
    await db.query('CREATE DATABASE fusionsolar');
  });
  after(async function () {
    if (run) await stopExample(run.sim);
    if (db) await db.stop();
  });

  it('writes every point once, with the right types, measurement and tags', async function () {
    run = await runExample(
      'monitor-influxdb.json',
      (n) => {
        if (n.type === 'influxdb') return { ...n, port: String(db.port), url: db.url };
        return n;
      },
      { plants: 3 },
    );
    const emitted = [];
    helper.getNode('mix-debug').on('input', (m) => emitted.push(m));
    run.freeze();
    const start = run.clock.now();
    // 40 simulated minutes: 8 rounds of 3 plants, and the backfill of today (from 00:00 UTC).
    while (run.clock.now() < start + 40 * MIN) await run.clock.sleep(MIN);
    // Time stops again while the batch node writes on the real clock.
    run.freeze = run.clock.hold();
    const points = () => emitted.flatMap((m) => m.payload);
    const live = () => points().filter((p) => p.measurement === 'fusionsolar_plant');
    const count = async () => {
      const r = await db.query('SELECT COUNT("pvPower") FROM "fusionsolar_plant"', 'fusionsolar');
      return r.series ? r.series[0].values[0][1] : 0;
    };
    let n = -1;
    await eventually(async () => (n = await count()) === live().length, 'every real-time point in InfluxDB').catch(
      () => undefined,
    );
    assert.ok(live().length >= 3 * 8, `${live().length} real-time points`);
    assert.equal(n, live().length, 'every real-time point is in the database');

    const rows = await db.query('SELECT * FROM "fusionsolar_plant" GROUP BY "plantCode","type"', 'fusionsolar');
    assert.equal(rows.series.length, 3, 'one series per plant');
    for (const s of rows.series) {
      assert.equal(s.tags.type, 'plant');
      const mine = live().filter((p) => p.tags.plantCode === s.tags.plantCode);
      const times = s.values.map((v) => v[0]);
      assert.deepEqual(
        times,
        mine.map((p) => p.timestamp.getTime()).sort((a, b) => a - b),
        `${s.tags.plantCode}: each reading once, at its own time`,
      );
      const col = (name) => s.columns.indexOf(name);
      const first = mine.find((p) => p.timestamp.getTime() === times[0]);
      assert.equal(s.values[0][col('totalEnergy')], first.fields.totalEnergy);
    }
    const keys = await db.query('SHOW FIELD KEYS FROM "fusionsolar_plant"', 'fusionsolar');
    const types = Object.fromEntries(keys.series[0].values);
    assert.equal(types.totalEnergy, 'float');
    assert.equal(types.pvPower, 'float');
    assert.ok(
      Object.values(types).every((t) => t === 'float' || t === 'integer'),
      JSON.stringify(types),
    );
    const tagKeys = await db.query('SHOW TAG KEYS FROM "fusionsolar_plant"', 'fusionsolar');
    assert.deepEqual(tagKeys.series[0].values.map((v) => v[0]).sort(), ['plantCode', 'type']);

    // The history backfill of today landed too, in its own measurement.
    const history = points().filter((p) => p.measurement === 'fusionsolar_plant_5min');
    const h = await db.query('SELECT COUNT("pvEnergy") FROM "fusionsolar_plant_5min"', 'fusionsolar');
    assert.ok(history.length > 0, "Adelaide's day began at 14:30 UTC: there is history to backfill");
    assert.equal(h.series[0].values[0][1], history.filter((p) => 'pvEnergy' in p.fields).length);
  });
});
