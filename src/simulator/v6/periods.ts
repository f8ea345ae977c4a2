import type { SimPlant } from '../fleet';
import { SLOT_MS } from '../physics';
import type { Simulator } from '../server';

/**
 * The periods the report interfaces select: "the backend calculates the date of the
 * collection time based on ... the time zone where the plant is located". Quirks mode
 * buckets by UTC instead, as one public client says live servers do.
 */

const HOUR = 3_600_000;
const DAY = 86_400_000;

function zoneMs(sim: Simulator, plant: SimPlant): number {
  return sim.options.quirks ? 0 : plant.tzOffsetMin * 60_000;
}

/** Local calendar parts of a time (UTC fields of the shifted time). */
function local(sim: Simulator, plant: SimPlant, t: number): Date {
  return new Date(t + zoneMs(sim, plant));
}

function utcOf(sim: Simulator, plant: SimPlant, y: number, m: number, d = 1): number {
  return Date.UTC(y, m, d) - zoneMs(sim, plant);
}

/** Start of the local day containing `t`. */
export function dayStart(sim: Simulator, plant: SimPlant, t: number): number {
  const z = zoneMs(sim, plant);
  return Math.floor((t + z) / DAY) * DAY - z;
}

/** Hour starts of the day containing `t`, up to now. */
export function hoursOf(sim: Simulator, plant: SimPlant, t: number, now: number): number[] {
  const first = dayStart(sim, plant, t);
  return Array.from({ length: 24 }, (_, h) => first + h * HOUR).filter((s) => s <= now);
}

/** Day starts of the month containing `t`, up to now. */
export function daysOf(sim: Simulator, plant: SimPlant, t: number, now: number): number[] {
  const d = local(sim, plant, t);
  const out: number[] = [];
  for (let day = 1; day <= 31; day++) {
    const s = utcOf(sim, plant, d.getUTCFullYear(), d.getUTCMonth(), day);
    if (local(sim, plant, s).getUTCMonth() !== d.getUTCMonth() || s > now) break;
    out.push(s);
  }
  return out;
}

/** Month starts of the year containing `t`, up to now. */
export function monthsOf(sim: Simulator, plant: SimPlant, t: number, now: number): number[] {
  const y = local(sim, plant, t).getUTCFullYear();
  return Array.from({ length: 12 }, (_, m) => utcOf(sim, plant, y, m)).filter((s) => s <= now);
}

/** Year starts from the plant's grid connection to now. */
export function yearsOf(sim: Simulator, plant: SimPlant, now: number): number[] {
  const from = local(sim, plant, Date.parse(plant.gridConnectionDate)).getUTCFullYear();
  const to = local(sim, plant, now).getUTCFullYear();
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(utcOf(sim, plant, y, 0));
  return out;
}

export const slotAt = (t: number): number => Math.floor(t / SLOT_MS);
