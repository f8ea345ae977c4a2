import { earliestFit, insertSorted, type Window } from './window';

/** Times at which `n` calls go one after another from `t`, each as soon as every window has room. */
export function schedule(
  windows: readonly Window[],
  stamps: readonly number[],
  t: number,
  n: number,
  stopAt: number,
): number[] {
  const s = [...stamps];
  const times: number[] = [];
  let at = t;
  for (let i = 0; i < n; i++) {
    for (const w of windows) at = Math.max(at, earliestFit(s, w, at, 1));
    times.push(at);
    if (!Number.isFinite(at) || at >= stopAt) break;
    insertSorted(s, at);
  }
  return times;
}

/** When a group may start, and the window whose earlier calls held it back (if any did). */
export interface GroupStart {
  at: number;
  window?: Window;
}

/**
 * Earliest start >= `t` from which a group of `n` calls runs at the pace it would have on
 * an empty ledger: the calls made before it no longer slow any call of it down. Starting
 * earlier would only leave the group waiting mid-way (and a queued call past its longest
 * wait); asking for all `n` to fit a window at once, as a group of whole windows, would
 * wait for a window to clear that the group's own pace (a one-a-minute lane) spreads
 * anyway. Only short windows: daily budgets must hold the whole group (see fitAt).
 */
export function groupStart(windows: readonly Window[], stamps: readonly number[], t: number, n: number): GroupStart {
  if (windows.length === 0) return { at: t };
  const pace = schedule(windows, [], 0, n, Infinity);
  const span = Math.max(...windows.map((w) => w.windowMs));
  // Only calls still inside some window can slow the group; past the last one's exit both
  // schedules are the same from there on.
  const recent = stamps.filter((s) => s > t - span);
  const clear = recent.length ? recent[recent.length - 1] + span : t;
  let start = t;
  let held: Window | undefined;
  for (;;) {
    const times = schedule(windows, recent, start, n, clear);
    const late = times.findIndex((x, i) => x > start + pace[i]);
    if (late < 0) return { at: start, window: held };
    if (!Number.isFinite(times[late])) return { at: Infinity, window: held };
    held = windowAt(windows, recent, start, times, late) ?? held;
    // Any start before this one puts call `late` no later than here yet expects it earlier.
    start = times[late] - pace[late];
  }
}

/** The window that held call `i` back in `times`. */
function windowAt(
  windows: readonly Window[],
  stamps: readonly number[],
  start: number,
  times: number[],
  i: number,
): Window | undefined {
  const s = [...stamps];
  for (const x of times.slice(0, i)) insertSorted(s, x);
  const prev = i > 0 ? times[i - 1] : start;
  return windows.find((w) => earliestFit(s, w, prev, 1) >= times[i]);
}
