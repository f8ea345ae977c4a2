'use strict';
const assert = require('node:assert/strict');
const { VirtualClock } = require('../../dist/src/clock');
const { Simulator } = require('../../dist/src/simulator');
const physics = require('../../dist/src/simulator/physics');
const { batteriesOf, limitsOf } = require('../../dist/src/simulator/physics-battery');
const { forceBattery, releaseBattery } = require('../../dist/src/simulator/physics-live');
const { plantState } = require('../../dist/src/simulator/physics-state');
const { energies, dayEnergy } = require('../../dist/src/simulator/physics-energy');
const { must } = require('../helpers/must');

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
      assert.equal(
        noon,
        physics.slotPv(
          other.options.seed,
          other.fleet.plants[sim.fleet.plants.indexOf(plant)],
          localSlot(plant, t, 12),
        ),
      );
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
        // A battery without a SOC compares as NaN: the assertion fails.
        const soc = b.soc ?? NaN;
        assert.ok(soc >= socMin - 1e-9 && soc <= 100 + 1e-9, `soc ${b.soc}`);
        assert.ok(Math.abs(s.batteryPower) <= maxKw + 1e-9);
        assert.ok(Math.abs(s.meterPower - (s.pvPower + s.batteryPower - s.loadPower)) < 0.002);
        if (s.batteryPower !== 0) moved++;
      }
    }
    assert.ok(moved > 0);
  });

  it(
    'lets a drive (battery dispatch) charge through the night, hold its stop SOC, then hands back ' +
      'to self-consumption',
    function () {
      const { sim, clock } = model();
      const plant = must(
        sim.fleet.plants.find((p) => batteriesOf(p).length && p.tzOffsetMin === 60),
        'a plant with a battery at UTC+1',
      );
      const [b] = batteriesOf(plant);
      const { maxKw, kwh } = limitsOf(b);
      clock.setTime(Date.UTC(2026, 5, 21, 0)); // night in Europe: self-consumption discharges
      b.soc = 30;
      const t0 = clock.now() + 60_000 * 7 + 1234; // mid-slot, on purpose
      clock.setTime(t0);
      const soc0 = b.soc;
      const drive = forceBattery(sim, b, { from: t0, until: t0 + 6 * HOUR, kw: -maxKw, stopSoc: 80 });
      clock.advance(HOUR / 2);
      // Exactly linear while forced: maxKw for half an hour into kwh.
      assert.ok(Math.abs(b.soc - (soc0 + (maxKw * 0.5 * 100) / kwh)) < 1e-6, `soc ${b.soc}`);
      const s = plantState(sim, plant, clock.now());
      assert.equal(s.batteryPower, -maxKw);
      assert.equal(b.power, maxKw, 'power as the fleet reports it: charging > 0');
      clock.advance(HOUR);
      assert.equal(b.soc, 80, 'stopped at the stop SOC');
      assert.equal(plantState(sim, plant, clock.now()).batteryPower, 0, 'and holds it');
      releaseBattery(drive, clock.now());
      clock.advance(HOUR);
      assert.ok(b.soc < 80, 'self-consumption again');
    },
  );

  it('gives the same SOC however often it is read', function () {
    const a = model();
    const b = model();
    const pick = (sim) =>
      must(
        sim.fleet.plants.find((p) => batteriesOf(p).length),
        'a plant with a battery',
      );
    const [pa, pb] = [pick(a.sim), pick(b.sim)];
    for (const { sim, clock } of [a, b])
      forceBattery(sim, batteriesOf(pick(sim))[0], {
        from: clock.now() + HOUR,
        until: clock.now() + 3 * HOUR,
        kw: 2,
        stopSoc: 20,
      });
    for (let i = 0; i < 24 * 12; i++) {
      a.clock.advance(5 * 60_000);
      plantState(a.sim, pa, a.clock.now());
    }
    b.clock.advance(24 * HOUR);
    assert.ok(Math.abs((batteriesOf(pa)[0].soc ?? NaN) - (batteriesOf(pb)[0].soc ?? NaN)) < 1e-6);
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
