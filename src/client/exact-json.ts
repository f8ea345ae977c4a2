/**
 * JSON that keeps long integers exact. I-V task ids are Java longs: a JavaScript number
 * holds only 2^53, so beyond that JSON.parse would silently change the digits and
 * JSON.stringify cannot write a BigInt at all. Node 20 has neither JSON.rawJSON nor the
 * reviver's source text, hence the text-level handling here.
 *
 * Everything here reads untrusted server text, so each pass is one linear scan: no regular
 * expression that can backtrack over a string full of `\"`, and no recursion that a deeply
 * nested body could push past the stack (Node-RED's message clone would, later).
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Deeper than any FusionSolar answer nests (about 6 levels), far below what cloning survives. */
export const MAX_DEPTH = 64;

export class JsonDepthError extends Error {
  constructor(readonly limit: number) {
    super(`nests deeper than ${limit} levels`);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const MINUS = 45;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits, `.`, `e`/`E`, `+` and `-`: the rest of a number after its integer part. */
function numberChar(c: number): boolean {
  return isDigit(c) || c === 46 || c === 101 || c === 69 || c === 43 || c === MINUS;
}

function unsafeInteger(token: string): boolean {
  const digits = token.charCodeAt(0) === MINUS ? token.length - 1 : token.length;
  if (digits < 16) return false;
  const n = BigInt(token);
  return n > MAX_SAFE || n < -MAX_SAFE;
}

/**
 * Index of the quote that closes the string opened at `open` (text length when none).
 * Most strings (keys, codes) hold no escape: one indexOf finds their end faster than a loop
 * over every character. A string with an escaped quote is read a character at a time, as
 * before: a body full of `\"` stays linear without an indexOf call per escape.
 */
function stringEnd(text: string, open: number): number {
  const q = text.indexOf('"', open + 1);
  if (q === -1) return text.length;
  if (text.charCodeAt(q - 1) !== BACKSLASH) return q;
  const n = text.length;
  let i = open + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i += 2;
    else if (c === QUOTE) return i;
    else i++;
  }
  return n;
}

/**
 * One pass over the text: checks the nesting depth outside strings and collects the spans
 * of integer literals beyond ±(2^53 − 1). Broken text is left for JSON.parse to reject.
 */
function scan(text: string, maxDepth: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i) + 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) throw new JsonDepthError(maxDepth);
      i++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      i++;
    } else if (isDigit(c) || c === MINUS) {
      const start = i;
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const next = i < n ? text.charCodeAt(i) : 0;
      // A fraction or exponent makes it a double on the server too: left as it is.
      if (next === 46 || next === 101 || next === 69) {
        while (i < n && numberChar(text.charCodeAt(i))) i++;
        // Only a run of 16+ digits can be unsafe: shorter ones are never sliced (V6 bodies hold thousands of numbers).
      } else if (i - start >= 16 && unsafeInteger(text.slice(start, i))) spans.push([start, i]);
    } else i++;
  }
  return spans;
}

/**
 * Bodies up to this size are parsed first and checked after: however they nest, what
 * JSON.parse builds from them stays small, and a walk of the built values costs less than
 * a scan of every character (a 100-plant real-time answer: 1,300 values in 23,000
 * characters). Larger ones are scanned before anything is built from them.
 */
export const PARSE_FIRST_MAX = 256 * 1024;

const OK = 0;
const UNSAFE = 1;
const DEEP = 2;

/**
 * DEEP when a container lies deeper than `maxDepth` (the root is 1, as in scan), else
 * UNSAFE when a number beyond ±(2^53 − 1) is in it, else OK. The recursion stops at
 * `maxDepth`, so no input reaches the stack (parseExact takes this path for small limits only).
 */
function checkParsed(value: object, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return DEEP;
  let found = OK;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'object' && v !== null) {
        const inner = checkParsed(v, depth + 1, maxDepth);
        if (inner === DEEP) return DEEP;
        found |= inner;
      } else if (typeof v === 'number' && !safeNumber(v)) found = UNSAFE;
    }
    return found;
  }
  // for...in over parsed JSON sees its own keys only, without an array of values per object.
  const items = value as Record<string, unknown>;
  for (const k in items) {
    const v = items[k];
    if (typeof v === 'object' && v !== null) {
      const inner = checkParsed(v, depth + 1, maxDepth);
      if (inner === DEEP) return DEEP;
      found |= inner;
    } else if (typeof v === 'number' && !safeNumber(v)) found = UNSAFE;
  }
  return found;
}

/** Every integer literal beyond ±(2^53 − 1) parses to a number beyond it, never within. */
function safeNumber(n: number): boolean {
  return n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER;
}

/**
 * JSON.parse, except that integer literals beyond ±(2^53 − 1) arrive as digit strings
 * instead of rounded numbers, and text nesting deeper than `maxDepth` is refused with
 * JsonDepthError (before anything is built from it, for text over PARSE_FIRST_MAX).
 */
export function parseExact(text: string, maxDepth = MAX_DEPTH): unknown {
  if (text.length <= PARSE_FIRST_MAX && maxDepth <= MAX_DEPTH) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // Broken text: the scan below says first whether it also nests too deep, as it always did.
      return scanned(text, maxDepth);
    }
    const checked =
      typeof value === 'object' && value !== null
        ? checkParsed(value, 1, maxDepth)
        : typeof value === 'number' && !safeNumber(value)
          ? UNSAFE
          : OK;
    if (checked === OK) return value;
    if (checked === DEEP) throw new JsonDepthError(maxDepth);
    // A big number may be a long integer literal (or a fraction or exponent): the scan tells.
  }
  return scanned(text, maxDepth);
}

function scanned(text: string, maxDepth: number): unknown {
  const spans = scan(text, maxDepth);
  if (spans.length === 0) return JSON.parse(text);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    parts.push(text.slice(at, start), '"', text.slice(start, end), '"');
    at = end;
  }
  parts.push(text.slice(at));
  return JSON.parse(parts.join(''));
}

function hasBigInt(value: unknown, depth = 0): boolean {
  if (typeof value === 'bigint') return true;
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return false;
  for (const v of Object.values(value)) if (hasBigInt(v, depth + 1)) return true;
  return false;
}

/** JSON.stringify, except that BigInt values are written as raw number literals. */
export function stringifyExact(value: unknown): string {
  if (!hasBigInt(value)) return JSON.stringify(value);
  const tag = `\u0001${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${tag}${v.toString()}` : v));
  // JSON.stringify escapes the control character, so the marker appears as \u0001 in the text.
  const marker = JSON.stringify(tag)
    .slice(1, -1)
    .replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}
