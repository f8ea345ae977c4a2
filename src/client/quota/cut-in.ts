import { fitAt } from './fit';
import type { Budget, QueueEntry } from './ledger';
import type { Taken } from './permit';
import { schedule } from './pace';
import { insertSorted, type Window } from './window';

/**
 * When each caller in `queue` would start from `from` on `stamps`, in arrival order: a
 * group at its own pace (fitAt), the next caller after its last call. A granted group
 * admits its remaining calls one by one, so each of them has a start to keep.
 */
function startsOf(
  windows: Window[],
  budget: Budget,
  pausedUntil: number,
  stamps: readonly number[],
  from: number,
  queue: readonly QueueEntry[],
): number[] {
  const s = [...stamps];
  const out: number[] = [];
  let at = from;
  for (const e of queue) {
    const parts = e.granted ? Array.from({ length: e.n }, () => 1) : [e.n];
    for (const n of parts) {
      const fit = fitAt(windows, budget, pausedUntil, s, at, n);
      out.push(fit.at);
      if (!Number.isFinite(fit.at)) continue;
      const times = n === 1 ? [fit.at] : schedule(windows, s, fit.at, n, Infinity);
      for (const t of times) insertSorted(s, t);
      at = times[times.length - 1];
    }
  }
  return out;
}

/**
 * Whether a newcomer of `n` calls may go ahead of the callers queued for the budget: it
 * fits now, and with its calls made (at its own pace from now; a caller that holds the
 * queue, a lane call or a group, until its last one) no caller queued ahead starts later
 * than it would without it. So calls the quota leaves room for are not held back by a
 * group waiting for its pace, and no queued caller is ever pushed later by a later arrival.
 * A group never cuts into a granted group (two operations never interleave), and only one
 * holder goes ahead at a time: the starts above count calls already made, not promised.
 */
export function mayCutIn(
  windows: Window[],
  budget: Budget,
  pausedUntil: number,
  now: number,
  n: number,
  hold: boolean,
): boolean {
  if (budget.queue.length === 0 || budget.cutIns.size > 0) return false;
  if (n > 1 && budget.queue.some((e) => e.granted)) return false;
  if (fitAt(windows, budget, pausedUntil, budget.stamps, now, n).at > now) return false;
  const before = startsOf(windows, budget, pausedUntil, budget.stamps, now, budget.queue);
  const mine = n === 1 ? [now] : schedule(windows, budget.stamps, now, n, Infinity);
  const stamps = [...budget.stamps];
  for (const t of mine) insertSorted(stamps, t);
  const after = startsOf(windows, budget, pausedUntil, stamps, hold ? mine[mine.length - 1] : now, budget.queue);
  return after.every((t, i) => t <= before[i]);
}

/**
 * Admits a caller that may cut in (`admit` finds room at once); one that holds the queue (a
 * lane call, a group) is waited for by every other caller until `done`.
 */
export async function goAhead(
  budget: Budget,
  n: number,
  hold: boolean,
  record: boolean,
  admit: () => Promise<Taken>,
): Promise<{ taken: Taken; done: () => void }> {
  let done: () => void = () => undefined;
  if (hold) {
    const finished = new Promise<void>((r) => (done = r));
    budget.cutIns.add(finished);
    void finished.then(() => budget.cutIns.delete(finished));
  }
  budget.waiting += n;
  try {
    const taken = await admit();
    if (record) budget.waiting -= n;
    return { taken, done };
  } catch (err) {
    budget.waiting -= n;
    done();
    throw err;
  }
}

/** Takes a caller's entry out of the queue (admitted, ended or given up). */
export function leave(budget: Budget, entry: QueueEntry): void {
  const i = budget.queue.indexOf(entry);
  if (i >= 0) budget.queue.splice(i, 1);
}
