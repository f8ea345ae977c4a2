import { isObject } from '../api/core/normalise';
import type { Reading } from './types';

/**
 * Turns one normalised answer of an operation into readings. Every node's answers pass
 * here, so a user's manual realtimeKpi call refreshes the monitor's plants as well.
 */

type Reader = (data: unknown, at: number) => Reading[];

function values(map: unknown): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  if (!isObject(map)) return out;
  for (const [k, v] of Object.entries(map)) {
    if (typeof v === 'number' || typeof v === 'string' || v === null) out[k] = v;
  }
  return out;
}

/** V7 9.3.2 and V6 getStationRealKpi: `[{plantCode|stationCode, dataItemMap}]`; no reading time, so the answer's. */
const plantRealtime: Reader = (data, at) => {
  if (!Array.isArray(data)) return [];
  const out: Reading[] = [];
  for (const item of data) {
    if (!isObject(item)) continue;
    const code = typeof item.plantCode === 'string' ? item.plantCode : typeof item.stationCode === 'string' ? item.stationCode : undefined;
    if (!code) continue;
    const v = values(item.dataItemMap);
    // Both spellings of the grid meter arrive in V7 answers; one series is enough.
    delete v.pmeterPower;
    out.push({ kind: 'plant', code, plantCode: code, source: 'realtime', time: at, values: v });
  }
  return out;
};

/** V7 9.3.3: `[{plantCode, dataItem: [{dataTime, time, ...}]}]`, each point at its own time. */
const plantHistory: Reader = (data) => {
  if (!Array.isArray(data)) return [];
  const out: Reading[] = [];
  for (const plant of data) {
    if (!isObject(plant) || typeof plant.plantCode !== 'string' || !Array.isArray(plant.dataItem)) continue;
    for (const p of plant.dataItem) {
      if (!isObject(p) || typeof p.time !== 'number') continue;
      const v = values(p);
      delete v.dataTime;
      delete v.time;
      out.push({ kind: 'plant', code: plant.plantCode, plantCode: plant.plantCode, source: 'history', time: p.time, values: v });
    }
  }
  return out;
};

/** V6 getDevRealKpi: `[{devId, sn?, dataItemMap, collectTime?}]`; the device's plant from the device list. */
export function deviceRealtime(data: unknown, at: number, devTypeId: number, plantOf: (devId: string) => string | undefined): Reading[] {
  if (!Array.isArray(data)) return [];
  const out: Reading[] = [];
  for (const item of data) {
    if (!isObject(item)) continue;
    const devId = item.devId === undefined || item.devId === null ? undefined : String(item.devId);
    if (!devId) continue;
    const time = typeof item.collectTime === 'number' ? item.collectTime : at;
    out.push({ kind: 'device', code: devId, plantCode: plantOf(devId) ?? '', devTypeId, source: 'realtime', time, values: values(item.dataItemMap) });
  }
  return out;
}

export const READERS: Record<string, Reader> = {
  realtimeKpi: plantRealtime,
  historyKpi: plantHistory,
};
