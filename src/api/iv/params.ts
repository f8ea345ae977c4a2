import { z } from 'zod';
import { MINUTE, type QuotaRule } from '../../client/quota/rules';
import { oneOf } from '../core/params';

/** Inputs and rules shared by the operations of reference 9.4 (smart I-V curve diagnosis). */

/**
 * Every 9.4 section says "The interface can be accessed by a northbound user for a maximum
 * of 10 times per minute": the budget belongs to each interface, not to the group.
 * runDiagnosis additionally keeps its own calls under ten a minute in total (pacer.ts).
 */
export const IV_QUOTA: QuotaRule = { limits: [{ count: 10, windowMs: MINUTE }] };

export const IV_PAGE_SIZES = [10, 20, 30, 50, 100] as const;

export { pageNoInput as pageNo } from '../core/params';
export const pageSize = oneOf(IV_PAGE_SIZES).optional();

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/**
 * Task ids are Java longs (e.g. -14921346228625): numbers within 2^53 or digit strings of
 * any length a long allows, kept as digit strings so no digit is ever lost. A number
 * beyond 2^53 is refused: JavaScript has already rounded it.
 */
export const taskIdInput = z
  .union(
    [
      z
        .number()
        .refine(
          Number.isSafeInteger,
          'is a number beyond 2^53 (its digits may already be rounded): give it as a digit string',
        ),
      z
        .string()
        .trim()
        .regex(/^-?\d{1,19}$/, 'must be a whole number (digits, optionally with a leading minus)'),
    ],
    {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be a whole number (number or digit string)'),
    },
  )
  .transform((v) => (typeof v === 'number' ? String(v) : BigInt(v).toString()))
  .refine((v) => BigInt(v) >= LONG_MIN && BigInt(v) <= LONG_MAX, 'is outside the range of a long integer');

/** A task id for the request body: a number when exact, else a BigInt written as a raw literal. */
export function idForBody(id: string): number | bigint {
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : BigInt(id);
}

/** A single inverter DN (`NE=...`), as 9.4.6 and 9.4.8 take it. */
export const dnInput = z
  .string({ error: 'must be a device DN string such as "NE=33554659"' })
  .trim()
  .min(1, 'must not be empty')
  .max(256, 'must be at most 256 characters');

/** Booleans from the editor may arrive as "true"/"false". */
export const boolInput = z
  .union([z.boolean(), z.enum(['true', 'false'])], { error: 'must be true or false' })
  .transform((v) => v === true || v === 'true');
