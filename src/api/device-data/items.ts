import type { Locale } from '../../client/error-catalogue';
import { isObject, normaliseMap, toNumber, toStr } from '../core/normalise';
import type { ExecContext, Params } from '../core/types';
import { NAMED_STATE_KEYS, nameOf } from '../core/v6-reference';
import { deviceIndex } from '../plants/v6-cache';
import { unitOf } from './units';
import { text } from '../../text';

/**
 * One shape for every device-data item: `devId` (exact digit string), `devTypeId`, the
 * device's `stationCode` and `devName` where the device list knows them, `dataItemMap` with
 * numbers (states also by name) and `units` for its keys.
 */

/**
 * Units of every key the call's rows hold, shared by its rows: a history call has thousands
 * of rows with the same keys, and a per-row table cost more than the rest of normalising.
 */
function addUnits(
  units: Record<string, string>,
  seen: Set<string>,
  devTypeId: number,
  map: Record<string, unknown>,
): void {
  for (const k in map) {
    if (seen.has(k)) continue;
    seen.add(k);
    const u = unitOf(devTypeId, k);
    if (u) units[k] = u;
  }
}

export function normaliseDataMap(map: unknown, locale: Locale | undefined): void {
  if (!isObject(map)) return;
  normaliseMap(map, 'all-numeric');
  for (const key in NAMED_STATE_KEYS) {
    if (!(key in map)) continue;
    const name = nameOf(NAMED_STATE_KEYS[key], map[key], locale);
    if (name) map[`${key}_name`] = name;
  }
}

export function normaliseDeviceItems(data: unknown, p: Params, ctx: ExecContext): unknown[] {
  const list = Array.isArray(data) ? data : [];
  const devTypeId = Number(p.devTypeId);
  const index = deviceIndex(ctx.client);
  const locale = ctx.client.config.locale;
  const units: Record<string, string> = {};
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    if (item.devId !== undefined && item.devId !== null) item.devId = text(item.devId);
    if ('sn' in item) item.sn = toStr(item.sn);
    if ('collectTime' in item) item.collectTime = toNumber(item.collectTime);
    item.devTypeId = devTypeId;
    const known =
      (typeof item.devId === 'string' && index?.byId.get(item.devId)) ||
      (typeof item.sn === 'string' && index?.bySn.get(item.sn)) ||
      undefined;
    if (known?.stationCode && item.stationCode === undefined) item.stationCode = known.stationCode;
    if (known?.devName && item.devName === undefined) item.devName = known.devName;
    if (known && item.devId === undefined) item.devId = known.id;
    if (isObject(item.dataItemMap)) {
      normaliseDataMap(item.dataItemMap, locale);
      addUnits(units, seen, devTypeId, item.dataItemMap);
      item.units = units;
    }
    out.push(item);
  }
  return out;
}

/** History windows meet at their boundary: a point the server sends in both is kept once. */
export function mergeUnique(parts: unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const part of parts) {
    for (const item of Array.isArray(part) ? part : []) {
      if (isObject(item) && item.collectTime !== undefined) {
        const key = `${text(item.devId ?? item.sn)}\0${text(item.collectTime)}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push(item);
    }
  }
  return out;
}
