import { dayStart, nextDayStart } from '../day-zone';
import type { WindowSpec } from '../store/types';
import { HOUR } from './rules';
import type { Window } from './window';

/** The windows as a shared ledger judges them at `now`: the same bounds as quota/window.ts. */
export function specsAt(windows: Window[], now: number): WindowSpec[] {
  return windows.map((w) =>
    w.zone
      ? {
          from: dayStart(w.zone, now),
          inclusive: true,
          count: w.count,
          windowMs: w.windowMs,
          next: nextDayStart(w.zone, now),
        }
      : { from: now - w.windowMs, inclusive: false, count: w.count, windowMs: w.windowMs },
  );
}

/** How long call times must be kept: a little more than the longest window (calendar days can last 25 hours). */
export function keepOf(windows: Window[]): number {
  return Math.max(0, ...windows.map((w) => (w.zone ? 26 * HOUR : w.windowMs)));
}
