import type { FusionSolarClient } from '../../client/client';
import { PLANT_LIST_CACHE } from '../plants/lists';
import { isObject } from '../core/normalise';

/**
 * Plant time zones, as UTC offsets in minutes. The API has no time-zone field: offsets are
 * read from the timestamps it returns. History `dataTime` is the freshest source (it follows
 * daylight saving), then plantInfo's `installationTime`, then the plant list's
 * `gridConnectionDate`.
 */

export const PLANT_ZONES_CACHE = 'plantTimeZones';

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

function zones(client: FusionSolarClient): Map<string, number> {
  const entry = client.cache.get(PLANT_ZONES_CACHE);
  if (entry && entry.value instanceof Map) return entry.value as Map<string, number>;
  const map = new Map<string, number>();
  client.cache.set(PLANT_ZONES_CACHE, { at: client.clock.now(), value: map });
  return map;
}

export function learnZones(client: FusionSolarClient, pairs: Iterable<[string, number]>): void {
  const map = zones(client);
  for (const [code, offset] of pairs) map.set(code, offset);
}

/** The plant's UTC offset in minutes, or undefined when no response has shown it yet. */
export function zoneOf(client: FusionSolarClient, plantCode: string): number | undefined {
  const learned = zones(client).get(plantCode);
  if (learned !== undefined) return learned;
  const list = client.cache.get(PLANT_LIST_CACHE)?.value;
  if (!Array.isArray(list)) return undefined;
  const plant = list.find((p) => isObject(p) && p.plantCode === plantCode);
  return isObject(plant) ? offsetOf(plant.gridConnectionDate) : undefined;
}
