import type { Budget } from './ledger';
import { describeWindow } from './rules';
import { earliestFit, resetOf, usedAt, type Window } from './window';

export interface LimitInfo {
  limit: number;
  used: number;
  remaining: number;
  windowMs: number;
  /** "minute", "5 minutes", "day". */
  window: string;
  daily: boolean;
  /** Time zone of a calendar-day budget; absent for sliding windows. */
  zone?: string;
  /** When the oldest call leaves the window (or the calendar day ends); absent when unused. */
  resetAt?: number;
}

/**
 * One endpoint's quota as flows and the editor see it. The headline numbers are those of
 * its longest window (the daily budget where there is one): that is what a user plans with.
 * `nextAt` says when a shorter window (one a minute) lets the next call through.
 */
export interface QuotaInfo {
  endpoint: string;
  remaining?: number;
  limit?: number;
  used?: number;
  windowMs?: number;
  window?: string;
  resetAt?: number;
  nextAt?: number;
  limits?: LimitInfo[];
  blockedUntil?: number;
  blockedReason?: string;
  /** Shared budget key, when this endpoint counts together with others. */
  shared?: string;
  /** Calls queued for this budget and not yet admitted (a monitor yields to them). */
  queued?: number;
  /** Operations (groups, calls that went ahead of the queue) admitted and not yet ended. */
  active?: number;
}

function limitInfo(budget: Budget, w: Window, now: number): LimitInfo {
  const used = usedAt(budget.stamps, w, now);
  const out: LimitInfo = {
    limit: w.count,
    used,
    remaining: Math.max(0, w.count - used),
    windowMs: w.windowMs,
    window: describeWindow(w.windowMs),
    daily: w.daily,
  };
  if (w.zone) out.zone = w.zone;
  const reset = resetOf(budget.stamps, w, now);
  if (reset !== undefined) out.resetAt = reset;
  return out;
}

export function describeBudget(
  endpoint: string,
  windows: Window[],
  budget: Budget | undefined,
  now: number,
  pausedUntil: number,
  shared?: string,
): QuotaInfo {
  const out: QuotaInfo = { endpoint };
  if (shared) out.shared = shared;
  if (budget && budget.waiting > 0) out.queued = budget.waiting;
  const active = budget ? budget.queue.filter((e) => e.granted).length + budget.cutIns.size : 0;
  if (active > 0) out.active = active;
  if (windows.length === 0 || !budget) return out;
  const limits = windows.map((w) => limitInfo(budget, w, now));
  const head = limits.reduce((a, b) => (b.windowMs > a.windowMs ? b : a));
  Object.assign(out, {
    remaining: head.remaining,
    limit: head.limit,
    used: head.used,
    windowMs: head.windowMs,
    window: head.window,
    limits,
  });
  if (head.resetAt !== undefined) out.resetAt = head.resetAt;
  let next = Math.max(now, pausedUntil, budget.blockedUntil);
  for (const w of windows) next = Math.max(next, earliestFit(budget.stamps, w, now));
  if (next > now && Number.isFinite(next)) out.nextAt = next;
  if (budget.blockedUntil > now) {
    out.blockedUntil = budget.blockedUntil;
    if (budget.blockedReason) out.blockedReason = budget.blockedReason;
    if (budget.blockedDaily || budget.blockedUntil - now >= head.windowMs) {
      out.remaining = 0;
      out.resetAt = budget.blockedUntil;
    }
  }
  return out;
}
