import type { Simulator } from './server';
import type { JsonObject } from './types';

/**
 * Quirks mode (`quirks: true`, `--quirks`): the V7 answers take every oddity API-NOTES.md
 * lists for the live API and the reference's own examples, so a client is tested against
 * what it will meet. Each helper is applied where its interface answers.
 */

export const isQuirky = (sim: Simulator): boolean => sim.options.quirks === true;

/** Renames a key in place (the example's or OCR's spelling for the table's). */
export function respell(rec: JsonObject, from: string, to: string): void {
  if (!(from in rec)) return;
  rec[to] = rec[from];
  delete rec[from];
}

const BIG = /"\\u0000big:(-?\d+)"/g;

/** JSON with BigInt values written as exact number literals (task ids beyond 2^53). */
export function exactJson(body: unknown): string {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? `\u0000big:${v.toString()}` : v));
  return text.includes('\\u0000big:') ? text.replace(BIG, '$1') : text;
}

/** Integer literals too long for a double (16+ digits) read as strings, so a long id arrives exact. */
export function longLiteralsAsText(raw: string): string {
  return raw.replace(/(:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
}

/** A task id as sent: a number, or in quirks mode an exact long that may exceed 2^53. */
export function wireId(sim: Simulator, id: string): number | bigint {
  return isQuirky(sim) ? BigInt(id) : Number(id);
}

/** Task id number `seq` of quirks mode: beyond 2^53 (17-18 digits), every third one negative. */
export function longTaskId(rand: () => number, seq: number): string {
  const n = 2n ** 53n + BigInt(Math.floor(rand() * 1e15)) * 1000n + BigInt(Math.floor(rand() * 1000));
  return String(seq % 3 === 1 ? -n : n);
}
