import { DAY } from '../client/quota/rules';
import type { MonitorContext, Release } from './context';

/** The UTC day a backfill counts in: one a day for all instances of the account. */
export function backfillDay(m: MonitorContext): number {
  return Math.floor(m.client.clock.now() / DAY);
}

export function backfilledToday(m: MonitorContext, name: string): boolean {
  return m.state.backfilled[name] === backfillDay(m);
}

/**
 * Marks today's backfill `name` as done (a failed one is not tried again until tomorrow: it
 * would spend the day's budget twice) and claims it for this instance; undefined when another
 * instance backfilled since midnight (UTC).
 */
export async function claimBackfill(m: MonitorContext, name: string): Promise<Release | undefined> {
  const day = backfillDay(m);
  m.state.backfilled[name] = day;
  m.save();
  return m.claim(name, m.client.clock.now() - day * DAY + 1);
}

/** Whether `needed` calls take more than half of what is left of the endpoint's day, so users' own calls fit. */
export function overHalfTheDay(m: MonitorContext, endpoint: string, needed: number): boolean {
  const { remaining } = m.client.governor.info(endpoint);
  return remaining !== undefined && needed > remaining / 2;
}
