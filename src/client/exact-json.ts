/**
 * JSON that keeps long integers exact. I-V task ids are Java longs: a JavaScript number
 * holds only 2^53, so beyond that JSON.parse would silently change the digits and
 * JSON.stringify cannot write a BigInt at all. Node 20 has neither JSON.rawJSON nor the
 * reviver's source text, hence the text-level handling here.
 */

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Strings (with escapes) are matched whole so digits inside them are never touched. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

function unsafeInteger(token: string): boolean {
  if (!/^-?\d{16,}$/.test(token)) return false;
  const n = BigInt(token);
  return n > MAX_SAFE || n < -MAX_SAFE;
}

/**
 * Whether any run of 16+ digits is beyond 2^53: V6 device ids have 16 digits but stay below it,
 * and every history row carries one, so the token rewrite runs only when it changes something.
 */
function hasUnsafeRun(text: string): boolean {
  // One pass by hand: a regex tries each digit of every timestamp as the start of a run.
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= 48 && c <= 57) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const n = i - start;
      // 16 digits below 9007199254740992 are safe whatever the sign; longer runs need the rewrite.
      if (n > 16 || (n === 16 && text.slice(start, i) > '9007199254740991')) return true;
      start = -1;
    }
  }
  return false;
}

/**
 * JSON.parse, except that integer literals beyond ±(2^53 − 1) arrive as digit strings
 * instead of rounded numbers. Texts without a 16-digit run take the plain fast path.
 */
export function parseExact(text: string): unknown {
  if (!hasUnsafeRun(text)) return JSON.parse(text);
  return JSON.parse(text.replace(TOKENS, (token) => (token.startsWith('"') || !unsafeInteger(token) ? token : `"${token}"`)));
}

function hasBigInt(value: unknown, depth = 0): boolean {
  if (typeof value === 'bigint') return true;
  if (depth > 32 || typeof value !== 'object' || value === null) return false;
  for (const v of Object.values(value)) if (hasBigInt(v, depth + 1)) return true;
  return false;
}

/** JSON.stringify, except that BigInt values are written as raw number literals. */
export function stringifyExact(value: unknown): string {
  if (!hasBigInt(value)) return JSON.stringify(value);
  const tag = `\u0001${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${tag}${v.toString()}` : v));
  // JSON.stringify escapes the control character, so the marker appears as \u0001 in the text.
  const marker = JSON.stringify(tag).slice(1, -1).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`"${marker}(-?\\d+)"`, 'g'), '$1');
}
