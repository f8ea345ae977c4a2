import { invalidInput } from './errors';
import { MAX_DEPTH, stringifyExact } from './exact-json';

/** Keys that pollute prototypes wherever a receiver merges the body. */
export const RESERVED_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

function isPlain(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks a request body before it is sent: what JSON cannot carry as given (a cycle, a
 * function, NaN, a Map...) would be dropped or changed by JSON.stringify without a word, or
 * throw later as a network error. Iterative, so no depth of input can exhaust the stack.
 * True when the body holds a BigInt (to be written as an exact number literal).
 */
function check(root: unknown): boolean {
  let bigint = false;
  const stack: Array<{ value: unknown; path: string; depth: number; ancestors: Set<object> }> = [
    { value: root, path: 'payload', depth: 0, ancestors: new Set() },
  ];
  while (stack.length) {
    const { value, path, depth, ancestors } = stack.pop()!;
    if (typeof value === 'bigint') bigint = true;
    if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint')
      continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw invalidInput(path, `is ${value}, which JSON cannot carry`);
      continue;
    }
    if (typeof value !== 'object') throw invalidInput(path, `is a ${typeof value}, which JSON cannot carry`);
    if (ancestors.has(value))
      throw invalidInput(path, 'refers back to itself (a circular structure cannot be sent as JSON)');
    if (depth >= MAX_DEPTH) throw invalidInput(path, `nests deeper than ${MAX_DEPTH} levels`);
    const array = Array.isArray(value);
    if (!array && !isPlain(value) && !(value instanceof Date)) {
      throw invalidInput(
        path,
        `is a ${value.constructor?.name ?? 'special object'}, not plain JSON (use an object, array, ` +
          `string, number or boolean)`,
      );
    }
    if (value instanceof Date) continue;
    const inner = new Set(ancestors).add(value);
    for (const [k, v] of Object.entries(value)) {
      if (!array && RESERVED_KEYS.includes(k)) throw invalidInput(`${path}.${k}`, 'is not an allowed parameter name');
      if (v === undefined) continue;
      stack.push({ value: v, path: array ? `${path}[${k}]` : `${path}.${k}`, depth: depth + 1, ancestors: inner });
    }
  }
  return bigint;
}

/** The JSON text of a request body, or INVALID_INPUT naming the part that cannot be sent. */
export function jsonBody(body: unknown): string {
  // The walk has seen every value: without a BigInt there is nothing exact to write.
  return check(body) ? stringifyExact(body) : JSON.stringify(body);
}
