import { isObject, normaliseRecord, toStr, type JsonObject } from '../core/normalise';
import { canonicalKey } from './current';

/**
 * 5-minute points of 9.3.3 and 9.5.1. The tables list six line and phase voltages, the
 * examples one `gridVoltage`: all of them are numbers when present, none is invented.
 */
export const POINT_NUMBERS = [
  'gridABWireVoltage',
  'gridBCWireVoltage',
  'gridCAWireVoltage',
  'gridAPhaseVoltage',
  'gridBPhaseVoltage',
  'gridCPhaseVoltage',
  'gridVoltage',
  'inputEnergy',
  'loadEnergy',
  'ongridEnergy',
  'pvEnergy',
  'grid2loadEnergy',
  'grid2batteryEnergy',
  'pv2loadEnergy',
  'batteryEnergy',
  'chargeEnergy',
  'dischargeEnergy',
  'batterySOC',
] as const;

export interface PlantHistory {
  plantCode: string;
  dataItem: JsonObject[];
  [extra: string]: unknown;
}

/** `dataTime` kept as sent (either offset spelling), `time` = epoch ms beside it. */
export function normalisePoint(point: JsonObject): JsonObject {
  return normaliseRecord(point, { numbers: POINT_NUMBERS, strings: ['dataTime'], times: ['dataTime'] });
}

export function normalisePoints(data: unknown): unknown {
  if (Array.isArray(data)) for (const p of data) if (isObject(p)) normalisePoint(p);
  return data;
}

/** One call's `[{plantCode, dataItem: [...]}]`, normalised in place. */
export function normaliseHistory(data: unknown): unknown {
  if (!Array.isArray(data)) return data;
  for (const plant of data) {
    if (!isObject(plant)) continue;
    plant.plantCode = toStr(plant.plantCode);
    canonicalKey(plant, 'dataltem', 'dataItem');
    if (!Array.isArray(plant.dataItem)) plant.dataItem = [];
    normalisePoints(plant.dataItem);
  }
  return data;
}

function pointKey(p: JsonObject): string | number {
  return typeof p.time === 'number' ? p.time : String(p.dataTime);
}

/**
 * Joins every call's plants (chunks x windows) into one entry per plant: points in time
 * order, each time once (a server that includes the window's end would repeat a point).
 * Plants come in the order asked for, then any the server added.
 */
export function mergeHistory(parts: unknown[], order: readonly string[] = []): PlantHistory[] {
  const byPlant = new Map<string, { entry: PlantHistory; seen: Map<string | number, number> }>();
  for (const code of order) byPlant.set(code, { entry: { plantCode: code, dataItem: [] }, seen: new Map() });
  const found = new Set<string>();
  for (const part of parts) {
    if (!Array.isArray(part)) continue;
    for (const plant of part) {
      if (!isObject(plant) || typeof plant.plantCode !== 'string') continue;
      const code = plant.plantCode;
      found.add(code);
      let slot = byPlant.get(code);
      if (!slot) {
        slot = { entry: { plantCode: code, dataItem: [] }, seen: new Map() };
        byPlant.set(code, slot);
      }
      const { dataItem, ...rest } = plant;
      Object.assign(slot.entry, rest);
      for (const p of Array.isArray(dataItem) ? dataItem : []) {
        if (!isObject(p)) continue;
        const key = pointKey(p);
        const at = slot.seen.get(key);
        // A later window's copy of the same time wins: it was computed with more data.
        if (at !== undefined) slot.entry.dataItem[at] = p;
        else {
          slot.seen.set(key, slot.entry.dataItem.length);
          slot.entry.dataItem.push(p);
        }
      }
    }
  }
  const out: PlantHistory[] = [];
  for (const [code, { entry }] of byPlant) {
    if (!found.has(code)) continue;
    entry.dataItem.sort((a, b) => timeOf(a) - timeOf(b));
    out.push(entry);
  }
  return out;
}

function timeOf(p: JsonObject): number {
  return typeof p.time === 'number' ? p.time : Number.POSITIVE_INFINITY;
}
