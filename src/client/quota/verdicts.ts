import { nextDayStart } from '../day-zone';
import type { Budget } from './ledger';
import { describeWindow, DAY, MINUTE } from './rules';
import type { Window } from './window';

/**
 * What the server's own verdicts mean for a budget. A 407 blocks until its shortest window
 * has passed; a 407 again right after means a longer window was the one used up, so each
 * strike waits out the next longer window of the rule.
 */
export function after407(budget: Budget, windows: Window[], now: number): number {
  budget.strikes++;
  const sorted = [...windows].sort((a, b) => a.windowMs - b.windowMs);
  const w = sorted[Math.min(budget.strikes, sorted.length) - 1];
  const ms = w?.windowMs ?? MINUTE;
  const until = w?.zone ? nextDayStart(w.zone, now) : now + ms;
  return block(
    budget,
    until,
    `the server answered 407 (too many calls), waiting out its ${describeWindow(ms)} window`,
    w?.daily === true,
    now,
  );
}

/**
 * 20618, the day's budget is spent. Calendar days: until the next one begins. Sliding:
 * until a day after the oldest call of the last 24 hours we know of, when at least that
 * call (and any older one the server counted) has left the server's window.
 */
export function after20618(budget: Budget, zone: string | undefined, now: number): number {
  const oldest = budget.stamps.find((t) => t > now - DAY);
  const until = zone ? nextDayStart(zone, now) : (oldest ?? now) + DAY;
  return block(budget, until, 'the daily call limit is spent (20618)', true, now);
}

function block(budget: Budget, until: number, reason: string, daily: boolean, now: number): number {
  if (until > budget.blockedUntil) {
    budget.blockedUntil = until;
    budget.blockedReason = reason;
    budget.blockedDaily = daily;
  }
  return budget.blockedUntil - now;
}
