import { invalidInput } from '../../client/errors';
import { DAY, limitCount, MINUTE, type QuotaRule } from '../../client/quota/rules';
import type { ExecContext } from '../core/types';

/** The history interfaces' rules, checked before any call (reference 9.3.3, 9.5.1, chapter 11). */

export const FIVE_MINUTES = 5 * MINUTE;
/** "Only data of the latest 365 days can be queried" (20026). */
export const MAX_AGE_DAYS = 365;
/** One call covers at most 288 points: 24 hours. */
export const WINDOW_MS = DAY;

/** Roundup(plants/100) + 24 calls a day and one call a minute, one at a time. */
export const HISTORY_QUOTA: QuotaRule = {
  limits: [
    { count: (c) => Math.ceil(c.plants / 100) + 24, windowMs: DAY, kind: 'day' },
    { count: 1, windowMs: MINUTE },
  ],
  lane: true,
};

function iso(t: number): string {
  return new Date(t).toISOString();
}

/** The start must lie within the latest 365 days and before now. */
export function checkRangeAge(startTime: number, ctx: ExecContext): void {
  const now = ctx.client.clock.now();
  const earliest = now - MAX_AGE_DAYS * DAY;
  if (startTime < earliest) {
    throw invalidInput('startTime', `only data of the latest ${MAX_AGE_DAYS} days can be queried (failCode 20026): the earliest start now is ${iso(earliest)}`);
  }
  if (startTime >= now) throw invalidInput('startTime', `is in the future (${iso(startTime)}): no data exists yet`);
}

/** An end after now only adds calls that return nothing: cut it at the current 5-minute slot. */
export function clampEnd(endTime: number, now: number): number {
  return Math.min(endTime, Math.ceil(now / FIVE_MINUTES) * FIVE_MINUTES);
}

/**
 * A backfill the day's quota cannot hold would stop half-way with QUOTA after using up the
 * day: refuse it up front and say how much fits.
 */
export function checkDailyBudget(endpoint: string, quota: QuotaRule, calls: number, chunks: number, ctx: ExecContext): void {
  // The client's rule (the profile may be off or custom), sized by the client's own fleet.
  const rule = ctx.client.ruleFor(endpoint);
  if (!rule) return;
  const fleet = ctx.client.quotaFleet();
  for (const limit of rule.limits) {
    if (limit.windowMs < DAY) continue;
    const allowed = limitCount(limit, fleet);
    if (calls <= allowed) continue;
    const days = Math.max(1, Math.floor(allowed / Math.max(1, chunks)));
    throw invalidInput(
      'endTime',
      `the range needs ${calls} calls (24-hour windows${chunks > 1 ? ` x ${chunks} groups of 100 plants` : ''}) but ${endpoint} allows ${allowed} calls a day (Roundup(plants/100) + 24): request at most ${days} day${days === 1 ? '' : 's'} at a time`,
    );
  }
}
