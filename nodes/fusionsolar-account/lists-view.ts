import { DAY } from '../../src/client/quota/rules';
import { DEVICE_TYPES } from '../../src/api/core/reference-data';
import { V6_DEVICE_TYPES } from '../../src/api/core/v6-reference';
import { isObject } from '../../src/api/core/normalise';
import type { FusionSolarClient } from '../../src/client/client';

/**
 * What the editor's pickers show of an account: the plant and device lists it already
 * holds, reduced to what a person picks by (no contacts, no data items), and when a
 * refresh would be admitted by the quota.
 */

export interface PlantItem {
  code: string;
  name?: string;
  address?: string;
  capacity?: number;
}

export interface DeviceItem {
  /** V6 device id (devIds). */
  id?: string;
  /** V7 device DN (dns). */
  dn?: string;
  sn?: string;
  name?: string;
  typeId?: number;
  plantCode?: string;
}

export interface Listed<T> {
  at: number;
  /** Younger than a day: the age the operations themselves trust. */
  fresh: boolean;
  items: T[];
}

export type ListKind = 'plants' | 'devices';

export interface RefreshWait {
  /** When the list calls fit the quota again. */
  retryAt: number;
  endpoint: string;
  reason: string;
}

export interface ListsView {
  deployed: true;
  api: 'v7' | 'v6';
  now: number;
  plants: Listed<PlantItem> | null;
  devices: Listed<DeviceItem> | null;
  /** Names of the device types present in the device list, in English and Chinese. */
  types: { id: number; en: string; zh: string }[];
  /** Why a refresh of each list would be refused now; absent when it would be admitted. */
  wait: Partial<Record<ListKind, RefreshWait>>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function plantItems(list: readonly unknown[]): PlantItem[] {
  const out: PlantItem[] = [];
  for (const p of list) {
    if (!isObject(p) || typeof p.plantCode !== 'string') continue;
    const item: PlantItem = { code: p.plantCode };
    const name = str(p.plantName);
    const address = str(p.plantAddress);
    if (name) item.name = name;
    if (address) item.address = address;
    if (typeof p.capacity === 'number') item.capacity = p.capacity;
    out.push(item);
  }
  return out;
}

function deviceItems(client: FusionSolarClient): { at: number; items: DeviceItem[] } | undefined {
  if (client.api === 'v6') {
    const entry = client.memory.v6Devices;
    if (!entry) return undefined;
    const items = [...entry.value.byId.values()].map((d) => {
      const item: DeviceItem = { id: d.id, typeId: d.devTypeId };
      if (d.esnCode) item.sn = d.esnCode;
      if (d.devName) item.name = d.devName;
      if (d.stationCode) item.plantCode = d.stationCode;
      return item;
    });
    return { at: entry.at, items };
  }
  const entry = client.memory.v7Devices;
  if (!entry) return undefined;
  const items: DeviceItem[] = [];
  for (const list of entry.value.values()) {
    for (const d of list) {
      const item: DeviceItem = { dn: d.dn, plantCode: d.plantCode };
      if (d.deviceTypeId !== undefined) item.typeId = d.deviceTypeId;
      if (d.sn) item.sn = d.sn;
      if (d.deviceName) item.name = d.deviceName;
      items.push(item);
    }
  }
  return { at: entry.at, items };
}

/** The endpoints a refresh of `kind` calls: the device list needs the plant codes first. */
export function refreshEndpoints(client: FusionSolarClient, kind: ListKind): string[] {
  const v6 = client.api === 'v6';
  const plants = !v6 ? 'plants' : client.memory.stationsRefused ? 'thirdData/getStationList' : 'thirdData/stations';
  const devices = v6 ? 'thirdData/getDevList' : 'devices';
  return kind === 'plants' ? [plants] : [plants, devices];
}

/**
 * When the governor would let a refresh through: judged before any call, so a refused
 * refresh spends nothing and says when to come back instead of waiting in the queue.
 */
export function refreshWait(client: FusionSolarClient, kind: ListKind): RefreshWait | undefined {
  const now = client.clock.now();
  let worst: RefreshWait | undefined;
  const later = (at: number | undefined, endpoint: string, reason: string): void => {
    if (at === undefined || at <= now || (worst && worst.retryAt >= at)) return;
    worst = { retryAt: at, endpoint, reason };
  };
  const paused = client.governor.pausedFor;
  if (paused > 0) later(now + paused, 'all', 'the gateway paused every call (403/429)');
  for (const endpoint of refreshEndpoints(client, kind)) {
    const info = client.governor.info(endpoint);
    later(info.blockedUntil, endpoint, info.blockedReason ?? 'the server refused it (407)');
    for (const l of info.limits ?? []) {
      if (l.remaining === 0) later(l.resetAt, endpoint, `${l.limit} a ${l.window} used`);
    }
    later(info.nextAt, endpoint, 'the list was read less than a minute ago');
  }
  return worst;
}

export function listsView(client: FusionSolarClient): ListsView {
  const now = client.clock.now();
  const plantEntry = client.memory.plantList;
  const devices = deviceItems(client);
  const known = client.api === 'v6' ? V6_DEVICE_TYPES : DEVICE_TYPES;
  const present = new Set((devices?.items ?? []).map((d) => d.typeId));
  const wait: ListsView['wait'] = {};
  for (const kind of ['plants', 'devices'] as const) {
    const w = refreshWait(client, kind);
    if (w) wait[kind] = w;
  }
  return {
    deployed: true,
    api: client.api,
    now,
    plants: plantEntry
      ? { at: plantEntry.at, fresh: now - plantEntry.at < DAY, items: plantItems(plantEntry.value) }
      : null,
    devices: devices ? { at: devices.at, fresh: now - devices.at < DAY, items: devices.items } : null,
    types: known.filter((t) => present.has(t.id)).map((t) => ({ id: t.id, en: t.en, zh: t.zh })),
    wait,
  };
}
