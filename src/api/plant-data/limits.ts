import { invalidInput } from '../../client/errors';
import { DAY, limitCount, MINUTE, type QuotaRule } from '../../client/quota/rules';
import type { ExecContext } from '../core/types';

/**
 * The history interfaces' rules, checked before any call (reference 9.3.3, 9.5.1). Only the
 * 24-hour window is theirs; the age of the data (20026) is the server's to judge.
 */

export const FIVE_MINUTES = 5 * MINUTE;
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

/**
 * An end after now only adds calls that return nothing: cut it at the current 5-minute
 * slot. A range that starts after that slot is sent as given, for the server to answer.
 */
export function clampEnd(endTime: number, now: number, startTime = -Infinity): number {
  const slot = Math.ceil(now / FIVE_MINUTES) * FIVE_MINUTES;
  return startTime >= slot ? endTime : Math.min(endTime, slot);
}

/**
 * A backfill the day's quota cannot hold would stop half-way with QUOTA after using up the
 * day: refuse it up front and say how much fits.
 */
export function checkDailyBudget(
  endpoint: string,
  quota: QuotaRule,
  calls: number,
  chunks: number,
  ctx: ExecContext,
): void {
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
      `the range needs ${calls} calls (24-hour ` +
        `windows${chunks > 1 ? ` x ${chunks} groups of 100 plants` : ''}) but ${endpoint} ` +
        `allows ${allowed} calls a day (Roundup(plants/100) + 24): request at most ${days} ` +
        `day${days === 1 ? '' : 's'} at a time`,
    );
  }
}
