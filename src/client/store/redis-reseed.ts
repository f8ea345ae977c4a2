import type { Redis } from 'ioredis';
import type { OwnLedger } from './own-ledger';
import { BLOCK, PAUSE, POLLS_MAX } from './redis-scripts';
import type { AccountSnapshot } from './types';

/** Expiry of the account's Redis keys (real ms): a little more than the longest quota window. */
export const DAY_MS = 26 * 3600_000;

/**
 * Writes back what this instance knows after a (re)connect: its own calls, blocks and the
 * gateway pause, the session, latch, fleet and poll times. NX and the scripts' max() keep
 * whatever is newer in Redis, so a Redis that merely reconnected loses nothing, and one
 * that restarted empty gets every instance's calls back (no 407 from a forgotten call,
 * no login storm from a forgotten token).
 */
export async function reseed(
  r: Redis,
  k: (name: string) => string,
  own: OwnLedger,
  cache: AccountSnapshot,
  empty: boolean,
): Promise<void> {
  for (const b of own.entries(empty)) {
    if (b.calls.length) {
      await r.zadd(k(`q:${b.key}`), 'NX', ...b.calls.flatMap(([m, t]) => [t, m]));
      await r.pexpire(k(`q:${b.key}`), DAY_MS);
    }
    if (b.blockedUntil) await r.eval(BLOCK, 1, k(`qb:${b.key}`), b.blockedUntil, b.reason, b.daily ? 1 : 0, DAY_MS);
  }
  if (own.pausedUntil) await r.eval(PAUSE, 1, k('pause'), own.pausedUntil, DAY_MS);
  if (cache.session) await r.set(k('session'), JSON.stringify(cache.session), 'PX', DAY_MS, 'NX');
  if (cache.rejected) await r.set(k('rejected'), JSON.stringify(cache.rejected), 'NX');
  if (cache.fleet) await r.set(k('fleet'), JSON.stringify(cache.fleet), 'NX');
  const polls = Object.entries(cache.polls);
  if (polls.length) await r.eval(POLLS_MAX, 1, k('polls'), DAY_MS, ...polls.flatMap(([key, t]) => [key, String(t)]));
}
