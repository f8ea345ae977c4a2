import type { SimPlant } from '../fleet';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { commaList } from './common';

/**
 * What the live servers do to numbers, per plant so tests can rely on it: plant index % 4
 * == 1 sends numbers as strings and "N/A" for missing values, the others numbers and null;
 * odd plants use the reference example's spellings (`pmeterPower`, `+0800` offsets with
 * milliseconds), even plants the tables' (`meterPower`, `+08:00`).
 */
export function variant(plant: SimPlant): number {
  return Number(plant.plantCode.replace(/\D/g, '')) % 4;
}

export function num(plant: SimPlant, v: number | null | undefined): number | string | null {
  const stringy = variant(plant) === 1;
  if (v === null || v === undefined || !Number.isFinite(v)) return stringy ? 'N/A' : null;
  return stringy ? String(v) : v;
}

/** Numbers of a record through `num`. */
export function nums(plant: SimPlant, rec: Record<string, number | null | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(rec)) out[k] = num(plant, v);
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A time in the plant's zone with its offset, in either of the reference's spellings. */
export function plantTime(plant: SimPlant, t: number): string {
  const off = plant.tzOffsetMin;
  const local = new Date(t + off * 60_000).toISOString();
  const sign = off < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(off) / 60));
  const mm = pad(Math.abs(off) % 60);
  return variant(plant) % 2 === 1 ? local.replace('Z', `${sign}${hh}${mm}`) : `${local.slice(0, 19)}${sign}${hh}:${mm}`;
}

/**
 * `plantCodes` as these interfaces check it: present (20010), at most 100 (20014, or the
 * code the section lists). A repeated code is answered once: 20608 is documented for
 * 9.6.1.3 only, and 9.3.3's own request example repeats a code.
 */
export function requestedCodes(req: SimRequest, tooMany = 20014): string[] {
  const codes = commaList(req.body.plantCodes);
  if (codes.length === 0) throw new SimFail(20010);
  if (codes.length > 100) throw new SimFail(tooMany);
  return [...new Set(codes)];
}

/** The user's plants among the codes, in request order; unknown codes are left out, as live servers do. */
export function visiblePlants(req: SimRequest, codes: string[]): SimPlant[] {
  const own = new Map(req.sim.plantsOf(req.user).map((p) => [p.plantCode, p]));
  return codes.map((c) => own.get(c)).filter((p): p is SimPlant => p !== undefined);
}
