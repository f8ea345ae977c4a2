import type { SimPlant } from '../fleet';
import {
  clearDayEnergy,
  DAY_MS,
  dayStartSlot,
  localDay,
  SLOT_MS,
  SLOTS_PER_DAY,
  slotLoad,
  slotOf,
  slotPv,
} from '../physics';
import { batteriesOf, limitsOf, type SlotBattery } from '../physics-battery';
import { livePv } from '../physics-inverters';
import { advance, historyBatteries } from '../physics-live';
import { pvEnergyOf } from '../physics-energy';
import type { Simulator } from '../server';

/**
 * Energy of a plant over periods, kWh, from the same physics as V7's history: the slots of
 * the current month as the 5-minute data add them up, earlier days at the clear-sky bound
 * that V7's lifetime total counts them at (so a year of V6 reports adds up to V7's total),
 * with the load and its split estimated.
 */

export interface Flows {
  pv: number;
  load: number;
  /** Fed into the grid. */
  export: number;
  /** Drawn from the grid. */
  import: number;
  /** Per battery of the plant, in the fleet's order. */
  charge: number[];
  discharge: number[];
  /** Slots (of 5 minutes) each battery charged or discharged in. */
  chargeSlots: number[];
  dischargeSlots: number[];
  /** Global irradiation, kWh/m². */
  irradiation: number;
}

/** Share of the nameplate a module gives at full sun: irradiance follows from PV power. */
const PEAK_YIELD = 0.85;

export function empty(plant: SimPlant): Flows {
  const n = batteriesOf(plant).length;
  const z = (): number[] => new Array<number>(n).fill(0);
  return {
    pv: 0,
    load: 0,
    export: 0,
    import: 0,
    charge: z(),
    discharge: z(),
    chargeSlots: z(),
    dischargeSlots: z(),
    irradiation: 0,
  };
}

export function add(a: Flows, b: Flows): Flows {
  const v = (x: number[], y: number[]): number[] => x.map((n, i) => n + (y[i] ?? 0));
  return {
    pv: a.pv + b.pv,
    load: a.load + b.load,
    export: a.export + b.export,
    import: a.import + b.import,
    charge: v(a.charge, b.charge),
    discharge: v(a.discharge, b.discharge),
    chargeSlots: v(a.chargeSlots, b.chargeSlots),
    dischargeSlots: v(a.dischargeSlots, b.dischargeSlots),
    irradiation: a.irradiation + b.irradiation,
  };
}

/** Global irradiance of a slot, W/m². */
export function irradianceOf(sim: Simulator, plant: SimPlant, slot: number): number {
  return (slotPv(sim.options.seed, plant, slot) / (plant.capacity * PEAK_YIELD)) * 1000;
}

/** One completed slot, kWh. `memo` keeps the battery day models of one request. */
export function slotFlows(sim: Simulator, plant: SimPlant, slot: number, memo: Map<string, SlotBattery[][]>): Flows {
  const pv = livePv(sim, plant, slot);
  const load = slotLoad(sim.options.seed, plant, slot);
  const bats = historyBatteries(sim, plant, slot, memo);
  const batteryKw = bats.reduce((s, b) => s + b.power, 0);
  const grid = pv + batteryKw - load;
  return {
    // V7's own rounding of a slot's energy, so the V6 sums equal V7's day and month energies.
    pv: pvEnergyOf(sim, plant, slot),
    load: load / 12,
    export: Math.max(0, grid) / 12,
    import: Math.max(0, -grid) / 12,
    charge: bats.map((b) => Math.max(0, -b.power) / 12),
    discharge: bats.map((b) => Math.max(0, b.power) / 12),
    chargeSlots: bats.map((b) => (b.power < -1e-6 ? 1 : 0)),
    dischargeSlots: bats.map((b) => (b.power > 1e-6 ? 1 : 0)),
    irradiation: irradianceOf(sim, plant, slot) / 12 / 1000,
  };
}

/** Completed slots in [from, to). */
export function slotRange(
  sim: Simulator,
  plant: SimPlant,
  from: number,
  to: number,
  memo: Map<string, SlotBattery[][]>,
): Flows {
  advance(sim, plant, sim.clock.now());
  let f = empty(plant);
  const last = Math.min(to, slotOf(sim.clock.now()));
  for (let k = from; k < last; k++) f = add(f, slotFlows(sim, plant, k, memo));
  return f;
}

interface DayCache {
  days: Map<string, Flows>;
  load: Map<string, number>;
}

function cache(sim: Simulator): DayCache {
  let c = sim.state.get('v6.flows') as DayCache | undefined;
  if (!c || c.days.size > 200_000) {
    c = { days: new Map(), load: new Map() };
    sim.state.set('v6.flows', c);
  }
  return c;
}

/** Mean daily load of a plant, kWh: one day's slots (load has no seasons here). */
function dailyLoad(sim: Simulator, plant: SimPlant): number {
  const c = cache(sim);
  let v = c.load.get(plant.plantCode);
  if (v === undefined) {
    v = 0;
    const first = dayStartSlot(plant, 20_000);
    for (let k = first; k < first + SLOTS_PER_DAY; k++) v += slotLoad(sim.options.seed, plant, k) / 12;
    c.load.set(plant.plantCode, v);
  }
  return v;
}

/** A day before the current month: clear-sky PV, the usual load, half of the overlap used on site. */
function estimatedDay(sim: Simulator, plant: SimPlant, day: number): Flows {
  const pv = clearDayEnergy(plant, day);
  const load = dailyLoad(sim, plant);
  const direct = Math.min(pv, load) * 0.5;
  const bats = batteriesOf(plant);
  const f = empty(plant);
  let stored = 0;
  bats.forEach((b, i) => {
    const { kwh, maxKw } = limitsOf(b);
    const e = Math.min(kwh * 0.7, Math.max(0, (pv - direct - stored) * 0.5));
    stored += e;
    f.charge[i] = e;
    f.discharge[i] = e * 0.95;
    f.chargeSlots[i] = Math.ceil((e / maxKw) * 12);
    f.dischargeSlots[i] = Math.ceil(((e * 0.95) / maxKw) * 12);
  });
  const discharged = f.discharge.reduce((s, e) => s + e, 0);
  return {
    ...f,
    pv,
    load,
    export: Math.max(0, pv - direct - stored),
    import: Math.max(0, load - direct - discharged),
    irradiation: pv / (plant.capacity * PEAK_YIELD),
  };
}

/** First plant day of the month of `day`. */
function monthStartDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/**
 * A whole day that starts at slot `first` (a plant day, or a UTC day in quirks mode): up to
 * now; settled days are kept.
 */
export function dayFlows(sim: Simulator, plant: SimPlant, first: number, memo: Map<string, SlotBattery[][]>): Flows {
  const now = sim.clock.now();
  const day = localDay(plant, first * SLOT_MS + DAY_MS / 2);
  // Nothing before the plant was connected, as V7's lifetime total counts.
  if (day < localDay(plant, Date.parse(plant.gridConnectionDate))) return empty(plant);
  if (day < monthStartDay(localDay(plant, now))) return estimatedDay(sim, plant, day);
  const key = `${plant.plantCode}|${first}`;
  const c = cache(sim);
  const known = c.days.get(key);
  if (known) return known;
  const f = slotRange(sim, plant, first, first + SLOTS_PER_DAY, memo);
  if (first + SLOTS_PER_DAY <= slotOf(now)) c.days.set(key, f);
  return f;
}
