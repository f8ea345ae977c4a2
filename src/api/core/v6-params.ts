import { z } from 'zod';
import { codeList, noDuplicates } from './params';

/**
 * Parameter shapes of the V6 reference. Its lists are comma-separated strings; users may
 * give arrays. Lists longer than one call allows are split by the planner, not refused.
 */

/** Plant codes (`stationCodes`), each once. */
export const stationCodes = codeList().refine(noDuplicates, 'must not name a plant code twice');

/** `plantCodes` is accepted for `stationCodes`, so a flow moves between V7 and V6 accounts. */
export const STATION_OTHER_NAMES = Object.freeze({ plantCodes: 'stationCodes' });

/** Where a node of a V7 and V6 operation keeps the plants: its V7 row, so it moves between accounts as it is. */
export const PLANT_CODES_ROW = Object.freeze({ stationCodes: 'plantCodes' });

/** Device ids are Longs: digit strings internally, so 16+ digit ids stay exact. */
export const devIds = codeList()
  .refine(
    (ids) => ids.every((id) => /^-?\d{1,19}$/.test(id)),
    'each device id must be a whole number (the id of the device list)',
  )
  .refine(noDuplicates, 'must not name a device twice');

export const sns = codeList().refine(noDuplicates, 'must not name an SN twice');

const NUMBER_LIST = 'must be a number, an array of numbers or a comma-separated string';

/**
 * A number, an array or "1,38": the values, each one of `allowed`. The editor saves the
 * list its multiple select shows, so its schema says that: the values and their English names.
 */
export function numberList(allowed: readonly number[], what: string, names?: (n: number) => string | undefined) {
  const named: Record<string, string> = {};
  for (const n of allowed) {
    const name = names?.(n);
    if (name) named[n] = name;
  }
  const editor = {
    type: 'array',
    items: { type: 'integer', enum: [...allowed] },
    ...(names ? { 'x-names': named } : {}),
  };
  return z
    .unknown()
    .meta(editor)
    .transform((v, ctx) => {
      const parts =
        typeof v === 'number' ? [v] : typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
      if (!parts) {
        ctx.addIssue({ code: 'custom', message: NUMBER_LIST });
        return z.NEVER;
      }
      const out: number[] = [];
      for (const p of parts) {
        if (typeof p === 'string' && p.trim() === '') continue;
        const n = typeof p === 'number' ? p : typeof p === 'string' && /^\s*\d+\s*$/.test(p) ? Number(p) : NaN;
        if (!allowed.includes(n)) {
          ctx.addIssue({ code: 'custom', message: `${JSON.stringify(p)} is not ${what}: use ${allowed.join(', ')}` });
          return z.NEVER;
        }
        if (!out.includes(n)) out.push(n);
      }
      if (out.length === 0) {
        ctx.addIssue({ code: 'custom', message: `must name at least one of ${allowed.join(', ')}` });
        return z.NEVER;
      }
      return out;
    });
}

/** Empty editor fields arrive as "": the same as not given. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
}

/** An enumeration filter: the editor's multiple selects save [] when nothing is picked, meaning no filter. */
export function optionalFilter<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === '' || v === null || (Array.isArray(v) && v.length === 0) ? undefined : v),
    schema.optional(),
  );
}
