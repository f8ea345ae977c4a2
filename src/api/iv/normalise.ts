import type { Locale } from '../../client/error-catalogue';
import { isObject, normaliseRecord, toNumber, type FieldSpec, type JsonObject } from '../core/normalise';
import { pageOf } from '../core/planner';
import { ivFaultName } from '../core/reference-data';
import type { ExecContext } from '../core/types';

/** Response handling shared by the I-V operations: exact ids, curves, fault names. */

/**
 * A long id as a digit string. Ids beyond 2^53 already arrive as strings (the client parses
 * them exactly); safe numbers are turned into their digits.
 */
export function idString(v: unknown): string | null {
  if (typeof v === 'string') return /^\s*-?\d+\s*$/.test(v) ? v.trim() : v === '' || v === 'null' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v))
    return Number.isSafeInteger(v) ? String(v) : BigInt(Math.trunc(v)).toString();
  if (typeof v === 'bigint') return v.toString();
  return null;
}

/** Task and subtask ids of a record become exact digit strings (`taskld` is the OCR spelling). */
export function normaliseIds(rec: JsonObject, keys: readonly string[]): void {
  if (rec.taskld !== undefined && rec.taskId === undefined) rec.taskId = rec.taskld;
  for (const k of keys) if (k in rec) rec[k] = idString(rec[k]);
}

/** Normalises every item of a page (or bare list) and the page's counters. */
export function eachItem(data: unknown, spec: FieldSpec, extra?: (item: JsonObject) => void): unknown {
  for (const item of pageOf(data).items) {
    if (!isObject(item)) continue;
    normaliseRecord(item, spec);
    extra?.(item);
  }
  if (isObject(data))
    for (const k of ['total', 'pageCount', 'pageNo', 'pageSize', 'process']) if (k in data) data[k] = toNumber(data[k]);
  return data;
}

export function localeOf(ctx: ExecContext): Locale {
  return ctx.client.locale;
}

/** Adds the catalogue's name for a fault code when the server sent none. */
export function nameFault(item: JsonObject, codeKey: string, nameKey: string, locale: Locale): void {
  const current = item[nameKey];
  if (typeof current === 'string' && current.trim() !== '') return;
  const code = toNumber(item[codeKey]);
  const name = code === null ? undefined : ivFaultName(code, locale);
  if (name !== undefined) item[nameKey] = name;
  else if (!(nameKey in item)) item[nameKey] = null;
}

/**
 * One series of an I-V curve: "0.0,0.315,..." or "[null, 0.0,0.315,...]" (9.4.6) or an
 * array, as numbers with null where the scan has no value.
 */
export function parseSeries(v: unknown): (number | null)[] {
  if (Array.isArray(v)) return v.map(toNumber);
  if (typeof v !== 'string') return [];
  const body = v.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  if (body === '') return [];
  return body.split(',').map(toNumber);
}

export interface MaxPowerPoint {
  voltage: number;
  current: number;
  power: number;
  index: number;
}

export interface Curve {
  current: number[];
  voltage: number[];
  power: number[];
  mpp: MaxPowerPoint | null;
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Pairs current and voltage point by point. A leading null that only one series has is a
 * placeholder, not a point, so it is dropped before pairing; pairs with a missing value are
 * left out so both arrays hold numbers only and have the same length.
 */
export function toCurve(currentRaw: unknown, voltageRaw: unknown): Curve {
  const i = parseSeries(currentRaw);
  const v = parseSeries(voltageRaw);
  while (i.length > v.length && i[0] === null) i.shift();
  while (v.length > i.length && v[0] === null) v.shift();
  const n = Math.min(i.length, v.length);
  const current: number[] = [];
  const voltage: number[] = [];
  const power: number[] = [];
  let mpp: MaxPowerPoint | null = null;
  for (let k = 0; k < n; k++) {
    const c = i[k];
    const u = v[k];
    if (c === null || u === null) continue;
    const p = round(c * u);
    if (!mpp || p > mpp.power) mpp = { voltage: u, current: c, power: p, index: current.length };
    current.push(c);
    voltage.push(u);
    power.push(p);
  }
  return { current, voltage, power, mpp };
}
