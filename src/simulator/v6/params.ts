import type { SimPlant } from '../fleet';
import { commaList } from '../routes/common';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { deviceById, deviceBySn, type V6Device } from './devices';

/** The request parameters of the V6 interfaces, checked with the V6 error list (chapter 8). */

export const fail = (failCode: number): SimFail => new SimFail(failCode);

/**
 * `stationCodes`: present (20010), at most 100 (20014);
 * unknown (20007) or another user's (20045) plants refuse the call.
 */
export function stationsArg(req: SimRequest, body: JsonObject = req.body): SimPlant[] {
  const codes = [...new Set(commaList(body.stationCodes))];
  if (codes.length === 0) throw fail(20010);
  if (codes.length > 100) throw fail(20014);
  const own = new Map(req.sim.plantsOf(req.user).map((p) => [p.plantCode, p]));
  return codes.map((c) => {
    const p = own.get(c);
    if (!p) throw fail(req.sim.fleet.plant(c) ? 20045 : 20007);
    return p;
  });
}

/** Device types an interface serves (6.1.6). */
export const REAL_TYPES = [1, 10, 17, 38, 39, 41, 47];
export const REPORT_TYPES = [1, 38, 39, 41];

/**
 * `devIds` (or, in newer versions, `sns`) and `devTypeId`: one type (20013 when missing or
 * not served here), every device of that type (20006), at most `max` of them (20016, or
 * 30031 for history), known (20008) and the user's (20046).
 */
export function devicesArg(req: SimRequest, types: number[], max = 100): { devTypeId: number; devices: V6Device[] } {
  const t = req.body.devTypeId;
  const devTypeId = typeof t === 'number' || (typeof t === 'string' && /^\d+$/.test(t.trim())) ? Number(t) : Number.NaN;
  if (!types.includes(devTypeId)) throw fail(20013);
  const byId = commaList(req.body.devIds);
  const bySn = byId.length ? [] : commaList(req.body.sns);
  const keys = [...new Set(byId.length ? byId : bySn)];
  if (keys.length === 0) throw fail(20005);
  if (keys.length > max) throw fail(max === 10 ? 30031 : 20016);
  const own = new Set(req.sim.plantsOf(req.user).map((p) => p.plantCode));
  const devices = keys.map((k) => {
    const d = byId.length ? deviceById(req.sim, k) : deviceBySn(req.sim, k);
    if (!d) throw fail(20008);
    if (!own.has(d.plant.plantCode)) throw fail(20046);
    return d;
  });
  if (devices.some((d) => d.devTypeId !== devTypeId)) throw fail(20006);
  return { devTypeId, devices };
}

/** A time in epoch milliseconds: mandatory (20012), a whole non-negative number (30030). */
export function timeArg(v: unknown): number {
  if (v === undefined || v === null || v === '') throw fail(20012);
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw fail(30030);
  return n;
}

/** A start and end time: both or neither (30007, 20012 when neither is given), in order (20023). */
export function rangeArg(body: JsonObject, startKey: string, endKey: string): { start: number; end: number } {
  const has = (k: string): boolean => body[k] !== undefined && body[k] !== null && body[k] !== '';
  if (has(startKey) !== has(endKey)) throw fail(30007);
  const start = timeArg(body[startKey]);
  const end = timeArg(body[endKey]);
  if (start > end) throw fail(20023);
  return { start, end };
}

/** A comma list of small integers from an allowed set, e.g. alarm levels (30030 otherwise). */
export function codesArg(v: unknown, allowed: number[]): number[] | undefined {
  const parts = commaList(v);
  if (parts.length === 0) return undefined;
  return parts.map((p) => {
    const n = Number(p);
    if (!/^\d+$/.test(p) || !allowed.includes(n)) throw fail(30030);
    return n;
  });
}
