import { dayStart, nextDayStart } from '../day-zone';
import { isDaily, type QuotaLimit } from './rules';

/**
 * Window arithmetic over a sorted list of call times. A sliding window holds the calls in
 * (t - window, t]; a calendar day holds the calls since the day began in the account's zone.
 */
export interface Window {
  count: number;
  windowMs: number;
  daily: boolean;
  /** Time zone of a calendar-day budget; undefined means a sliding window. */
  zone?: string;
}

export function windowOf(limit: QuotaLimit, count: number, zone: string | undefined): Window {
  const daily = isDaily(limit);
  return { count, windowMs: limit.windowMs, daily, zone: daily && zone ? zone : undefined };
}

/** Index of the first stamp inside the window at time `t`. */
function firstInside(stamps: readonly number[], w: Window, t: number): number {
  const from = w.zone ? dayStart(w.zone, t) : t - w.windowMs;
  let i = 0;
  // Calendar days include a call made exactly at midnight; sliding windows exclude one
  // made exactly a window ago (the simulator and live servers agree on this).
  while (i < stamps.length && (w.zone ? stamps[i] < from : stamps[i] <= from)) i++;
  return i;
}

export function usedAt(stamps: readonly number[], w: Window, t: number): number {
  return stamps.length - firstInside(stamps, w, t);
}

/**
 * Earliest time >= `t` at which `n` more calls fit, given no stamp is later than `t`.
 * Infinity when `n` exceeds the window's whole budget.
 */
export function earliestFit(stamps: readonly number[], w: Window, t: number, n = 1): number {
  const first = firstInside(stamps, w, t);
  const used = stamps.length - first;
  if (used + n <= w.count) return t;
  if (n > w.count) return Infinity;
  if (w.zone) return nextDayStart(w.zone, t);
  // The oldest calls must leave the window until only count - n remain.
  return stamps[first + used + n - w.count - 1] + w.windowMs;
}

/** When the oldest call in the window leaves it (sliding) or the day ends (calendar). */
export function resetOf(stamps: readonly number[], w: Window, t: number): number | undefined {
  const first = firstInside(stamps, w, t);
  if (first >= stamps.length) return undefined;
  return w.zone ? nextDayStart(w.zone, t) : stamps[first] + w.windowMs;
}

/** Inserts `t` keeping the list sorted. */
export function insertSorted(stamps: number[], t: number): void {
  let i = stamps.length;
  while (i > 0 && stamps[i - 1] > t) i--;
  stamps.splice(i, 0, t);
}

/** Removes one occurrence of `t`; false when it was already trimmed. */
export function removeStamp(stamps: number[], t: number): boolean {
  const i = stamps.lastIndexOf(t);
  if (i < 0) return false;
  stamps.splice(i, 1);
  return true;
}
