import type { Format } from '../../src/monitor/output';
import { MONITOR_SETTINGS } from '../../src/monitor/settings';
import { zodToError } from '../../src/api/core/validate';
import type { FlowNodeConfig } from '../shared/types';

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

/** The node's settings, checked by the schema the editor gets too: a bad one names the property and the rule. */
export function monitorSettings(c: MonitorConfig): MonitorSettings {
  const parsed = MONITOR_SETTINGS.safeParse(c);
  if (!parsed.success) throw zodToError(parsed.error, c);
  const s = parsed.data;
  return {
    plantCodes: s.plantCodes,
    plantRealtime: c.plantRealtime !== false,
    deviceTypes: s.deviceTypes,
    alarms: c.alarms !== false,
    intervalSec: s.interval,
    changesOnly: c.changesOnly !== false,
    format: s.format,
    haPrefix: s.haPrefix,
  };
}
