import { z } from 'zod';
import { codeList, noDuplicates } from '../core/params';

/**
 * Input pieces of the device-changing operations. Every rule the reference states for
 * them is checked here, so a bad command never reaches a device.
 */

const absent = (v: unknown): boolean => v === undefined || v === null || v === '';

/** A mandatory value: "is required" rather than a type complaint when it is missing. */
export function required<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .refine((v) => !absent(v), 'is required')
    .pipe(schema);
}

/** An optional value; null and "" mean "not given", so a message can clear a node setting with null. */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (absent(v) ? undefined : v), schema.optional());
}

/**
 * A list of codes for a command: at most `max`, none repeated (a repeat would address the
 * same plant or device twice in one command).
 */
export function commandList(max: number, what: string) {
  return codeList({ max }).refine(noDuplicates, `must not name the same ${what} twice`);
}

/**
 * A number in [min, max] with at most `places` decimals (float noise such as 0.1 + 0.2 is
 * rounded away). With `round`, more decimals are rounded off as the server would do it
 * (9.6.1.3 says so), and the range is checked on the rounded value.
 */
export function decimal(min: number, max: number, places = 3, round = false) {
  const scale = 10 ** places;
  const num = z.coerce.number({ error: 'must be a number' });
  const ranged = z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
  if (round) return num.transform((v) => Math.round(v * scale) / scale).pipe(ranged);
  return num
    .pipe(ranged)
    .refine((v) => Math.abs(v * scale - Math.round(v * scale)) < 1e-6, `must have at most ${places} decimal places`)
    .transform((v) => Math.round(v * scale) / scale);
}

/** A whole number given as a number or a digit string. */
export function wholeNumber(min: number, max: number) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d+(\.0+)?$/, 'must be a whole number'),
      ],
      { error: 'must be a whole number' },
    )
    .transform(Number)
    .pipe(
      z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`),
    );
}

/** requestID of 9.3.4/9.3.5: a Long; kept to safe integers so it survives JSON in every flow. */
export const requestIdInput = wholeNumber(1, Number.MAX_SAFE_INTEGER);

/** Task ids the API types as String (9.6.1.4 requestId): digits in the examples, any text accepted. */
export const taskIdText = z
  .union([z.string(), z.number()], { error: 'must be a task id (string or number)' })
  .transform((v) => String(v).trim())
  .pipe(z.string().min(1, 'is required').max(64, 'must be at most 64 characters'));

/** One DRM switch: a boolean, or the strings "true"/"false" the API itself uses. */
export function drmSwitch(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

/** One of a few documented codes, given as a number or a digit string. */
export function choice<T extends number>(values: readonly T[]) {
  const rule = `must be one of ${values.join(', ')}`;
  return (
    z
      .union(
        [
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d+$/, rule),
        ],
        { error: rule },
      )
      .transform(Number)
      .refine((v): v is T => (values as readonly number[]).includes(v), rule)
      // The refinement is invisible to JSON Schema: the editor reads the list from here.
      .meta({ enum: [...values] })
  );
}
