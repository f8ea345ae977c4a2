import { text } from '../../text';
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
    // Number() trims as String#trim does, and every NULLISH spelling but the empty one is NaN:
    // only a blank string needs a second look. No trim or set lookup per value (a 100-plant
    // answer whose numbers come as strings has a thousand of them).
    const n = Number(v);
    return Number.isFinite(n) && (n !== 0 || v.trim() !== '') ? n : null;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

/** String fields stay strings (an SN of digits stays "0123"); null stays null. */
export function toStr(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === 'null' ? null : v;
  return text(v);
}

/** The number written by `n` digits at `i`, or -1. */
function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * `YYYY-MM-DD[T ]HH:MM:SS[.fff][Z|+HH:MM|+HHMM]`, the reference's usual form, read by hand:
 * a history response carries 28,800 of them and Date.parse (after rewriting the offset)
 * cost three times more. Anything else, or out of the plain ranges, is left to Date.parse.
 */
function parseZoned(s: string): number | undefined {
  const sep = s.charCodeAt(10);
  if (
    s.length < 20 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (sep !== 84 && sep !== 32) ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  const [year, month, day, hour, minute, second] = [
    digitsAt(s, 0, 4),
    digitsAt(s, 5, 2),
    digitsAt(s, 8, 2),
    digitsAt(s, 11, 2),
    digitsAt(s, 14, 2),
    digitsAt(s, 17, 2),
  ];
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 28 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return undefined;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === start) return undefined;
    ms = digitsAt(s.slice(start, Math.min(i, start + 3)).padEnd(3, '0'), 0, 3);
  }
  let offset = 0;
  const zone = s.charCodeAt(i);
  if (zone === 90 && i + 1 === s.length) offset = 0;
  else if (zone === 43 || zone === 45) {
    const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
    const [oh, om] = [digitsAt(s, i + 1, 2), digitsAt(s, i + 3 + colon, 2)];
    if (i + 5 + colon !== s.length || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offset = (zone === 43 ? -1 : 1) * (oh * 60 + om) * 60_000;
  } else return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) + offset;
}

/** Parses the reference's timestamps, with or without the colon in the offset, to epoch ms. */
export function parseTime(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  let s = v.trim();
  const fast = parseZoned(s);
  if (fast !== undefined) return fast;
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
export function normaliseMap(
  map: unknown,
  numbers: readonly string[] | 'all-numeric',
  strings: readonly string[] = [],
): unknown {
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
