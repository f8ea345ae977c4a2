import { DEVICE_TYPES } from './fields';
import type { OutMessage } from './output';
import type { Reading } from './types';

/** One point of node-red-contrib-influxdb's batch node (`msg.payload` is an array of them). */
export interface InfluxPoint {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, number>;
  timestamp: Date;
}

/**
 * Grafana-ready names: one measurement per kind of thing (`fusionsolar_plant`,
 * `fusionsolar_plant_5min` for history points, `fusionsolar_<device type>`), the codes as
 * tags so a dashboard variable can list them.
 */
export function measurementOf(r: Reading): string {
  if (r.kind === 'plant') return r.source === 'history' ? 'fusionsolar_plant_5min' : 'fusionsolar_plant';
  const type = DEVICE_TYPES[r.devTypeId ?? -1] ?? `device_${r.devTypeId ?? 'unknown'}`;
  return `fusionsolar_${type.replace(/-/g, '_')}`;
}

/** The reading as a point: numeric fields only (strings and held-back counters left out). */
export function influxPoint(r: Reading): InfluxPoint | undefined {
  const fields: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.values)) if (typeof v === 'number' && Number.isFinite(v)) fields[k] = v;
  if (Object.keys(fields).length === 0) return undefined;
  const tags: Record<string, string> = {
    plantCode: r.plantCode,
    type: r.kind === 'plant' ? 'plant' : (DEVICE_TYPES[r.devTypeId ?? -1] ?? String(r.devTypeId)),
  };
  if (r.kind === 'device') {
    tags.device = r.code;
    tags.devTypeId = String(r.devTypeId);
  }
  return { measurement: measurementOf(r), tags, fields, timestamp: new Date(r.time) };
}

export function influxMessage(readings: readonly Reading[], topic: string): OutMessage | undefined {
  const points = readings.map(influxPoint).filter((p): p is InfluxPoint => p !== undefined);
  return points.length ? { topic, payload: points } : undefined;
}
