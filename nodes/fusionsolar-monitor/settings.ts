import { invalidInput } from '../../src/client/errors';
import { FORMATS, type Format } from '../../src/monitor/output';
import type { FlowNodeConfig } from '../shared/types';
import { text } from '../../src/text';

/** Properties saved in flows for `fusionsolar-monitor` (public API: names are fixed by DESIGN). */
export interface MonitorConfig extends FlowNodeConfig {
  plantCodes?: string;
  plantRealtime?: boolean;
  deviceTypes?: string;
  alarms?: boolean;
  interval?: string | number;
  changesOnly?: boolean;
  format?: string;
  haPrefix?: string;
}

export interface MonitorSettings {
  plantCodes: string[];
  plantRealtime: boolean;
  deviceTypes: number[];
  alarms: boolean;
  intervalSec: number;
  changesOnly: boolean;
  format: Format;
  haPrefix: string;
}

export const DEFAULT_DEVICE_TYPES = '1,38,17,39,47';

function list(v: unknown): string[] {
  if (Array.isArray(v))
    return v
      .map(String)
      .map((s) => s.trim())
      .filter(Boolean);
  return text(v ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The node's settings, checked: a bad one names the property and the rule. */
export function monitorSettings(c: MonitorConfig): MonitorSettings {
  const plantCodes = list(c.plantCodes);
  if (new Set(plantCodes).size !== plantCodes.length)
    throw invalidInput('plantCodes', 'must not name a plant code twice');
  const types = list(c.deviceTypes ?? DEFAULT_DEVICE_TYPES);
  const deviceTypes = types.map(Number);
  const bad = types.find((t, i) => !Number.isInteger(deviceTypes[i]) || deviceTypes[i] <= 0);
  if (bad !== undefined)
    throw invalidInput(
      'deviceTypes',
      `must be device type ids separated by commas (e.g. ${DEFAULT_DEVICE_TYPES}); "${bad}" is not one`,
    );
  const interval = c.interval === undefined || c.interval === '' ? 0 : Number(c.interval);
  if (!Number.isFinite(interval) || interval < 0)
    throw invalidInput('interval', 'must be a number of seconds, 0 or more (0: as fast as the quota allows)');
  const format = (c.format || 'plain') as Format;
  if (!FORMATS.includes(format)) throw invalidInput('format', `must be one of ${FORMATS.join(', ')}`);
  const haPrefix = (c.haPrefix ?? '').trim() || 'homeassistant';
  if (/[#+]/.test(haPrefix) || haPrefix.startsWith('/') || haPrefix.endsWith('/'))
    throw invalidInput('haPrefix', 'must be an MQTT topic without wildcards (+, #) or a leading or trailing /');
  return {
    plantCodes,
    plantRealtime: c.plantRealtime !== false,
    deviceTypes,
    alarms: c.alarms !== false,
    intervalSec: interval,
    changesOnly: c.changesOnly !== false,
    format,
    haPrefix,
  };
}
