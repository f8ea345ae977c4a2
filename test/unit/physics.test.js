'use strict';
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Simulator } = require('../../dist/src/simulator/server');
const physics = require('../../dist/src/simulator/physics');
const { setBatteryPolicy, batteriesOf, limitsOf } = require('../../dist/src/simulator/physics-battery');
const { plantState } = require('../../dist/src/simulator/physics-state');
const { energies, dayEnergy } = require('../../dist/src/simulator/physics-energy');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function model(opts = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 5, 21));
  return { sim: new Simulator({ plants: 8, clock, ...opts }), clock };
}

/** The slot at a plant-local hour of the clock's plant day. */
function localSlot(plant, t, hour) {
  const day = physics.localDay(plant, t);
  return physics.dayStartSlot(plant, day) + hour * 12;
}

describe('simulator physics', function () {
  it('produces PV by day and none at night, the same for the same seed', function () {
    const { sim } = model();
    const other = model().sim;
    const reseeded = model({ seed: 7 }).sim;
    for (const plant of sim.fleet.plants) {
      const t = Date.UTC(2026, 5, 21);
      assert.equal(physics.slotPv(42, plant, localSlot(plant, t, 0)), 0, `${plant.plantAddress} at midnight`);
      assert.equal(physics.slotPv(42, plant, localSlot(plant, t, 2)), 0);
      const noon = physics.slotPv(42, plant, localSlot(plant, t, 12));
      assert.ok(noon > 0 && noon <= physics.inverterKw(plant), `${plant.plantAddress} at noon: ${noon}`);
      assert.equal(noon, physics.slotPv(other.options.seed, other.fleet.plants[sim.fleet.plants.indexOf(plant)], localSlot(plant, t, 12)));
    }
    const day = physics.localDay(sim.fleet.plants[0], Date.UTC(2026, 5, 21));
    assert.notEqual(dayEnergy(sim, sim.fleet.plants[0], day), dayEnergy(reseeded, sim.fleet.plants[0], day));
  });

  it('keeps battery power and SOC within the limits, and the plant balance adds up', function () {
    const { sim, clock } = model({ plants: 12 });
    const withBattery = sim.fleet.plants.filter((p) => batteriesOf(p).length);
    assert.ok(withBattery.length >= 3);
    let moved = 0;
    for (let step = 0; step < 3 * 24 * 4; step++) {
      clock.advance(15 * 60_000);
      for (const plant of withBattery) {
        const s = plantState(sim, plant, clock.now());
        const [b] = batteriesOf(plant);
        const { maxKw, socMin } = limitsOf(b);
        assert.ok(b.soc >= socMin - 1e-9 && b.soc <= 100 + 1e-9, `soc ${b.soc}`);
        assert.ok(Math.abs(s.batteryPower) <= maxKw + 1e-9);
        assert.ok(Math.abs(s.meterPower - (s.pvPower + s.batteryPower - s.loadPower)) < 0.002);
        if (s.batteryPower !== 0) moved++;
      }
    }
    assert.ok(moved > 0);
  });

  it('lets a dispatch policy move the SOC (extension point for battery control)', function () {
    const { sim, clock } = model();
    const plant = sim.fleet.plants.find((p) => batteriesOf(p).length);
    const [b] = batteriesOf(plant);
    clock.setTime(Date.UTC(2026, 5, 21, 0)); // night: self-consumption would discharge
    plantState(sim, plant, clock.now());
    b.soc = 30;
    setBatteryPolicy(sim, b.dn, () => -limitsOf(b).maxKw);
    clock.advance(HOUR);
    const s = plantState(sim, plant, clock.now());
    assert.ok(b.soc > 30, `soc ${b.soc}`);
    assert.ok(s.batteryPower < 0);
    setBatteryPolicy(sim, b.dn, undefined);
  });

  it('adds days into months and months into a total that never falls', function () {
    const { sim, clock } = model();
    // 12:00 UTC is the same calendar date in every simulated plant's zone (-03:00 .. +09:30).
    clock.setTime(Date.UTC(2026, 5, 28, 12));
    let last = sim.fleet.plants.map((p) => energies(sim, p, clock.now()));
    let resets = 0;
    for (let d = 0; d < 6; d++) {
      clock.advance(DAY);
      const newMonth = new Date(clock.now()).getUTCDate() === 1;
      sim.fleet.plants.forEach((p, i) => {
        const e = energies(sim, p, clock.now());
        assert.ok(e.totalEnergy >= last[i].totalEnergy, 'total never falls');
        assert.ok(e.monthEnergy >= e.dayEnergy && e.totalEnergy >= e.monthEnergy);
        if (newMonth) {
          assert.ok(e.monthEnergy < last[i].monthEnergy, 'a new month starts from its first day');
          resets++;
        } else assert.ok(e.monthEnergy > last[i].monthEnergy, 'the month grows by the day');
        last[i] = e;
      });
    }
    assert.equal(resets, sim.fleet.plants.length);
  });

  it('bounds every simulated day by its clear-sky energy', function () {
    const { sim } = model();
    for (const plant of sim.fleet.plants) {
      for (let d = 0; d < 365; d += 13) {
        const day = physics.localDay(plant, Date.UTC(2026, 0, 1)) + d;
        assert.ok(dayEnergy(sim, plant, day) <= physics.clearDayEnergy(plant, day), `${plant.plantCode} day ${day}`);
      }
    }
  });
});
