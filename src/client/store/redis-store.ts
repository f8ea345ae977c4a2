import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { FusionSolarError } from '../errors';
import { Mutex } from './mutex';
import { OwnLedger } from './own-ledger';
import { connectRedis, type RedisTarget } from './redis-connect';
import { holdLease, sleepReal, tryLocked } from './redis-lock';
import { DAY_MS, reseed } from './redis-reseed';
import { BLOCK, DROP_SESSION, PAUSE, TAKE } from './redis-scripts';
import { decodeJson } from './snapshot';
import type { AccountSnapshot, Admission, SharedLedger, StateStore, StoreHealth, StoredFleet, StoredRejection, StoredSession, StoreProblem, WindowSpec } from './types';

export interface RedisStoreOptions extends RedisTarget {
  account: string;
  /** While Redis is away: 'local' keeps to this instance's share of each quota, 'stop' makes no call. */
  fallback: 'local' | 'stop';
  onProblem?: (p: StoreProblem) => void;
  /** After Redis lost its data, how long every instance keeps to its share while all re-seed (real ms). */
  settleMs?: number;
  heartbeatMs?: number;
  lockTtlMs?: number;
}

/** An unanswered call counts as on its way for this long (clock ms): longer than any timeout. */
const PENDING_MS = 5 * 60_000;

/**
 * The account's state in Redis, shared by every instance that uses the same Redis: one
 * session (a login lock), one quota ledger (atomic admission in Lua), one rejection latch,
 * one fleet. What this instance did is also kept here (OwnLedger, cache) so a Redis that
 * restarts empty is re-seeded instead of inviting a login storm and 407s.
 */
export class RedisStore implements StateStore, SharedLedger {
  readonly kind = 'redis' as const;
  readonly instance = randomBytes(6).toString('hex');
  health: StoreHealth = 'offline';
  instances = 1;
  private seen = false;
  private epoch: string | undefined;
  private settleUntil = 0;
  /** Redis lost our data since we last were online: settle once we are back. */
  private lost = false;
  private readonly redis: Redis;
  private readonly own = new OwnLedger(this.instance);
  private readonly cache: AccountSnapshot = { polls: {} };
  private readonly listeners = new Set<(h: StoreHealth) => void>();
  private readonly locks = new Map<string, Mutex>();
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;
  readonly shared: SharedLedger = this;

  constructor(private readonly opts: RedisStoreOptions) {
    this.redis = connectRedis(opts, (e) => this.problem(`Redis: ${e.message}`));
    this.redis.on('ready', () => void this.onReady());
    this.redis.on('close', () => this.setHealth('offline'));
  }

  private k(name: string): string {
    return `fusionsolar:{${this.opts.account}}:${name}`;
  }

  private problem(message: string): void {
    this.opts.onProblem?.({ message });
  }

  private get online(): boolean {
    return this.health === 'online' && this.redis.status === 'ready';
  }

  private setHealth(h: StoreHealth): void {
    if (this.health === h) return;
    this.health = h;
    for (const l of [...this.listeners]) l(h);
  }

  onHealth(listener: (h: StoreHealth) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<AccountSnapshot> {
    try {
      await this.redis.connect();
      await this.ready;
    } catch (err) {
      this.problem(`Redis unreachable at start (${(err as Error).message}): ${this.opts.fallback === 'stop' ? 'no call is made' : 'no call is made until the instances are known'} until it is back`);
    }
    return this.cache;
  }

  private ready: Promise<void> = Promise.resolve();

  private onReady(): void {
    this.ready = this.resume().catch((err: Error) => this.problem(`Redis: resuming failed: ${err.message}`));
  }

  /** (Re)connected: count the instances, write back what Redis may have lost, read the rest. */
  private async resume(): Promise<void> {
    const r = this.redis;
    const created = (await r.set(this.k('epoch'), this.instance, 'NX')) === 'OK';
    const epoch = (await r.get(this.k('epoch'))) ?? this.instance;
    const lost = this.epoch !== undefined && (created || epoch !== this.epoch);
    this.epoch = epoch;
    // Kept until a resume completes: a resume cut short by Redis flapping must not lose it.
    if (lost) this.lost = true;
    await this.beat();
    await reseed(this.redis, (n) => this.k(n), this.own, this.cache);
    const [session, rejected, fleet, polls] = await Promise.all([
      r.get(this.k('session')), r.get(this.k('rejected')), r.get(this.k('fleet')), r.hgetall(this.k('polls')),
    ]);
    this.cache.session = decodeJson<StoredSession>('session', session) ?? this.cache.session;
    this.cache.rejected = decodeJson<StoredRejection>('rejected', rejected) ?? this.cache.rejected;
    this.cache.fleet = decodeJson<StoredFleet>('fleet', fleet) ?? this.cache.fleet;
    for (const [key, v] of Object.entries(polls)) if (Number(v) > (this.cache.polls[key] ?? 0)) this.cache.polls[key] = Number(v);
    if (this.lost) {
      this.settleUntil = Date.now() + (this.opts.settleMs ?? 3000);
      this.lost = false;
    }
    this.seen = true;
    if (!this.heartbeat && !this.closed) {
      this.heartbeat = setInterval(() => void this.beat().catch(() => undefined), this.opts.heartbeatMs ?? 5000);
      this.heartbeat.unref();
    }
    this.setHealth('online');
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    const key = this.k('instances');
    const span = 3 * (this.opts.heartbeatMs ?? 5000);
    const res = await this.redis.multi().zadd(key, now, this.instance).zremrangebyscore(key, '-inf', now - span).zcard(key).pexpire(key, span * 2).exec();
    const count = Math.max(1, Number(res?.[2]?.[1] ?? 1));
    // While the others re-seed after an outage, they may not have counted themselves in yet.
    this.instances = this.lost || now < this.settleUntil ? Math.max(this.instances, count) : count;
  }

  /** Runs a write now if Redis is there; the cache keeps it for the re-seed otherwise. */
  private write(fn: (r: Redis) => Promise<unknown>): Promise<void> {
    if (!this.online) return Promise.resolve();
    return fn(this.redis).then(() => undefined, (err: Error) => this.problem(`Redis write failed: ${err.message}`));
  }

  private offline(endpoint?: string): FusionSolarError {
    return new FusionSolarError('STORE_OFFLINE', {
      endpoint,
      message: `The shared state store (Redis) is unreachable and "If Redis is away" is "${this.opts.fallback === 'stop' ? 'stop' : 'local ledger'}": the call was not made`,
    });
  }

  async session(): Promise<StoredSession | undefined> {
    if (this.online) {
      try {
        const s = decodeJson<StoredSession>('session', await this.redis.get(this.k('session')));
        this.cache.session = s;
        return s;
      } catch {
        // Fall through to what we last knew.
      }
    }
    return this.cache.session;
  }

  async saveSession(s: StoredSession): Promise<void> {
    this.cache.session = s;
    await this.write((r) => r.set(this.k('session'), JSON.stringify(s), 'PX', DAY_MS));
  }

  async dropSession(token: string): Promise<void> {
    if (this.cache.session?.token === token) this.cache.session = undefined;
    await this.write((r) => r.eval(DROP_SESSION, 1, this.k('session'), token));
  }

  async exclusive<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let m = this.locks.get(name);
    if (!m) this.locks.set(name, (m = new Mutex()));
    return m.run(async () => {
      const owner = `${this.instance}:${randomBytes(4).toString('hex')}`;
      for (;;) {
        if (!this.online) {
          if (this.opts.fallback === 'stop' || !this.seen) throw this.offline(name);
          return fn();
        }
        const r = await tryLocked(this.redis, this.k(`lock:${name}`), owner, this.opts.lockTtlMs ?? 30_000, fn);
        if (typeof r === 'object') return r.value;
        // Another instance logs in (its token is adopted next round), or Redis is going away.
        await sleepReal(50, signal);
      }
    });
  }

  async rejection(): Promise<StoredRejection | undefined> {
    if (this.online) {
      try {
        this.cache.rejected = decodeJson<StoredRejection>('rejected', await this.redis.get(this.k('rejected')));
      } catch {
        // What we last knew stands.
      }
    }
    return this.cache.rejected;
  }

  async saveRejection(r: StoredRejection | undefined): Promise<void> {
    this.cache.rejected = r;
    await this.write((redis) => (r ? redis.set(this.k('rejected'), JSON.stringify(r)) : redis.del(this.k('rejected'))));
  }

  saveFleet(f: StoredFleet): void {
    this.cache.fleet = { ...f };
    void this.write((r) => r.set(this.k('fleet'), JSON.stringify(f)));
  }

  /** The shared ledger is the truth here; this instance's own calls are kept by take(). */
  saveLedger(): void {}

  savePoll(key: string, at: number): void {
    this.cache.polls[key] = at;
    void this.write((r) => r.hset(this.k('polls'), key, String(at)));
  }

  async lease(key: string, ttlMs: number): Promise<boolean> {
    if (!this.online) return this.opts.fallback === 'local' && this.seen;
    return holdLease(this.redis, this.k(`lease:${key}`), this.instance, ttlMs);
  }

  async take(key: string, windows: WindowSpec[], now: number, keepMs: number): Promise<Admission> {
    const local = (): Admission => {
      if (this.opts.fallback === 'stop' || !this.seen) throw this.offline(key);
      return this.own.takeShare(key, windows, now, keepMs, this.instances);
    };
    if (!this.online) return local();
    if (Date.now() < this.settleUntil) {
      // Redis came back empty: until every instance has re-seeded, also keep to our share.
      const share = this.own.takeShare(key, windows, now, keepMs, this.instances);
      if (!share.ok) return share;
      this.own.drop(key, share.member);
    }
    const member = this.own.nextMember();
    const args = [now, member, keepMs, DAY_MS, windows.length, ...windows.flatMap((w) => [w.from, w.inclusive ? 1 : 0, w.count, w.windowMs, w.next ?? -1]), PENDING_MS];
    let res: unknown;
    try {
      res = await this.redis.eval(TAKE, 4, this.k(`q:${key}`), this.k(`qb:${key}`), this.k('pause'), this.k(`qp:${key}`), ...args);
    } catch {
      return local();
    }
    const out = res as Array<string | number>;
    if (Number(out[0]) !== 1) return { ok: false, at: Number(out[1]), reason: String(out[2]) };
    this.own.add(key, member, now, keepMs);
    const stamps: number[] = [];
    for (let i = 2; i < out.length; i += 2) stamps.push(Number(out[i]));
    return { ok: true, member, stamps };
  }

  drop(key: string, member: string): void {
    this.own.drop(key, member);
    void this.write((r) => r.multi().hdel(this.k(`qp:${key}`), member).zrem(this.k(`q:${key}`), member).exec());
  }

  move(key: string, member: string, t: number): void {
    this.own.move(key, member, t);
    void this.write((r) => r.multi().hdel(this.k(`qp:${key}`), member).zadd(this.k(`q:${key}`), t, member).exec());
  }

  block(key: string, until: number, reason: string, daily: boolean): void {
    this.own.block(key, until, reason, daily);
    void this.write((r) => r.eval(BLOCK, 1, this.k(`qb:${key}`), until, reason, daily ? 1 : 0, DAY_MS));
  }

  pause(until: number): void {
    this.own.pausedUntil = Math.max(this.own.pausedUntil, until);
    void this.write((r) => r.eval(PAUSE, 1, this.k('pause'), until, DAY_MS));
  }

  /** Writes go to Redis as they happen; a lost one is re-seeded on reconnect. */
  async flush(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.redis.status === 'ready') {
      await this.redis.zrem(this.k('instances'), this.instance).catch(() => undefined);
      await this.redis.quit().catch(() => undefined);
    }
    this.redis.disconnect();
  }
}
