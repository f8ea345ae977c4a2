import type { SimPlant } from '../fleet';
import type { Simulator } from '../server';
import type { JsonObject } from '../types';
import { plantIndex } from './devices';

/**
 * Numbers as V6 servers send them. The reference's tables say Double; its real-time plant
 * example sends strings with three decimals, its device examples numbers and null. Quirks
 * mode adds what recorded responses show: on every other plant strings, and "N/A" for
 * invalid values.
 */

export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function stringy(sim: Simulator, plant: SimPlant): boolean {
  return sim.options.quirks && plantIndex(plant) % 2 === 1;
}

export function out(sim: Simulator, plant: SimPlant, v: number | null | undefined, digits = 3): number | string | null {
  const missing = v === null || v === undefined || !Number.isFinite(v);
  if (stringy(sim, plant)) return missing ? 'N/A' : round(v, digits).toFixed(digits);
  return missing ? null : round(v, digits);
}

/** A whole record through `out`. */
export function outAll(
  sim: Simulator,
  plant: SimPlant,
  rec: Record<string, number | null | undefined>,
  digits = 3,
): JsonObject {
  const o: JsonObject = {};
  for (const [k, v] of Object.entries(rec)) o[k] = out(sim, plant, v, digits);
  return o;
}

/** A state code (inverter_state, run_state...): a number, or in quirks mode the float string a SmartLogger writes. */
export function code(sim: Simulator, plant: SimPlant, v: number): number | string {
  return stringy(sim, plant) ? v.toFixed(1) : v;
}

/** getStationRealKpi values: strings in every version (6.1.4.1 example). */
export function text(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? 'N/A' : round(v, 3).toFixed(3);
}
