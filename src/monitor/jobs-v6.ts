import { isObject } from '../api/core/normalise';
import { execute } from '../api/core/planner';
import { DAY } from '../client/quota/rules';
import { backfilledToday, claimBackfill, overHalfTheDay } from './backfill-day';
import { FIVE_MINUTES, roundPeriod } from './cadence';
import { profileOf, withClaim, type MonitorContext } from './context';
import { PLANT_LIST_AGE_MS } from './jobs-plant';
import { opFor } from './ops';
import type { Job } from './scheduler';
import type { DeviceFacts } from './state';

/** V6 only: device lists, device real-time data by type, alarms. */

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The plants and device types of `devices`, as the device data operations select them. */
function selectionOf(devices: readonly DeviceFacts[]): { stationCodes: string[]; devTypeId: number[] } {
  return {
    stationCodes: [...new Set(devices.map((d) => d.stationCode as string))],
    devTypeId: [...new Set(devices.map((d) => d.devTypeId))].sort((a, b) => a - b),
  };
}

/** The watched plants' devices: at start when nothing remembers them, then with the plant list. */
export class DeviceListJob implements Job {
  readonly name = 'deviceList';
  readonly endpoint: string;
  private readonly op = opFor('v6', 'deviceList');

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  due(): number {
    if (this.m.plants.codes().length === 0) return Infinity;
    const at = this.m.state.devices?.at;
    return at === undefined ? -Infinity : at + PLANT_LIST_AGE_MS;
  }

  async run(): Promise<void> {
    const r = await execute(this.op, { stationCodes: this.m.plants.codes() }, this.m.exec);
    const list: DeviceFacts[] = [];
    for (const d of Array.isArray(r.payload) ? r.payload : []) {
      if (!isObject(d) || typeof d.id !== 'string' || typeof d.devTypeId !== 'number') continue;
      const f: DeviceFacts = { id: d.id, devTypeId: d.devTypeId };
      const station = str(d.stationCode);
      const name = str(d.devName);
      const model = str(d.model) ?? str(d.invType);
      const sn = str(d.esnCode);
      if (station) f.stationCode = station;
      if (name) f.name = name;
      if (model) f.model = model;
      if (sn) f.sn = sn;
      list.push(f);
    }
    this.m.state.devices = { at: this.m.client.clock.now(), list };
    this.m.save();
    this.m.changed();
  }
}

/** Device real-time KPI of the watched types: one round (a call per type and 100 devices) per period. */
export class DeviceRealtimeJob implements Job {
  readonly name = 'deviceRealtime';
  readonly endpoint: string;
  private readonly op = opFor('v6', 'deviceRealtimeKpi');

  constructor(
    private readonly m: MonitorContext,
    private readonly types: readonly number[],
  ) {
    this.endpoint = this.op.endpoint;
  }

  /** Devices of the watched plants and types, as the device list knows them. */
  devices(): DeviceFacts[] {
    const plants = new Set(this.m.plants.codes());
    return (this.m.state.devices?.list ?? []).filter(
      (d) => this.types.includes(d.devTypeId) && d.stationCode !== undefined && plants.has(d.stationCode),
    );
  }

  private callsPerRound(devices: readonly DeviceFacts[]): number {
    const perType = new Map<number, number>();
    for (const d of devices) perType.set(d.devTypeId, (perType.get(d.devTypeId) ?? 0) + 1);
    let n = 0;
    for (const count of perType.values()) n += Math.ceil(count / 100);
    return Math.max(1, n);
  }

  period(): number {
    return roundPeriod({
      windows: this.m.client.governor.windows(this.endpoint),
      callsPerRound: this.callsPerRound(this.devices()),
      granularityMs: FIVE_MINUTES,
      profile: profileOf(this.m.client),
      intervalMs: this.m.intervalMs,
    });
  }

  due(): number {
    const devices = this.devices();
    if (devices.length === 0) return Infinity;
    const last = this.m.lastPoll(this.name);
    let stalest = Infinity;
    for (const d of devices) stalest = Math.min(stalest, Math.max(this.m.fresh.get(d.id) ?? -Infinity, last));
    return stalest + this.period();
  }

  async run(): Promise<void> {
    const devices = this.devices();
    const release = await this.m.claim(this.name, this.period());
    if (!release) return;
    this.m.save();
    await withClaim(release, () => execute(this.op, selectionOf(devices), this.m.exec));
  }
}

/**
 * After a restart: today's 5-minute device history (getDevHistoryKpi) of the watched
 * devices, once a day and after the first real-time round, only when it takes at most
 * half of what is left of the day's budget, so users' own history calls still fit.
 */
export class DeviceBackfillJob implements Job {
  readonly name = 'deviceBackfill';
  readonly endpoint: string;
  private readonly op = opFor('v6', 'deviceHistoryKpi');
  /** Set when the day's budget had no room. */
  skipped = false;

  constructor(
    private readonly m: MonitorContext,
    private readonly realtime: DeviceRealtimeJob,
  ) {
    this.endpoint = this.op.endpoint;
  }

  due(): number {
    if (backfilledToday(this.m, this.name) || this.realtime.devices().length === 0) return Infinity;
    const first = this.m.lastPoll(this.realtime.name);
    return Number.isFinite(first) ? Math.max(first, this.m.client.clock.now()) : Infinity;
  }

  /** One call per 10 devices of a type (the endpoint's batch). */
  callsNeeded(devices: readonly DeviceFacts[]): number {
    const perType = new Map<number, number>();
    for (const d of devices) perType.set(d.devTypeId, (perType.get(d.devTypeId) ?? 0) + 1);
    let n = 0;
    for (const count of perType.values()) n += Math.ceil(count / 10);
    return n;
  }

  /** The earliest local midnight of the watched plants: "today" for every one of them. */
  private since(now: number): number {
    let since = now;
    for (const code of this.m.plants.codes()) {
      const off = this.m.plants.offset(code) * 60_000;
      since = Math.min(since, Math.floor((now + off) / DAY) * DAY - off);
    }
    return since;
  }

  async run(): Promise<void> {
    const devices = this.realtime.devices();
    const release = await claimBackfill(this.m, this.name);
    if (!release) return;
    this.skipped = overHalfTheDay(this.m, this.endpoint, this.callsNeeded(devices));
    const now = this.m.client.clock.now();
    const since = this.since(now);
    if (this.skipped || now - since < 5 * 60_000) return;
    await withClaim(release, () =>
      execute(this.op, { ...selectionOf(devices), startTime: since, endTime: now }, this.m.exec),
    );
  }
}

/** Current alarms of the watched plants, at the alarm quota's pace (Roundup(plants/100) per 30 minutes). */
export class AlarmJob implements Job {
  readonly name = 'alarms';
  readonly endpoint: string;
  private readonly op = opFor('v6', 'alarmList');

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  period(): number {
    return roundPeriod({
      windows: this.m.client.governor.windows(this.endpoint),
      callsPerRound: Math.max(1, Math.ceil(this.m.plants.codes().length / 100)),
      granularityMs: FIVE_MINUTES,
      profile: profileOf(this.m.client),
      intervalMs: this.m.intervalMs,
    });
  }

  due(): number {
    if (this.m.plants.codes().length === 0) return Infinity;
    return this.m.lastPoll(this.name) + this.period();
  }

  async run(): Promise<void> {
    const release = await this.m.claim(this.name, this.period());
    if (!release) return;
    this.m.save();
    await withClaim(release, () => execute(this.op, { stationCodes: this.m.plants.codes() }, this.m.exec));
  }
}
