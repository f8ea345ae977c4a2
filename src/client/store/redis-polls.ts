import type { Redis } from 'ioredis';
import { DAY_MS } from './redis-reseed';
import { CLAIM_POLL, RELEASE_POLL } from './redis-scripts';
import type { PollClaim } from './types';

/**
 * How long the instance that made a poll keeps the next one to itself (clock ms): wake-up jitter, not a failover delay.
 */
export function pollGrace(periodMs: number): number {
  return Math.max(10_000, Math.floor(periodMs / 10));
}

interface PollHost {
  readonly redis: Redis;
  readonly instance: string;
  k(name: string): string;
}

/** One atomic claim in Redis (CLAIM_POLL); undefined when Redis did not answer. */
export async function claimInRedis(
  h: PollHost,
  key: string,
  at: number,
  periodMs: number,
): Promise<PollClaim | undefined> {
  try {
    const out = (await h.redis.eval(
      CLAIM_POLL,
      2,
      h.k('polls'),
      h.k('owners'),
      key,
      at,
      periodMs,
      h.instance,
      pollGrace(periodMs),
      DAY_MS,
    )) as Array<string | number>;
    if (Number(out[0]) !== 1) return { ok: false, next: Number(out[1]) };
    return out[1] === undefined ? { ok: true } : { ok: true, previous: Number(out[1]) };
  } catch {
    return undefined;
  }
}

/** Gives a claimed poll back (RELEASE_POLL); a Redis that does not answer keeps the claim. */
export async function releaseInRedis(
  h: PollHost,
  key: string,
  at: number,
  previous: number | undefined,
): Promise<void> {
  await h.redis
    .eval(
      RELEASE_POLL,
      2,
      h.k('polls'),
      h.k('owners'),
      key,
      String(at),
      h.instance,
      previous === undefined ? '' : String(previous),
    )
    .catch(() => undefined);
}
