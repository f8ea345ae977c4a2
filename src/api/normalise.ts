/**
 * Response normalisation without a schema library on the hot path: history responses run
 * to tens of thousands of points. Unknown fields are kept as they are.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: unknown };

const NULLISH = new Set(['', 'N/A', 'n/a', 'NA', 'null', 'NULL', 'undefined', '-', '--']);

/** Numeric strings become numbers; "N/A", "", "null" and null become null. */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const t = v.trim();
    if (NULLISH.has(t)) return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** String fields stay strings (an SN of digits stays "0123"); null stays null. */
export function toStr(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === 'null' ? null : v;
  return String(v);
}

/** Parses the reference's timestamps, with or without the colon in the offset, to epoch ms. */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  let s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface FieldSpec {
  numbers?: readonly string[];
  strings?: readonly string[];
  /** Time strings: kept, and `time` (epoch ms) added beside the first one present. */
  times?: readonly string[];
  /** Alternative spellings: alias -> canonical. Both are kept; the canonical is filled. */
  aliases?: Readonly<Record<string, string>>;
}

// Writes only where a value changes: most values already have their type, and a store
// costs more than the check (history responses have tens of thousands of records).
// Absent fields stay absent (parsed JSON has no undefined values).
function numbersIn(r: JsonObject, keys: readonly string[]): void {
  for (const k of keys) {
    const v = r[k];
    if (v === undefined || (typeof v === 'number' && Number.isFinite(v))) continue;
    r[k] = toNumber(v);
  }
}

function stringsIn(r: JsonObject, keys: readonly string[]): void {
  for (const k of keys) {
    const v = r[k];
    if (v === undefined || (typeof v === 'string' && v !== 'null')) continue;
    r[k] = toStr(v);
  }
}

/** Normalises one record in place and returns it. */
export function normaliseRecord<T extends JsonObject>(rec: T, spec: FieldSpec): T {
  const r = rec as JsonObject;
  if (spec.aliases) {
    for (const alias in spec.aliases) {
      const canonical = spec.aliases[alias];
      if (r[alias] !== undefined && r[canonical] === undefined) r[canonical] = r[alias];
    }
  }
  if (spec.numbers) numbersIn(r, spec.numbers);
  if (spec.strings) stringsIn(r, spec.strings);
  if (spec.times) {
    for (const k of spec.times) {
      if (k in r) {
        if (r.time === undefined) r.time = parseTime(r[k]);
        break;
      }
    }
  }
  return rec;
}

/** Applies a spec to every value of a `dataItemMap`-style object. */
export function normaliseMap(map: unknown, numbers: readonly string[] | 'all-numeric', strings: readonly string[] = []): unknown {
  if (!isObject(map)) return map;
  if (numbers === 'all-numeric') {
    for (const k in map) {
      if (strings.includes(k)) map[k] = toStr(map[k]);
      else {
        const v = map[k];
        map[k] = typeof v === 'string' && !NULLISH.has(v.trim()) && Number.isNaN(Number(v)) ? v : toNumber(v);
      }
    }
    return map;
  }
  numbersIn(map, numbers);
  stringsIn(map, strings);
  return map;
}
