'use strict';
// The monitor node on the virtual clock against the V7 simulator: glitches held back,
// Home Assistant discovery and its replay after "online", custom quotas and interval,
// redeploys that add no calls, settings checked before anything starts.
const assert = require('node:assert/strict');
const { helper, credentials } = require('../helpers/flow');
const { startMonitor, runUntil, stopMonitor, refreshTimes, maxGap } = require('../helpers/monitor');
const { must } = require('../helpers/must');

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Wraps the simulator's real-time route: `edit(items, now)` may change the answer. */
function editRealtime(sim, edit) {
  const route = sim.routes.get('vpp/plantRealtimeKpi');
  sim.route('vpp/plantRealtimeKpi', (req) => edit(route.handler(req), req.now), route.spec);
}

const realtimeOut = (m) => m.out.map((o) => o.msg.payload).filter((p) => p.source === 'realtime');

describe('monitor node (V7 simulator, virtual clock)', function () {
  this.timeout(60_000);
  let m;
  afterEach(async function () {
    if (m) await stopMonitor(m.sim);
    m = undefined;
  });

  it(
    'holds back a counter that would go backwards, null/"N/A" or 0 between real readings, and ' +
      'counts it in the status',
    async function () {
      m = await startMonitor({ sim: { plants: 1 }, node: { changesOnly: false } });
      const start = m.clock.now();
      // Rounds at 0, 5, 10, ... minutes: glitches around 11:00 plant time (+01:00), when the day's energy is above 0.
      const glitches = {
        120: (d) => (d.dayEnergy = 0),
        121: (d) => (d.totalEnergy = 'N/A'),
        122: (d) => (d.totalEnergy = d.totalEnergy - 50),
        123: (d) => (d.dayEnergy = null),
      };
      editRealtime(m.sim, (items, now) => {
        const round = Math.round((now - start) / (5 * MIN));
        const g = glitches[round];
        if (g && round * 5 * MIN + start === now) for (const it of items) g(it.dataItemMap);
        return items;
      });
      await runUntil(m.clock, start + 14 * HOUR);
      const out = realtimeOut(m);
      assert.ok(out.length >= 14 * 12, `${out.length} readings`);
      const at = (round) => out.find((p) => p.time === start + round * 5 * MIN);
      assert.ok(at(119).values.dayEnergy > 0);
      assert.equal(at(120).values.dayEnergy, undefined, 'dayEnergy 0 after a real reading is not emitted');
      assert.equal(at(121).values.totalEnergy, undefined, '"N/A" is not emitted');
      assert.equal(at(122).values.totalEnergy, undefined, 'a total lower than the last is not emitted');
      assert.equal(at(123).values.dayEnergy, undefined, 'null is not emitted');
      assert.ok(at(124).values.totalEnergy >= at(120).values.totalEnergy, 'the next real reading passes');
      assert.ok(at(124).values.dayEnergy >= at(119).values.dayEnergy);
      assert.equal(typeof at(120).values.pvPower, 'number', 'the rest of the reading is emitted');
      for (let i = 1; i < out.length; i++) {
        if (out[i].values.totalEnergy !== undefined && out[i - 1].values.totalEnergy !== undefined)
          assert.ok(out[i].values.totalEnergy >= out[i - 1].values.totalEnergy);
      }
      const held = m.statuses.filter((s) => /held 4$/.test(String(s.text)));
      assert.ok(held.length > 0, `status shows 4 held back: ${m.statuses.slice(-1)[0].text}`);
      assert.ok(held.every((s) => s.fill === 'yellow' && must(s.text, 's.text').length < 20));
    },
  );

  it('changesOnly drops a reading whose values did not change', async function () {
    m = await startMonitor({ sim: { plants: 1 } });
    const start = m.clock.now();
    editRealtime(m.sim, (items) => {
      for (const it of items) for (const k of Object.keys(it.dataItemMap)) it.dataItemMap[k] = 1;
      return items;
    });
    await runUntil(m.clock, start + HOUR);
    assert.equal(
      must(refreshTimes(m.answers).get('NE=33554432'), 'refreshTimes(m.answers).get("NE=33554432")').length,
      12,
    );
    assert.equal(realtimeOut(m).length, 1);
  });

  it(
    'homeassistant: retained config per entity once, state messages, the config again after ' + '"online"',
    async function () {
      m = await startMonitor({ sim: { plants: 1 }, node: { format: 'homeassistant', haPrefix: 'ha' } });
      const start = m.clock.now();
      await runUntil(m.clock, start + 6 * MIN);
      const msgs = m.out.map((o) => o.msg);
      const configs = msgs.filter((x) => /^ha\/sensor\/.+\/config$/.test(String(x.topic)));
      const states = msgs.filter((x) => x.topic === 'fusionsolar/plant/NE_33554432/state');
      assert.equal(configs.length, 10, configs.map((c) => c.topic).join());
      assert.equal(new Set(configs.map((c) => c.topic)).size, 10, 'one config per entity');
      assert.ok(configs.every((c) => c.retain === true));
      assert.equal(states.length, 2);
      const byField = Object.fromEntries(
        configs.map((c) => [c.payload.unique_id.replace('fusionsolar_plant_NE_33554432_', ''), c.payload]),
      );
      assert.deepEqual(
        [byField.totalEnergy.device_class, byField.totalEnergy.state_class, byField.totalEnergy.unit_of_measurement],
        ['energy', 'total_increasing', 'kWh'],
      );
      assert.deepEqual([byField.dayEnergy.device_class, byField.dayEnergy.state_class], ['energy', 'total_increasing']);
      assert.deepEqual(
        [byField.pvPower.device_class, byField.pvPower.state_class, byField.pvPower.unit_of_measurement],
        ['power', 'measurement', 'kW'],
      );
      assert.deepEqual([byField.batterySOC.device_class, byField.batterySOC.unit_of_measurement], ['battery', '%']);
      assert.equal(byField.pvPower.state_topic, 'fusionsolar/plant/NE_33554432/state');
      assert.equal(byField.pvPower.value_template, '{{ value_json.pvPower }}');
      assert.deepEqual(byField.pvPower.device, {
        identifiers: ['fusionsolar_plant_NE_33554432'],
        name: 'Sim Plant 0001',
        manufacturer: 'Huawei',
        model: 'FusionSolar plant',
      });
      assert.equal(typeof states[1].payload.totalEnergy, 'number');

      const before = m.out.length;
      const n = helper.getNode('n');
      n.receive({ topic: 'ha/status', payload: 'offline' });
      n.receive({ topic: 'ha/status', payload: 'online' });
      await new Promise((r) => setImmediate(r));
      const again = m.out.slice(before).map((o) => o.msg);
      assert.equal(
        again.filter((x) => must(x.topic, 'x.topic').endsWith('/config')).length,
        10,
        'every entity announced again at once',
      );
      assert.equal(again.filter((x) => must(x.topic, 'x.topic').endsWith('/state')).length, 1, 'with its last state');
      assert.deepEqual(
        again
          .filter((x) => must(x.topic, 'x.topic').endsWith('/config'))
          .map((x) => x.payload.unique_id)
          .sort(),
        configs.map((c) => c.payload.unique_id).sort(),
        'the same unique ids',
      );
    },
  );

  it('a redeploy adds no call: the next round comes when the last one says', async function () {
    m = await startMonitor({ sim: { plants: 1 } });
    const start = m.clock.now();
    await runUntil(m.clock, start + 7 * MIN);
    assert.equal(m.sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2);
    // A full deploy recreates the account and the monitor.
    await helper.setFlows(
      m.flow.map((n) => (n.id === 'n' ? { ...n, name: 'renamed' } : n)),
      'full',
      credentials(),
    );
    await runUntil(m.clock, start + 9 * MIN);
    assert.equal(m.sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 2, 'no call right after the redeploy');
    assert.equal(
      must(helper.getNode('acc').client, 'helper.getNode("acc").client').governor.info('vpp/plantRealtimeKpi').queued,
      undefined,
      'and none queued for the governor to hold back',
    );
    assert.equal(m.sim.stats.byEndpoint.plants, 1, 'the plant list is remembered');
    await runUntil(m.clock, start + 10 * MIN + 1000);
    assert.equal(m.sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 3);
    assert.equal(m.sim.stats.quota407, 0);
  });

  it(
    'custom quota: follows the custom rate (5 per 5 minutes: every minute); interval slows it, ' + 'never speeds it up',
    async function () {
      const custom = JSON.stringify({ 'vpp/plantRealtimeKpi': { limits: [{ count: 5, windowMs: 5 * MIN }] } });
      m = await startMonitor({
        sim: { plants: 1, quotas: false },
        accountExtra: { quotaProfile: 'custom', quotaCustom: custom },
      });
      let start = m.clock.now();
      await runUntil(m.clock, start + HOUR);
      let t = must(refreshTimes(m.answers).get('NE=33554432'), 'the refresh times');
      assert.equal(t.length, 60);
      assert.equal(maxGap(t), MIN);
      await stopMonitor(m.sim);

      m = await startMonitor({
        sim: { plants: 1, quotas: false },
        node: { interval: 150 },
        accountExtra: { quotaProfile: 'custom', quotaCustom: custom },
      });
      start = m.clock.now();
      await runUntil(m.clock, start + HOUR);
      t = must(refreshTimes(m.answers).get('NE=33554432'), 'the refresh times');
      assert.equal(t.length, 24);
      assert.equal(maxGap(t), 150_000);
      await stopMonitor(m.sim);

      m = await startMonitor({ sim: { plants: 1 }, node: { interval: 10 } });
      start = m.clock.now();
      await runUntil(m.clock, start + HOUR);
      assert.equal(
        must(refreshTimes(m.answers).get('NE=33554432'), 'refreshTimes(m.answers).get("NE=33554432")').length,
        12,
        'documented quota: an interval of 10 s still means every 5 minutes',
      );
      assert.equal(m.sim.stats.quota407, 0);
    },
  );

  it("influxdb: one point per reading, numeric fields, tags and the reading's time", async function () {
    m = await startMonitor({ sim: { plants: 2 }, node: { format: 'influxdb' } });
    const start = m.clock.now();
    await runUntil(m.clock, start + MIN);
    const first = m.out.map((o) => o.msg).filter((x) => x.payload[0].measurement === 'fusionsolar_plant');
    assert.equal(first.length, 2);
    const p = first[0].payload[0];
    assert.equal(first[0].topic, p.tags.plantCode);
    assert.deepEqual(Object.keys(p).sort(), ['fields', 'measurement', 'tags', 'timestamp']);
    assert.deepEqual(p.tags, { plantCode: 'NE=33554432', type: 'plant' });
    assert.ok(Object.values(p.fields).every((v) => typeof v === 'number'));
    assert.ok(p.timestamp instanceof Date && p.timestamp.getTime() === start);
  });

  for (const [setting, value, field] of [
    ['deviceTypes', '1,x', 'deviceTypes'],
    ['interval', '-5', 'interval'],
    ['format', 'csv', 'format'],
    ['haPrefix', 'ha/#', 'haPrefix'],
    ['plantCodes', 'NE=1,NE=1', 'plantCodes'],
  ]) {
    it(`a bad ${setting} stops the node before any call, naming the field`, async function () {
      m = await startMonitor({ sim: { plants: 1 }, node: { [setting]: value } });
      const start = m.clock.now();
      await runUntil(m.clock, start + 10 * MIN);
      assert.equal(m.sim.stats.requests, 0);
      const logged = helper
        .log()
        .args.map((a) => a[0])
        .filter((e) => e.id === 'n' && e.level === helper.log().ERROR);
      assert.equal(logged.length, 1);
      assert.match(String(logged[0].msg), new RegExp(`^${field}: `));
    });
  }

  it('every input message ends with one done()', async function () {
    m = await startMonitor({ sim: { plants: 1 } });
    const n = helper.getNode('n');
    let done = 0;
    helper.getNode('completed').on('input', () => done++);
    n.receive({ payload: 'anything' });
    n.receive({ topic: 'homeassistant/status', payload: 'online' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(done, 2);
    assert.ok(
      m.out.every((o) => !/config$/.test(String(o.msg.topic))),
      'plain format: online sends no discovery',
    );
  });
});
