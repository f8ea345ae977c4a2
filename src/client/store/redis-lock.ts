import type { Redis } from 'ioredis';
import { FusionSolarError } from '../errors';
import { DELETE_IF, EXTEND_IF } from './redis-scripts';

/** Waits on real time: Redis expiries are real milliseconds, whatever clock the client runs on. */
export function sleepReal(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new FusionSolarError('ABORTED', { endpoint: 'login' }));
      },
      { once: true },
    );
  });
}

/**
 * Runs `fn` holding the lock `key` (SET NX with an expiry, kept alive while `fn` runs, so a
 * crashed holder frees it). 'busy' when another instance holds it, 'failed' when Redis did
 * not answer; the caller decides whether to wait or to fall back.
 */
export async function tryLocked<T>(
  redis: Redis,
  key: string,
  owner: string,
  ttlMs: number,
  fn: () => Promise<T>,
): Promise<{ value: T } | 'busy' | 'failed'> {
  try {
    if ((await redis.set(key, owner, 'PX', ttlMs, 'NX')) !== 'OK') return 'busy';
  } catch {
    return 'failed';
  }
  const keep = setInterval(() => void redis.eval(EXTEND_IF, 1, key, owner, ttlMs).catch(() => undefined), ttlMs / 3);
  keep.unref();
  try {
    return { value: await fn() };
  } finally {
    clearInterval(keep);
    await redis.eval(DELETE_IF, 1, key, owner).catch(() => undefined);
  }
}
