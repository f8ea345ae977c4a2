import type { Redis } from 'ioredis';
import { FusionSolarError } from '../errors';
import type { OwnLedger } from './own-ledger';
import { DAY_MS } from './redis-reseed';
import { BLOCK, PAUSE, TAKE } from './redis-scripts';
import type { Admission, SharedLedger, WindowSpec } from './types';

/** An unanswered call counts as on its way for this long (clock ms): longer than any timeout. */
const PENDING_MS = 5 * 60_000;

/** What an instance does while Redis is away, for the log. */
export function fallbackText(h: Pick<LedgerHost, 'fallback' | 'seen' | 'instances'>): string {
  if (h.fallback === 'stop') return 'no call is made until it is back';
  if (h.seen) return `this instance keeps to its share (1/${h.instances}) of each quota until it is back`;
  return 'no call is made until it is reached once (the number of instances is unknown)';
}

export function offlineError(h: Pick<LedgerHost, 'fallback' | 'seen'>, endpoint?: string): FusionSolarError {
  return new FusionSolarError('STORE_OFFLINE', {
    endpoint,
    message:
      h.fallback === 'stop' || h.seen
        ? `The shared state store (Redis) is unreachable and "If Redis is away" is ` +
          `"${h.fallback === 'stop' ? 'stop' : 'local ledger'}": the call was not made`
        : 'The shared state store (Redis) was never reached, so the number of instances sharing the ' +
          'account is unknown: the call was not made',
  });
}

/** What the shared ledger needs of its Redis store. */
export interface LedgerHost {
  readonly redis: Redis;
  readonly own: OwnLedger;
  readonly fallback: 'local' | 'stop';
  /** Redis was reached, or the local copy tells the instances last seen. */
  readonly seen: boolean;
  readonly online: boolean;
  readonly instances: number;
  /** After Redis came back empty: until then (real ms) each instance also keeps to its share. */
  readonly settleUntil: number;
  k(name: string): string;
  write(fn: (r: Redis) => Promise<unknown>): Promise<void>;
  offline(endpoint?: string): FusionSolarError;
  saveCopy(): void;
}

/**
 * The account's quota ledger in Redis: admission is one Lua step (TAKE), so no two
 * instances take the last call of a window; while Redis is away each instance keeps to its
 * share of every window ('local') or makes no call ('stop').
 */
export class RedisLedger implements SharedLedger {
  constructor(private readonly h: LedgerHost) {}

  async take(key: string, windows: WindowSpec[], now: number, keepMs: number): Promise<Admission> {
    const local = (): Admission => {
      if (this.h.fallback === 'stop' || !this.h.seen) throw this.h.offline(key);
      const r = this.h.own.takeShare(key, windows, now, keepMs, this.h.instances);
      if (r.ok) this.h.saveCopy();
      return r;
    };
    if (!this.h.online) return local();
    if (Date.now() < this.h.settleUntil) {
      // Redis came back empty: until every instance has re-seeded, also keep to our share.
      const share = this.h.own.takeShare(key, windows, now, keepMs, this.h.instances);
      if (!share.ok) return share;
      this.h.own.drop(key, share.member);
    }
    const member = this.h.own.nextMember();
    const args = [
      now,
      member,
      keepMs,
      DAY_MS,
      windows.length,
      ...windows.flatMap((w) => [w.from, w.inclusive ? 1 : 0, w.count, w.windowMs, w.next ?? -1]),
      PENDING_MS,
    ];
    let res: unknown;
    try {
      res = await this.h.redis.eval(
        TAKE,
        4,
        this.h.k(`q:${key}`),
        this.h.k(`qb:${key}`),
        this.h.k('pause'),
        this.h.k(`qp:${key}`),
        ...args,
      );
    } catch {
      return local();
    }
    const out = res as Array<string | number>;
    if (Number(out[0]) !== 1) return { ok: false, at: Number(out[1]), reason: String(out[2]) };
    this.h.own.add(key, member, now, keepMs);
    this.h.saveCopy();
    const stamps: number[] = [];
    for (let i = 2; i < out.length; i += 2) stamps.push(Number(out[i]));
    return { ok: true, member, stamps };
  }

  drop(key: string, member: string): void {
    this.h.own.drop(key, member);
    this.h.saveCopy();
    void this.h.write((r) =>
      r
        .multi()
        .hdel(this.h.k(`qp:${key}`), member)
        .zrem(this.h.k(`q:${key}`), member)
        .exec(),
    );
  }

  move(key: string, member: string, t: number): void {
    this.h.own.move(key, member, t);
    this.h.saveCopy();
    void this.h.write((r) =>
      r
        .multi()
        .hdel(this.h.k(`qp:${key}`), member)
        .zadd(this.h.k(`q:${key}`), t, member)
        .exec(),
    );
  }

  block(key: string, until: number, reason: string, daily: boolean): void {
    this.h.own.block(key, until, reason, daily);
    this.h.saveCopy();
    void this.h.write((r) => r.eval(BLOCK, 1, this.h.k(`qb:${key}`), until, reason, daily ? 1 : 0, DAY_MS));
  }

  pause(until: number): void {
    this.h.own.pausedUntil = Math.max(this.h.own.pausedUntil, until);
    this.h.saveCopy();
    void this.h.write((r) => r.eval(PAUSE, 1, this.h.k('pause'), until, DAY_MS));
  }
}
