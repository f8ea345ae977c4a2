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
    const code =
      typeof item.plantCode === 'string'
        ? item.plantCode
        : typeof item.stationCode === 'string'
          ? item.stationCode
          : undefined;
    if (!code) continue;
    const v = values(item.dataItemMap);
    // Both spellings of the grid meter arrive in V7 answers; one series is enough. V6 state
    // names beside their codes are labels, not values.
    delete v.pmeterPower;
    for (const k of Object.keys(v)) if (k.endsWith('_name')) delete v[k];
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
      out.push({
        kind: 'plant',
        code: plant.plantCode,
        plantCode: plant.plantCode,
        source: 'history',
        time: p.time,
        values: v,
      });
    }
  }
  return out;
};

/**
 * V6 getDevRealKpi as the api layer names it: `[{devId, devTypeId, stationCode, dataItemMap, units, collectTime?}]`.
 */
const deviceRealtime: Reader = (data, at) => {
  if (!Array.isArray(data)) return [];
  const out: Reading[] = [];
  for (const item of data) {
    if (!isObject(item) || typeof item.devId !== 'string' || typeof item.devTypeId !== 'number') continue;
    const time = typeof item.collectTime === 'number' ? item.collectTime : at;
    const units = isObject(item.units)
      ? (Object.fromEntries(Object.entries(item.units).filter(([, u]) => typeof u === 'string')) as Record<
          string,
          string
        >)
      : undefined;
    const v = values(item.dataItemMap);
    // The api layer adds state names beside the codes: the code is the value, the name a label.
    for (const k of Object.keys(v)) if (k.endsWith('_name')) delete v[k];
    out.push({
      kind: 'device',
      code: item.devId,
      plantCode: typeof item.stationCode === 'string' ? item.stationCode : '',
      devTypeId: item.devTypeId,
      source: 'realtime',
      time,
      values: v,
      ...(units ? { units } : {}),
    });
  }
  return out;
};

/** V6 getDevHistoryKpi: the same items, each point at its collectTime (one without a time cannot be placed). */
const deviceHistory: Reader = (data, at) => {
  const timed = Array.isArray(data)
    ? data.filter((item) => isObject(item) && typeof item.collectTime === 'number')
    : [];
  return deviceRealtime(timed, at).map((r) => ({ ...r, source: 'history' as const }));
};

export const READERS: Record<string, Reader> = {
  realtimeKpi: plantRealtime,
  historyKpi: plantHistory,
  deviceRealtimeKpi: deviceRealtime,
  deviceHistoryKpi: deviceHistory,
};
