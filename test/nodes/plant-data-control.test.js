'use strict';
// Control and plant data on one simulated plant: what a command does shows up in the
// readings, on the virtual clock (5-minute steps of simulated time, no waiting).
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');

const BATTERY = 20815;
const INVERTER = 20822;
const MINUTE = 60_000;

describe('control and plant data share one plant model', function () {
  let sim;
  let clock;
  let h;

  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  /** A control node `n` and a plant-data node `pd` (output `pdout`) on one account. */
  async function start() {
    ({ sim, clock } = await virtualSim({ plants: 6 }));
    const flow = flowWith(
      sim,
      { type: 'fusionsolar-control', operation: 'chargeDischarge' },
      { outputs: 2, accountExtra: { allowControl: true } },
    );
    flow.push(
      {
        id: 'pd',
        type: 'fusionsolar-plant-data',
        account: 'acc',
        operation: 'realtimeKpi',
        split: false,
        wires: [['pdout']],
      },
      { id: 'pdout', type: 'helper' },
    );
    await load(flow, credentials());
    h = harness();
  }

  /** One plant-data message; resolves with its payload. */
  function read(operation, payload) {
    return new Promise((resolve, reject) => {
      const out = helper.getNode('pdout');
      const onOut = (m) => {
        out.removeListener('input', onOut);
        resolve(m.payload);
      };
      out.on('input', onOut);
      helper
        .getNode('caught')
        .on(
          'input',
          (m) => m.error && m.error.source && m.error.source.id === 'pd' && reject(new Error(m.error.message)),
        );
      helper.getNode('pd').receive({ operation, payload });
    });
  }
  const realtime = async (code) => (await read('realtimeKpi', { plantCodes: code }))[0].dataItemMap;

  it(
    'a forced charge to 80% raises the SOC in realtimeKpi over simulated time, holds it, and ' +
      'history shows the same',
    async function () {
      await start();
      // A home battery: containers report no charge energy (9.3.3).
      const plant = sim.fleet.plants.find((p) =>
        p.devices.some((d) => d.deviceTypeId === BATTERY && d.ratedCapacity < 100),
      );
      const battery = plant.devices.find((d) => d.deviceTypeId === BATTERY);
      battery.soc = 40;
      const before = await realtime(plant.plantCode);
      assert.ok(before.batterySOC < 45);

      const t0 = clock.now();
      const r = await h.send({
        payload: { plantCodes: plant.plantCode, dispatchSwitch: 1, controlType: 1, targetSOC: 80 },
      });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.equal(r.out[0].payload[0].dispatchResult, 0);

      // Default power is the battery's maximum: half its capacity an hour, 50 % SOC an hour.
      const kw = battery.usableCapacity / 2;
      const readings = [];
      for (let i = 0; i < 18; i++) {
        clock.advance(5 * MINUTE);
        readings.push(await realtime(plant.plantCode));
      }
      const socs = readings.map((d) => d.batterySOC);
      const top = socs.indexOf(80);
      assert.ok(top > 0, `SOC reached 80: ${socs.join(' ')}`);
      for (let i = 1; i <= top; i++) assert.ok(socs[i] > socs[i - 1], `SOC rose at every reading: ${socs.join(' ')}`);
      assert.ok(
        socs.slice(top).every((s) => s === 80),
        `and holds the target: ${socs.join(' ')}`,
      );
      assert.ok(
        readings.slice(0, top).every((d) => d.batteryPower === -kw),
        'charging at full power (negative: charging)',
      );
      assert.ok(readings.slice(top).every((d) => d.batteryPower === 0));
      // Rising at 50 % an hour from where it started: 5 minutes is 4.2 %.
      assert.ok(Math.abs(socs[0] - before.batterySOC - 50 / 12) < 0.2, `${before.batterySOC} -> ${socs[0]}`);

      const [hist] = await read('historyKpi', {
        plantCodes: plant.plantCode,
        startTime: t0 - 30 * MINUTE,
        endTime: clock.now(),
      });
      const points = hist.dataItem.filter((p) => p.time >= t0 + 5 * MINUTE && p.time < t0 + top * 5 * MINUTE);
      assert.ok(points.length >= 3);
      assert.ok(
        points.every((p) => Math.abs(p.chargeEnergy - kw / 12) < 0.002 && p.dischargeEnergy === 0),
        'history charges at the same power',
      );
      assert.equal(hist.dataItem.at(-1).batterySOC, 80);
      const histSocs = hist.dataItem.map((p) => p.batterySOC);
      const from = histSocs.findIndex((_, i) => hist.dataItem[i].time >= t0);
      for (let i = from + 1; i < histSocs.length && histSocs[i - 1] < 80; i++)
        assert.ok(histSocs[i] > histSocs[i - 1], histSocs.join(' '));
    },
  );

  it(
    'an inverter switched off produces no PV in realtimeKpi, its energy stops growing, and it comes ' +
      'back when switched on',
    async function () {
      await start();
      // 00:00 UTC is morning in Shenzhen and Adelaide: a plant that is producing now.
      let plant;
      let before;
      for (const p of sim.fleet.plants) {
        before = await realtime(p.plantCode);
        clock.advance(5 * MINUTE);
        if (before.pvPower > 0.5) {
          plant = p;
          break;
        }
      }
      assert.ok(plant, 'a plant in daylight');
      const dns = plant.devices.filter((d) => d.deviceTypeId === INVERTER).map((d) => d.dn);
      const off = await h.send({ operation: 'inverterPower', payload: { dns, controlType: 2 } });
      assert.equal(off.error, undefined, off.error && off.error.message);

      clock.advance(10 * MINUTE);
      const first = await realtime(plant.plantCode);
      clock.advance(30 * MINUTE);
      const later = await realtime(plant.plantCode);
      assert.equal(first.pvPower, 0);
      assert.equal(later.pvPower, 0);
      assert.equal(later.dayEnergy, first.dayEnergy, 'no energy while off');
      assert.equal(
        later.meterPower,
        Math.round((later.batteryPower - later.loadPower) * 1000) / 1000,
        'the load comes from the battery and the grid',
      );

      clock.advance(MINUTE);
      const on = await h.send({ operation: 'inverterPower', payload: { dns, controlType: 1 } });
      assert.equal(on.error, undefined, on.error && on.error.message);
      clock.advance(10 * MINUTE);
      const back = await realtime(plant.plantCode);
      assert.ok(back.pvPower > 0, `PV again: ${back.pvPower}`);
      assert.ok(back.dayEnergy > later.dayEnergy);
    },
  );
});
