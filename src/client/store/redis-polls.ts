import type { Redis } from 'ioredis';
import { DAY_MS } from './redis-reseed';
import { CLAIM_POLL } from './redis-scripts';
import type { PollClaim } from './types';

/** How long the instance that made a poll keeps the next one to itself (clock ms): wake-up jitter, not a failover delay. */
export function pollGrace(periodMs: number): number {
  return Math.max(10_000, Math.floor(periodMs / 10));
}

interface PollHost {
  readonly redis: Redis;
  readonly instance: string;
  k(name: string): string;
}

/** One atomic claim in Redis (CLAIM_POLL); undefined when Redis did not answer. */
export async function claimInRedis(h: PollHost, key: string, at: number, periodMs: number): Promise<PollClaim | undefined> {
  try {
    const out = (await h.redis.eval(CLAIM_POLL, 2, h.k('polls'), h.k('owners'), key, at, periodMs, h.instance, pollGrace(periodMs), DAY_MS)) as Array<string | number>;
    return Number(out[0]) === 1 ? { ok: true } : { ok: false, next: Number(out[1]) };
  } catch {
    return undefined;
  }
}
