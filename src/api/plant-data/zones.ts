import type { ApiClient } from '../core/api-client';
import { isObject } from '../core/normalise';

/**
 * Plant time zones, as UTC offsets in minutes. The API has no time-zone field: offsets are
 * read from the timestamps it returns. History `dataTime` is the freshest source (it follows
 * daylight saving), then plantInfo's `installationTime`, then the plant list's
 * `gridConnectionDate`.
 */

/** "+08:00", "+0800", "Z" at the end of a timestamp, as minutes east of UTC. */
export function offsetOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (/\d[zZ]$/.test(s)) return 0;
  const m = /T.*([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function learnZones(client: ApiClient, pairs: Iterable<[string, number]>): void {
  const map = client.memory.plantZones;
  for (const [code, offset] of pairs) map.set(code, offset);
}

/** The plant's UTC offset in minutes, or undefined when no response has shown it yet. */
export function zoneOf(client: ApiClient, plantCode: string): number | undefined {
  const learned = client.memory.plantZones.get(plantCode);
  if (learned !== undefined) return learned;
  const list = client.memory.plantList?.value;
  if (!Array.isArray(list)) return undefined;
  const plant = list.find((p) => isObject(p) && p.plantCode === plantCode);
  return isObject(plant) ? offsetOf(plant.gridConnectionDate) : undefined;
}
