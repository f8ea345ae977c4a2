import { FusionSolarError } from '../errors';
import type { Budget } from './ledger';
import { describeLimit, describeWindow, HOUR } from './rules';
import { groupStart } from './pace';
import { earliestFit, insertSorted, type Window } from './window';

/** When the next call (or group) fits, and what holds it back until then. */
export interface Fit {
  at: number;
  reason?: string;
  window?: Window;
  daily?: boolean;
}

const GATEWAY_REASON = 'the FusionSolar gateway asked every client to slow down (HTTP 403/429)';

/** Earliest time >= t at which `n` more calls fit every window, block and pause. */
export function fitAt(
  windows: Window[],
  budget: Budget,
  pausedUntil: number,
  stamps: readonly number[],
  t: number,
  n = 1,
): Fit {
  let fit: Fit = { at: t };
  if (pausedUntil > fit.at) fit = { at: pausedUntil, reason: GATEWAY_REASON };
  if (budget.blockedUntil > fit.at)
    fit = { at: budget.blockedUntil, reason: budget.blockedReason, daily: budget.blockedDaily };
  const reason = (w: Window): string =>
    `${describeLimit(w.count, w.windowMs)}${w.zone ? ` (calendar days in ${w.zone})` : ''} used`;
  // A budget of an hour or more must hold the whole group, or the operation cannot finish
  // in time; short windows only have to let the group go at its own best pace.
  const short = windows.filter((w) => w.windowMs < HOUR && !w.zone);
  for (const w of windows) {
    if (short.includes(w) && n > 1) continue;
    const at = earliestFit(stamps, w, t, n);
    if (at > fit.at) fit = { at, window: w, daily: w.daily, reason: reason(w) };
  }
  if (n > 1 && short.length && Number.isFinite(fit.at)) {
    const start = groupStart(short, stamps, fit.at, n);
    if (start.at > fit.at) {
      const w = start.window ?? short[0];
      fit = { at: start.at, window: w, daily: w.daily, reason: reason(w) };
    }
  }
  return fit;
}

/** When a newcomer's `n` calls fit, counting the calls queued ahead of it. */
export function projectAt(windows: Window[], budget: Budget, pausedUntil: number, now: number, n: number): Fit {
  const stamps = [...budget.stamps];
  let at = now;
  for (let i = 0; i < budget.waiting; i++) {
    const ahead = fitAt(windows, budget, pausedUntil, stamps, at);
    if (!Number.isFinite(ahead.at)) return ahead;
    insertSorted(stamps, ahead.at);
    at = ahead.at;
  }
  return fitAt(windows, budget, pausedUntil, stamps, at, n);
}

/** QUOTA naming the endpoint and the limit, with retryAfter when a time is known. */
export function quotaError(endpoint: string, fit: Fit, now: number, prefix = ''): FusionSolarError {
  const wait = fit.at - now;
  const known = Number.isFinite(wait);
  const w = fit.window;
  return new FusionSolarError('QUOTA', {
    endpoint,
    retryAfter: known ? wait : undefined,
    message: `Quota of ${endpoint}: ${prefix}${
      fit.reason ?? 'limit ' + 'reached'
    }${known ? `; next call possible in ${Math.ceil(wait / 1000)} s` : ''}`,
    details: { limit: w?.count, window: w ? describeWindow(w.windowMs) : undefined, daily: fit.daily === true },
  });
}
