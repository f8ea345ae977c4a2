import type { SimPlant } from './fleet';
import { clearDayEnergy, DAY_MS, dayStartSlot, localDay, SLOTS_PER_DAY, slotOf } from './physics';
import { livePv } from './physics-inverters';
import type { Simulator } from './server';

/**
 * Energy counters that add up: a day's energy is the sum of its 5-minute PV energies (the
 * numbers history reports), the month adds the plant's days, the total adds the months.
 */

interface EnergyCache {
  days: Map<string, number>;
  bounds: Map<string, number>;
  /**
   * Running sums of a plant day's settled slots (entry i: its first i slots): real-time KPI
   * adds only the slots completed since the last read, and a history reading any slot of the
   * day costs a look-up instead of a sum from the day's start.
   */
  partial: Map<string, number[]>;
  /** A plant month's whole days before a day: every device reading of a plant asks for it. */
  monthBefore: Map<string, number>;
}

function cache(sim: Simulator): EnergyCache {
  let c = sim.state.get('plant-data.energy') as EnergyCache | undefined;
  if (!c || c.days.size > 200_000) {
    c = { days: new Map(), bounds: new Map(), partial: new Map(), monthBefore: new Map() };
    sim.state.set('plant-data.energy', c);
  }
  return c;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** PV energy of a slot, kWh, as the history interface reports it: stopped inverters make none. */
export function pvEnergyOf(sim: Simulator, plant: SimPlant, slot: number): number {
  return round3(livePv(sim, plant, slot) / 12);
}

/** PV energy of a plant day from its first slot up to (not including) `untilSlot`. */
export function dayEnergy(sim: Simulator, plant: SimPlant, day: number, untilSlot = Number.POSITIVE_INFINITY): number {
  const first = dayStartSlot(plant, day);
  const last = Math.min(first + SLOTS_PER_DAY, untilSlot);
  const whole = last === first + SLOTS_PER_DAY;
  const key = `${plant.plantCode}|${day}`;
  const c = cache(sim);
  const known = whole ? c.days.get(key) : undefined;
  if (known !== undefined) return known;
  const settled = slotOf(sim.clock.now());
  if (c.partial.size > 20_000) c.partial.clear();
  let p = c.partial.get(key) ?? [0];
  // Only slots in the past are settled: an inverter switched off now changes the ones to come.
  if (first + p.length - 1 < Math.min(last, settled)) {
    p = [...p];
    while (first + p.length - 1 < Math.min(last, settled))
      p.push(p[p.length - 1] + pvEnergyOf(sim, plant, first + p.length - 1));
    c.partial.set(key, p);
  }
  let sum: number;
  if (last - first < p.length) sum = p[last - first];
  else {
    sum = p[p.length - 1];
    for (let k = first + p.length - 1; k < last; k++) sum += pvEnergyOf(sim, plant, k);
  }
  // A whole settled day is one number from now on; a history reading its slots builds the sums once more.
  if (whole && last <= settled) {
    c.days.set(key, round3(sum));
    c.partial.delete(key);
  }
  return round3(sum);
}

/** First plant day of the month that contains `day`. */
function monthStart(day: number): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** Energy before this month: every earlier day since grid connection at its clear-sky bound. */
function before(sim: Simulator, plant: SimPlant, firstOfMonth: number): number {
  const key = `${plant.plantCode}|${firstOfMonth}`;
  const c = cache(sim);
  let v = c.bounds.get(key);
  if (v === undefined) {
    const connected = Date.parse(plant.gridConnectionDate);
    const from = Number.isFinite(connected) ? localDay(plant, connected) : firstOfMonth;
    v = 0;
    for (let day = from; day < firstOfMonth; day++) v += clearDayEnergy(plant, day);
    v = round3(v);
    c.bounds.set(key, v);
  }
  return v;
}

/** Day, month and total energy at time `t`: completed 5-minute slots only, as the API reports. */
export function energies(
  sim: Simulator,
  plant: SimPlant,
  t: number,
): { dayEnergy: number; monthEnergy: number; totalEnergy: number } {
  const today = localDay(plant, t);
  const now = slotOf(t);
  const todayEnergy = dayEnergy(sim, plant, today, now);
  const first = monthStart(today);
  const c = cache(sim);
  const key = `${plant.plantCode}|${today}`;
  let past = c.monthBefore.get(key);
  if (past === undefined) {
    past = 0;
    for (let day = first; day < today; day++) past += dayEnergy(sim, plant, day);
    if (c.monthBefore.size > 20_000) c.monthBefore.clear();
    c.monthBefore.set(key, past);
  }
  const month = round3(todayEnergy + past);
  return { dayEnergy: todayEnergy, monthEnergy: month, totalEnergy: round3(before(sim, plant, first) + month) };
}
