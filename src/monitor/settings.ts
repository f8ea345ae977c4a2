import { z } from 'zod';
import { FORMATS, type Format } from './output';
import { text } from '../text';

/**
 * The monitor node's settings as one zod schema: the runtime parses a saved node with it and
 * the editor gets it as JSON Schema (GET /fusionsolar/catalogue), so a rule is written once.
 */

export const DEFAULT_DEVICE_TYPES = '1,38,17,39,47';

/** A device type id: a whole number above 0. */
const TYPE_ID = '0*[1-9]\\d*';
const TYPE_ID_RE = new RegExp(`^${TYPE_ID}$`);
/** Ids separated by commas or spaces; each separator is required, so a failing match is linear. */
const TYPE_IDS_RE = new RegExp(`^[\\s,]*(?:${TYPE_ID}(?:[\\s,]+${TYPE_ID})*)?[\\s,]*$`);
/** An MQTT topic prefix: no wildcard anywhere, no / at either end (surrounding spaces are trimmed). */
const HA_PREFIX_RE = /^\s*(?:[^#+/\s](?:[^#+]*[^#+/\s])?)?\s*$/;

export function settingsList(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(String) : text(v ?? '').split(/[,\s]+/);
  return items.map((s) => s.trim()).filter(Boolean);
}

const INTERVAL_RULE = 'must be a number of seconds, 0 or more (0: as fast as the quota allows)';

/** The checked settings; the on/off ones (plantRealtime, alarms, changesOnly) need no rule. */
export const MONITOR_SETTINGS = z.object({
  plantCodes: z
    .unknown()
    .optional()
    .transform(settingsList)
    .refine((codes) => new Set(codes).size === codes.length, 'must not name a plant code twice'),
  deviceTypes: z
    .string()
    .regex(TYPE_IDS_RE, {
      error: (issue) =>
        `must be device type ids separated by commas (e.g. ${DEFAULT_DEVICE_TYPES}); "${
          settingsList(issue.input).find((t) => !TYPE_ID_RE.test(t)) ?? ''
        }" is not one`,
    })
    .optional()
    .transform((v) => settingsList(v ?? DEFAULT_DEVICE_TYPES).map(Number)),
  interval: z.preprocess(
    (v) => (v === undefined || v === '' ? 0 : v),
    z.coerce.number({ error: INTERVAL_RULE }).min(0, INTERVAL_RULE),
  ),
  format: z.preprocess(
    (v) => v || 'plain',
    z.enum(FORMATS as [Format, ...Format[]], { error: `must be one of ${FORMATS.join(', ')}` }),
  ),
  haPrefix: z
    .string()
    .regex(HA_PREFIX_RE, 'must be an MQTT topic without wildcards (+, #) or a leading or trailing /')
    .optional()
    .transform((v) => (v ?? '').trim() || 'homeassistant'),
});

export type MonitorSettingsInput = z.input<typeof MONITOR_SETTINGS>;
