import { z } from 'zod';

/** The methods a generic request may use: the northbound interface reads and writes with these two. */
export const METHODS = ['POST', 'GET'] as const;
export type HttpMethod = (typeof METHODS)[number];

/**
 * The request node's own setting, as the editor checks it (GET /fusionsolar/catalogue); a
 * message's method is read more leniently by methodOf (any case, surrounding spaces).
 */
export const REQUEST_SETTINGS = z.object({
  method: z.enum(METHODS, { error: `must be ${METHODS.join(' or ')}` }).optional(),
});
