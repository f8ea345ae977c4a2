import { operation } from '../api';
import { zoneOf } from '../api/plant-data/zones';
import { execute, planCalls } from '../api/core/planner';
import { runPlantData } from '../api/plant-data/run';
import type { OperationDef } from '../api/core/types';
import { FIVE_MINUTES, roundPeriod } from './cadence';
import { profileOf, type MonitorContext } from './context';
import type { Job } from './scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** New plants are picked up from the plant list this often. */
export const PLANT_LIST_AGE_MS = 6 * HOUR;

function op(name: string): OperationDef {
  const found = operation(name);
  if (!found) throw new Error(`the catalogue has no ${name} operation`);
  return found;
}

/** The account's plant list: at start when nothing remembers it, then every 6 hours. */
export class PlantListJob implements Job {
  readonly name = 'plantList';
  readonly endpoint: string;
  private readonly op = op('plantList');

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  due(): number {
    const at = this.m.state.plants?.at;
    return at === undefined ? -Infinity : at + PLANT_LIST_AGE_MS;
  }

  async run(): Promise<void> {
    const r = await execute(this.op, {}, this.m.exec);
    const list = Array.isArray(r.payload) ? r.payload : [];
    const changed = this.m.plants.adopt(list);
    this.m.state.plants = { at: this.m.client.clock.now(), list: this.m.plants.list() };
    this.m.save();
    if (changed) this.m.changed();
  }
}

/**
 * Plant real-time KPI of every watched plant, one round (one planner call, chunked by 100)
 * per period. A plant another node read recently counts as fresh: the round waits for the
 * stalest plant.
 */
export class PlantRealtimeJob implements Job {
  readonly name = 'plantRealtime';
  readonly endpoint: string;
  private readonly op = op('realtimeKpi');

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  period(): number {
    const codes = this.m.plants.codes();
    return roundPeriod({
      windows: this.m.client.governor.windows(this.endpoint),
      callsPerRound: Math.max(1, planCalls(this.op.batch, { plantCodes: codes }).length),
      granularityMs: FIVE_MINUTES,
      profile: profileOf(this.m.client),
      intervalMs: this.m.intervalMs,
    });
  }

  due(): number {
    const codes = this.m.plants.codes();
    if (codes.length === 0) return Infinity;
    const last = this.m.state.polls[this.name] ?? -Infinity;
    let stalest = Infinity;
    for (const c of codes) stalest = Math.min(stalest, Math.max(this.m.fresh.get(c) ?? -Infinity, last));
    return stalest + this.period();
  }

  async run(): Promise<void> {
    this.m.state.polls[this.name] = this.m.client.clock.now();
    this.m.save();
    await execute(this.op, { plantCodes: this.m.plants.codes() }, this.m.exec);
  }
}

/**
 * After a restart: today's 5-minute history of the watched plants (historyKpi, range
 * "today" in each plant's zone), once a day, only when it takes at most half of what is
 * left of the day's budget, so users' own history calls still fit.
 */
export class BackfillJob implements Job {
  readonly name = 'backfill';
  readonly endpoint: string;
  private readonly op = op('historyKpi');
  /** Set when the day's budget had no room: tells the status. */
  skipped = false;

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  private today(): number {
    return Math.floor(this.m.client.clock.now() / DAY);
  }

  due(): number {
    if (this.m.plants.codes().length === 0) return Infinity;
    if (this.m.state.backfilled[this.name] === this.today()) return Infinity;
    // Not before the first real-time round: live data first, the past after it. The api
    // layer checks "today" against UTC first, and has no point to give in a day's first 5 minutes.
    const now = this.m.client.clock.now();
    return Math.max(this.m.state.polls.plantRealtime ?? Infinity, now, Math.floor(now / DAY) * DAY + FIVE_MINUTES);
  }

  /** Calls the backfill needs: one per group of plants sharing a time zone, per 100 plants. */
  callsNeeded(codes: readonly string[]): number {
    const groups = new Map<number, number>();
    for (const c of codes) {
      const z = zoneOf(this.m.client, c) ?? this.m.plants.offset(c);
      groups.set(z, (groups.get(z) ?? 0) + 1);
    }
    let n = 0;
    for (const size of groups.values()) n += Math.ceil(size / 100);
    return n;
  }

  async run(): Promise<void> {
    const codes = this.m.plants.codes();
    this.m.state.backfilled[this.name] = this.today();
    this.m.save();
    const info = this.m.client.governor.info(this.endpoint);
    const needed = this.callsNeeded(codes);
    this.skipped = info.remaining !== undefined && needed > info.remaining / 2;
    if (this.skipped) return;
    await runPlantData(this.op, { plantCodes: codes }, { range: 'today' }, this.m.exec);
  }
}
