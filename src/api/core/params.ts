import { z } from 'zod';

/**
 * Input coercions shared by every operation: what users type in the editor or put on
 * msg.payload becomes what the API wants, or a message naming the rule.
 */

const CODE_LIST_TYPE = 'must be an array of codes or a comma-separated string';

/**
 * Comma-separated lists the API takes as strings; users may give an array or a string.
 * One pass by hand rather than a chain of schemas: every plant-data message runs it over
 * up to 100 codes, and that chain cost as much as the rest of the call's bookkeeping.
 */
export function codeList(opts: { max?: number; label?: string } = {}) {
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  return z.unknown().transform((v, ctx) => {
    const fail = (message: string, path: number[] = []): typeof z.NEVER => {
      ctx.addIssue({ code: 'custom', message, path });
      return z.NEVER;
    };
    if (v === undefined) return fail('is required');
    if (typeof v !== 'string' && !Array.isArray(v)) return fail(CODE_LIST_TYPE);
    const out: string[] = [];
    for (const part of typeof v === 'string' ? v.split(',') : (v as unknown[])) {
      if (typeof part !== 'string' && typeof part !== 'number') return fail(CODE_LIST_TYPE);
      const code = String(part).trim();
      if (code === '') continue;
      if (code.length > 256) return fail('each code must be at most 256 characters', [out.length]);
      out.push(code);
    }
    if (out.length === 0) return fail('must name at least one code');
    if (out.length > max) return fail(`at most ${max} codes are allowed per call`);
    return out;
  });
}

export function noDuplicates(list: string[]): boolean {
  return new Set(list).size === list.length;
}

/**
 * Lists made by distinct() (and chunks of them): the planner and the default body would
 * otherwise run the same hundred codes through a Set twice more per call. Validated
 * parameters are read, never changed in place, so a list once distinct stays so.
 */
const distinctLists = new WeakSet<readonly unknown[]>();

/** Each code once, in the order first given: a repeat asks for nothing more. */
export function distinct(list: string[]): string[] {
  return markDistinct([...new Set(list)]);
}

export function markDistinct<T extends readonly unknown[]>(list: T): T {
  distinctLists.add(list);
  return list;
}

/** Whether `list` is known to hold each value once (made by distinct() or markDistinct()). */
export function isDistinct(list: readonly unknown[]): boolean {
  return distinctLists.has(list);
}

/** Epoch ms, an ISO-8601 string or a Date, as epoch ms. */
export const timeInput = z
  .union([z.number(), z.string(), z.date()], { error: 'must be epoch milliseconds, an ISO-8601 string or a Date' })
  .transform((v, ctx) => {
    const t =
      v instanceof Date ? v.getTime() : typeof v === 'number' ? v : /^\d+$/.test(v.trim()) ? Number(v) : Date.parse(v);
    if (!Number.isFinite(t)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid time (epoch ms, ISO-8601 string or Date)' });
      return z.NEVER;
    }
    if (t < 0) {
      ctx.addIssue({ code: 'custom', message: 'must not be negative' });
      return z.NEVER;
    }
    return t;
  });

/** Integers may arrive as strings from the editor. */
export function intInput(min: number, max: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
}

/** A page number of the paged lists: pages count from 1. */
export const pageNoInput = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .optional();

/** One of a few numbers; `rule` says what they mean ("must be 0 (automatic) or 1 (manual)"). */
export function oneOf<T extends number>(values: readonly T[], rule?: string) {
  return (
    z.coerce
      .number({ error: rule ?? 'must be a number' })
      .refine((v) => (values as readonly number[]).includes(v), rule ?? `must be one of ${values.join(', ')}`)
      // The refinement is invisible to JSON Schema: the editor reads the list from here.
      .meta({ enum: [...values] }) as unknown as z.ZodType<T>
  );
}

/** Long task ids: numbers or digit strings, kept exact as strings internally. */
export const longId = z
  .union([z.number().int('must be a whole number'), z.string().regex(/^-?\d{1,19}$/, 'must be a whole number')], {
    error: 'must be a whole number (number or digit string)',
  })
  .transform((v) =>
    typeof v === 'number' ? (Number.isSafeInteger(v) ? String(v) : BigInt(Math.trunc(v)).toString()) : v,
  );

/** A node option that is on or off: the editor saves a boolean, a message may send "true". */
export const flagInput = z.union([z.boolean(), z.enum(['true', 'false', ''])], { error: 'must be true or false' });

export { RESERVED_KEYS } from '../../client/json-body';
