import { zoneOf } from '../api/plant-data/zones';
import { execute, planCalls } from '../api/core/planner';
import { runPlantData } from '../api/plant-data/run';
import { backfilledToday, claimBackfill, overHalfTheDay } from './backfill-day';
import { FIVE_MINUTES, roundPeriod } from './cadence';
import { schedule } from '../client/quota/pace';
import { profileOf, withClaim, type MonitorContext, type Release } from './context';
import { codesKey, opFor } from './ops';
import type { Job } from './scheduler';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** New plants are picked up from the plant list this often. */
export const PLANT_LIST_AGE_MS = 6 * HOUR;

/** The account's plant list: at start when nothing remembers it, then every 6 hours. */
export class PlantListJob implements Job {
  readonly name = 'plantList';
  readonly endpoint: string;
  private readonly op;

  constructor(private readonly m: MonitorContext) {
    this.op = opFor(m.api, 'plantList');
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
 * Plant real-time KPI of every watched plant, in calls of 100 plants (the planner's chunks),
 * each chunk once per period. A round is one group of calls, at once where the quota allows
 * (V7) and one a minute where the endpoint takes no more (V6): another node's call queued
 * meanwhile goes after the round, not between two of its chunks, where it would hold the
 * later chunk back past its period (the governor serves a budget in arrival order). A plant
 * another node read recently counts as fresh: its chunk waits for its stalest plant.
 */
export class PlantRealtimeJob implements Job {
  readonly name = 'plantRealtime';
  readonly endpoint: string;
  private readonly op;

  constructor(private readonly m: MonitorContext) {
    this.op = opFor(m.api, 'realtimeKpi');
    this.endpoint = this.op.endpoint;
  }

  private chunks(): string[][] {
    const key = codesKey(this.m.api);
    return planCalls(this.op.batch, { [key]: this.m.plants.codes() }).map((p) => p[key] as string[]);
  }

  period(): number {
    return roundPeriod({
      windows: this.m.client.governor.windows(this.endpoint),
      callsPerRound: Math.max(1, this.chunks().length),
      granularityMs: FIVE_MINUTES,
      profile: profileOf(this.m.client),
      intervalMs: this.m.intervalMs,
    });
  }

  private chunkDue(codes: readonly string[], period: number): number {
    const last = this.m.lastPoll(`${this.name}:${codes[0]}`);
    let stalest = Infinity;
    for (const c of codes) stalest = Math.min(stalest, Math.max(this.m.fresh.get(c) ?? -Infinity, last));
    return stalest + period;
  }

  due(): number {
    const period = this.period();
    let due = Infinity;
    for (const chunk of this.chunks()) if (chunk.length) due = Math.min(due, this.chunkDue(chunk, period));
    return due;
  }

  async run(): Promise<void> {
    // Plants named in the node exist on the account: the quota grows with them even while
    // the plant list is not read (it may wait for its own budget).
    if (!this.m.plants.all) this.m.client.learnFleet({ plants: this.m.plants.codes().length });
    const period = this.period();
    const now = this.m.client.clock.now();
    const chunks = this.chunks();
    // When each call of a round goes at the quota's own pace: a chunk due by its call's turn
    // goes in this round.
    const pace = schedule(this.m.client.governor.windows(this.endpoint), [], 0, chunks.length, Infinity);
    const codes: string[] = [];
    const releases: Release[] = [];
    for (const chunk of chunks) {
      if (!chunk.length || this.chunkDue(chunk, period) > now + (pace[releases.length] ?? 0)) continue;
      // Another instance on the account polls this chunk: its answer is theirs to emit.
      const release = await this.m.claim(`${this.name}:${chunk[0]}`, period);
      if (!release) continue;
      releases.push(release);
      codes.push(...chunk);
    }
    if (!codes.length) return;
    // The backfill waits for the first round.
    this.m.savePoll(this.name, this.m.client.clock.now());
    this.m.save();
    // Whole chunks in their order (only the last one is short): the planner cuts them as here.
    await withClaim(
      (err) => releases.forEach((release) => release(err)),
      () => execute(this.op, { [codesKey(this.m.api)]: codes }, this.m.exec),
    );
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
  private readonly op = opFor('v7', 'historyKpi');
  /** Set when the day's budget had no room: tells the status. */
  skipped = false;

  constructor(private readonly m: MonitorContext) {
    this.endpoint = this.op.endpoint;
  }

  due(): number {
    if (this.m.plants.codes().length === 0) return Infinity;
    if (backfilledToday(this.m, this.name)) return Infinity;
    // Not before the first real-time round: live data first, the past after it. The api
    // layer checks "today" against UTC first, and has no point to give in a day's first 5 minutes.
    const now = this.m.client.clock.now();
    return Math.max(
      Number.isFinite(this.m.lastPoll('plantRealtime')) ? this.m.lastPoll('plantRealtime') : Infinity,
      now,
      Math.floor(now / DAY) * DAY + FIVE_MINUTES,
    );
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
    const release = await claimBackfill(this.m, this.name);
    if (!release) return;
    this.skipped = overHalfTheDay(this.m, this.endpoint, this.callsNeeded(codes));
    if (this.skipped) return;
    await withClaim(release, () => runPlantData(this.op, { plantCodes: codes }, { range: 'today' }, this.m.exec));
  }
}
