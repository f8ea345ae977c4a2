/** What the monitor emits, before a format shapes it for a sink. */

export type Kind = 'plant' | 'device';

export interface Reading {
  kind: Kind;
  /** Plant code, or the device's id (dn on V7, devId on V6): msg.topic. */
  code: string;
  plantCode: string;
  /** Device type id (V6 devTypeId) for devices. */
  devTypeId?: number;
  /** Where the values came from: `realtime` (live) or `history` (a backfilled 5-minute point). */
  source: 'realtime' | 'history';
  /** The reading's own time (collectTime or dataTime), else the time the answer arrived. */
  time: number;
  /** Numbers and strings as the API sent them after normalisation; held-back counters removed. */
  values: Record<string, number | string | null>;
  /** Units the answer named (V6 devices: a meter's power may be W or kW); the field table otherwise. */
  units?: Record<string, string>;
}

/** Plant and device facts for Home Assistant devices and InfluxDB tags. */
export interface Identity {
  name?: string;
  model?: string;
  sn?: string;
  /** Device type name, e.g. "inverter". */
  type?: string;
}

export interface Alarm {
  /** `raised` when it first appears, `cleared` when it no longer does. */
  state: 'raised' | 'cleared';
  key: string;
  plantCode: string;
  time: number;
  alarm: Record<string, unknown>;
}
