import type { ClientEvent, FusionSolarClient } from '../client/client';
import { FusionSolarError } from '../client/errors';
import { profileOf, type MonitorContext } from './context';
import { CounterGuard } from './counters';
import type { Format, OutMessage } from './output';
import { Pipeline } from './pipeline';
import { PlantSet } from './plants';
import { READERS } from './readers';
import { Scheduler, type Job } from './scheduler';
import { BackfillJob, PlantListJob, PlantRealtimeJob } from './jobs-plant';
import { AlarmJob, DeviceBackfillJob, DeviceListJob, DeviceRealtimeJob } from './jobs-v6';
import { AlarmTracker } from './alarms';
import { DEVICE_TYPES } from './fields';
import {
  accountKey,
  checkState,
  emptyState,
  lastingPolls,
  memoryStore,
  type LastingPolls,
  type MonitorState,
  type MonitorStore,
} from './state';
import type { Identity, Reading } from './types';

export interface MonitorOptions {
  client: FusionSolarClient;
  /** Node id: the key of its lasting state. */
  id: string;
  plantCodes: readonly string[];
  plantRealtime: boolean;
  deviceTypes: readonly number[];
  alarms: boolean;
  intervalSec: number;
  changesOnly: boolean;
  format: Format;
  haPrefix: string;
  store?: MonitorStore;
}

export interface MonitorStatus {
  /** Next poll of any job, ms; undefined when nothing is scheduled. */
  nextAt?: number;
  /** Calls in the main endpoint's window and its limit. */
  used?: number;
  limit?: number;
  heldBack: number;
  error?: FusionSolarError;
}

export interface MonitorEvents {
  readings(messages: OutMessage[]): void;
  alarms(messages: OutMessage[]): void;
  status(s: MonitorStatus): void;
  error(err: FusionSolarError): void;
}

/**
 * The monitor: schedules its jobs at the best rate the quotas allow and turns every answer
 * of the account (its own calls and any other node's) into guarded, formatted readings.
 */
export class Monitor {
  readonly plants: PlantSet;
  readonly guard: CounterGuard;
  readonly jobs: Job[] = [];
  private readonly scheduler: Scheduler;
  private readonly pipeline: Pipeline;
  private readonly ctx: MonitorContext;
  private readonly state: MonitorState;
  private readonly closing = new AbortController();
  private readonly store: MonitorStore;
  private readonly account: string;
  private unsubscribe: () => void = () => undefined;
  private running: Promise<void> | undefined;
  private lastError: FusionSolarError | undefined;
  private readonly alarms: AlarmTracker;
  private readonly lasting: LastingPolls | undefined;
  /** The state came from this process's memory (a redeploy): the lasting store has nothing newer. */
  private readonly remembered: boolean;

  constructor(
    private readonly o: MonitorOptions,
    private readonly on: MonitorEvents,
  ) {
    const client = o.client;
    this.store = o.store ?? memoryStore;
    this.account = accountKey(client.config.baseUrl, client.config.username);
    const kept = this.store.load(this.account, o.id);
    this.remembered = kept !== undefined;
    this.state = kept ?? emptyState();
    this.plants = new PlantSet(client, o.plantCodes);
    if (this.state.plants) this.plants.adopt(this.state.plants.list);
    this.guard = new CounterGuard(this.state.counters);
    const api = client.config.api === 'v6' ? 'v6' : 'v7';
    this.lasting = lastingPolls(client);
    const lastingKey = (key: string): string => `${o.id}/${key}`;
    this.ctx = {
      client,
      api,
      exec: { client, signal: this.closing.signal },
      state: this.state,
      save: () => {
        this.store.save(this.account, o.id, this.state);
        this.lasting?.saveMonitorState(o.id, this.state);
      },
      lastPoll: (key) => {
        const here = this.state.polls[key] ?? -Infinity;
        const kept = this.lasting?.lastPoll(lastingKey(key)) || -Infinity;
        return Math.max(here, kept);
      },
      savePoll: (key, at) => {
        this.state.polls[key] = at;
        this.lasting?.savePoll(lastingKey(key), at);
      },
      claim: async (key, periodMs) => {
        const now = client.clock.now();
        const before = this.state.polls[key];
        const c = this.lasting
          ? await this.lasting.claimPoll(lastingKey(key), now, periodMs)
          : ({ ok: true } as { ok: true; previous?: number });
        // Refused: another instance made this poll (or owns the next one); look again when it says.
        this.state.polls[key] = c.ok ? now : c.next - periodMs;
        if (!c.ok) return undefined;
        return (err) => {
          const code = err instanceof FusionSolarError ? err.code : undefined;
          if ((code !== 'QUOTA' && code !== 'STORE_OFFLINE') || this.state.polls[key] !== now) return;
          if (before === undefined) delete this.state.polls[key];
          else this.state.polls[key] = before;
          this.lasting?.releasePoll(lastingKey(key), now, c.previous);
        };
      },
      plants: this.plants,
      intervalMs: Math.max(0, o.intervalSec) * 1000,
      fresh: new Map(),
      changed: () => this.scheduler.wake(),
    };
    this.pipeline = new Pipeline({
      api,
      format: o.format,
      haPrefix: o.haPrefix,
      changesOnly: o.changesOnly,
      guard: this.guard,
      offsetOf: (code) => this.plants.offset(code),
      identity: (r) => this.identity(r),
    });
    this.jobs.push(new PlantListJob(this.ctx));
    if (o.plantRealtime) this.jobs.push(new PlantRealtimeJob(this.ctx));
    // History backfill after a restart: V7 historyKpi.
    if (o.plantRealtime && api === 'v7') this.jobs.push(new BackfillJob(this.ctx));
    if (api === 'v6' && o.deviceTypes.length) {
      const realtime = new DeviceRealtimeJob(this.ctx, o.deviceTypes);
      // And V6's device history of today, where the quota leaves room.
      this.jobs.push(new DeviceListJob(this.ctx), realtime, new DeviceBackfillJob(this.ctx, realtime));
    }
    if (api === 'v6' && o.alarms) this.jobs.push(new AlarmJob(this.ctx));
    this.alarms = new AlarmTracker((this.state.alarms ??= {}), (code) => this.plants.has(code));
    this.scheduler = new Scheduler({
      clock: client.clock,
      info: (e) => client.governor.info(e),
      onRun: () => this.report(),
      onError: (_job, err) => {
        this.lastError = err;
        this.on.error(err);
        this.report();
      },
    });
  }

  get profile(): 'documented' | 'custom' | 'off' {
    return profileOf(this.o.client);
  }

  start(): void {
    if (this.running) return;
    this.unsubscribe = this.o.client.on((e) => this.onEvent(e));
    // The lasting store is read first: a restart must see the last polls before it polls.
    const ready = this.lasting ? this.lasting.ready.catch(() => undefined) : Promise.resolve();
    this.running = ready.then(() => {
      this.restore();
      return this.scheduler.start(this.jobs, this.closing.signal);
    });
    this.report();
  }

  /**
   * After a restart of Node-RED: counters, open alarms, plants and devices as the account's
   * lasting store kept them, merged into the objects the guard and trackers already hold.
   */
  private restore(): void {
    if (this.remembered || !this.lasting) return;
    const kept = checkState(this.lasting.monitorState(this.o.id));
    if (!kept) return;
    Object.assign(this.state.counters, kept.counters);
    Object.assign(this.state.polls, kept.polls);
    Object.assign(this.state.backfilled, kept.backfilled);
    Object.assign((this.state.alarms ??= {}), kept.alarms);
    if (kept.devices) this.state.devices = kept.devices;
    if (kept.plants) {
      this.state.plants = kept.plants;
      this.plants.adopt(kept.plants.list);
    }
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    this.closing.abort(new FusionSolarError('ABORTED', { message: 'The monitor was stopped' }));
    await this.running;
    this.ctx.save();
  }

  /** An input message: `online` on `<haPrefix>/status` re-sends the discovery. */
  input(topic: unknown, payload: unknown): boolean {
    if (topic !== `${this.o.haPrefix}/status` || String(payload).trim() !== 'online') return false;
    const out = this.pipeline.rediscover();
    if (out.length) this.on.readings(out);
    return true;
  }

  private identity(r: Reading): Identity {
    if (r.kind === 'plant') return { name: this.plants.name(r.code) };
    const d = this.state.devices?.list.find((x) => x.id === r.code);
    return { name: d?.name, model: d?.model, sn: d?.sn, type: DEVICE_TYPES[r.devTypeId ?? -1] };
  }

  private watched(r: Reading): boolean {
    if (!this.plants.has(r.plantCode)) return false;
    return r.kind === 'plant' || this.o.deviceTypes.includes(r.devTypeId ?? -1);
  }

  private onEvent(e: ClientEvent): void {
    // The node's status says what the account says (store offline, login rejected) and back.
    if (e.type === 'store' || e.type === 'session') return this.report();
    if (e.type !== 'answer') return;
    if (e.operation === 'alarmList' && this.o.alarms) {
      const list = this.alarms.answer(e.params, e.data, e.at);
      if (list.length) {
        this.ctx.save();
        this.on.alarms(
          list.map((a) => ({ topic: a.plantCode, payload: { state: a.state, key: a.key, time: a.time, ...a.alarm } })),
        );
      }
      return;
    }
    const reader = READERS[e.operation];
    if (!reader) return;
    const out: OutMessage[] = [];
    for (const r of reader(e.data, e.at)) {
      if (!this.watched(r)) continue;
      if (r.source === 'realtime')
        this.ctx.fresh.set(r.code, Math.max(this.ctx.fresh.get(r.code) ?? -Infinity, r.time));
      out.push(...this.pipeline.process(r));
    }
    if (out.length) {
      // The counters moved: a restart must not take a glitch for a real reading.
      this.ctx.save();
      this.on.readings(out);
    }
    this.lastError = undefined;
    this.report();
  }

  status(): MonitorStatus {
    let nextAt = Infinity;
    for (const j of this.jobs) nextAt = Math.min(nextAt, this.scheduler.next(j));
    const main = this.jobs.find((j) => j.name === 'plantRealtime') ?? this.jobs[0];
    const info = main ? this.o.client.governor.info(main.endpoint) : undefined;
    const s: MonitorStatus = { heldBack: this.guard.heldBack };
    if (Number.isFinite(nextAt)) s.nextAt = Math.max(nextAt, this.o.client.clock.now());
    if (info?.limit !== undefined) {
      s.used = info.used;
      s.limit = info.limit;
    }
    if (this.lastError) s.error = this.lastError;
    return s;
  }

  private report(): void {
    this.on.status(this.status());
  }
}
