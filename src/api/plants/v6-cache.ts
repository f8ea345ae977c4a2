import type { ApiClient } from '../core/api-client';
import { DAY } from '../../client/quota/rules';
import { isObject } from '../core/normalise';

/**
 * What the V6 plant and device lists taught the account: device ids, types, SNs, names
 * and plants, so device calls can be grouped by type and their items named without
 * another list call. Refreshed after a day, like the plant list.
 */

export const MAX_AGE_MS = DAY;

export interface V6Device {
  id: string;
  devTypeId: number;
  stationCode?: string;
  devName?: string;
  esnCode?: string;
}

export interface DeviceIndex {
  byId: Map<string, V6Device>;
  bySn: Map<string, V6Device>;
  /** Plants whose devices were listed. */
  plants: Set<string>;
}

export function deviceIndex(client: ApiClient, fresh = false): DeviceIndex | undefined {
  const entry = client.memory.v6Devices;
  if (!entry) return undefined;
  if (fresh && client.clock.now() - entry.at >= MAX_AGE_MS) return undefined;
  return entry.value;
}

/** Adds a device-list answer; the plants it covered replace what was known of them. */
export function learnDevices(client: ApiClient, stations: readonly string[], items: unknown[]): DeviceIndex {
  const old = deviceIndex(client, true);
  const index: DeviceIndex = { byId: new Map(), bySn: new Map(), plants: new Set(old?.plants ?? []) };
  const covered = new Set(stations);
  for (const d of old?.byId.values() ?? []) if (!d.stationCode || !covered.has(d.stationCode)) index.byId.set(d.id, d);
  for (const s of stations) index.plants.add(s);
  for (const item of items) {
    if (!isObject(item) || typeof item.id !== 'string' || typeof item.devTypeId !== 'number') continue;
    const d: V6Device = { id: item.id, devTypeId: item.devTypeId };
    if (typeof item.stationCode === 'string') d.stationCode = item.stationCode;
    if (typeof item.devName === 'string') d.devName = item.devName;
    if (typeof item.esnCode === 'string' && item.esnCode) d.esnCode = item.esnCode;
    index.byId.set(d.id, d);
  }
  for (const d of index.byId.values()) if (d.esnCode) index.bySn.set(d.esnCode, d);
  client.memory.v6Devices = { at: client.clock.now(), value: index };
  // The quota formulas count devices per type over the whole account.
  const counts: Record<string, number> = {};
  for (const d of index.byId.values()) counts[d.devTypeId] = (counts[d.devTypeId] ?? 0) + 1;
  client.learnFleet({ devicesByType: counts, devices: index.byId.size });
  return index;
}
