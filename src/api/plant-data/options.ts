import { z } from 'zod';
import { flagInput } from '../core/params';

export const RANGES = ['last24h', 'today', 'yesterday'] as const;
export type RelativeRange = (typeof RANGES)[number];

/**
 * "All plants of the account" stands in for plantCodes; the message's own plantCodes win.
 * `x-replaces` tells the editor which rows an option set makes pointless.
 */
export const ALL_PLANTS_OPTION = z.object({ allPlants: flagInput.optional().meta({ 'x-replaces': ['plantCodes'] }) });

/** A relative range stands in for startTime and endTime, per plant time zone. */
export const HISTORY_OPTIONS = ALL_PLANTS_OPTION.extend({
  range: z
    .enum([...RANGES, ''])
    .optional()
    .meta({ 'x-replaces': ['startTime', 'endTime'] }),
});
