import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FusionSolarError } from '../errors';
import { LocalStore } from './local-store';
import { Mutex } from './mutex';
import { OwnLedger } from './own-ledger';
import { connectRedis, type RedisTarget } from './redis-connect';
import { sleepReal, tryLocked } from './redis-lock';
import { DAY_MS, reseed } from './redis-reseed';
import { DROP_SESSION, POLLS_MAX } from './redis-scripts';
import { fallbackText, offlineError, RedisLedger, type LedgerHost } from './redis-ledger';
import { claimInRedis, releaseInRedis } from './redis-polls';
import { FleetFeed } from './redis-fleet';
import { decodeJson } from './snapshot';
import type {
  AccountSnapshot,
  PollClaim,
  SharedLedger,
  StateStore,
  StoreHealth,
  StoredFleet,
  StoredRejection,
  StoredSession,
  StoreProblem,
} from './types';

export interface RedisStoreOptions extends RedisTarget {
  account: string;
  /**
   * Folder of this instance's local copy (token, latch, fleet, its own calls, the instances
   * last seen, the monitors' memory): a start while Redis is away works from it.
   */
  dir?: string;
  /** While Redis is away: 'local' keeps to this instance's share of each quota, 'stop' makes no call. */
  fallback: 'local' | 'stop';
  onProblem?: (p: StoreProblem) => void;
  /** After Redis lost its data, how long every instance keeps to its share while all re-seed (real ms). */
  settleMs?: number;
  heartbeatMs?: number;
  lockTtlMs?: number;
}

/**
 * The account's state in Redis, shared by every instance that uses the same Redis: one
 * session (a login lock), one quota ledger (atomic admission in Lua), one rejection latch,
 * one fleet. What this instance did is also kept here (OwnLedger, cache) so a Redis that
 * restarts empty is re-seeded instead of inviting a login storm and 407s.
 */
export class RedisStore implements StateStore, LedgerHost {
  readonly kind = 'redis' as const;
  readonly instance = randomBytes(6).toString('hex');
  health: StoreHealth = 'offline';
  instances = 1;
  /** Redis was reached, or the local copy tells the instances last seen: a local share can be judged. */
  seen = false;
  private readonly copy: LocalStore | undefined;
  private readonly fleet = new FleetFeed();
  private epoch: string | undefined;
  settleUntil = 0;
  /** Redis lost our data since we last were online: settle once we are back. */
  private lost = false;
  readonly redis: Redis;
  readonly own = new OwnLedger(this.instance);
  private readonly cache: AccountSnapshot = { polls: {} };
  private readonly listeners = new Set<(h: StoreHealth) => void>();
  private readonly locks = new Map<string, Mutex>();
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;
  readonly shared: SharedLedger = new RedisLedger(this);

  get fallback(): 'local' | 'stop' {
    return this.opts.fallback;
  }

  constructor(private readonly opts: RedisStoreOptions) {
    this.copy = opts.dir
      ? new LocalStore({
          dir: opts.dir,
          account: opts.account,
          name: `${opts.account}.redis.json`,
          onProblem: opts.onProblem,
        })
      : undefined;
    this.redis = connectRedis(opts, (e) => this.problem(`Redis: ${e.message}`));
    this.redis.on('ready', () => void this.onReady());
    this.redis.on('close', () => this.setHealth('offline'));
  }

  k(name: string): string {
    return `fusionsolar:{${this.opts.account}}:${name}`;
  }

  private problem(message: string): void {
    this.opts.onProblem?.({ message });
  }

  get online(): boolean {
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

  /** Fleet sizes other instances learned (read with each heartbeat). */
  onFleet(listener: (f: StoredFleet) => void): () => void {
    return this.fleet.on(listener);
  }

  async load(): Promise<AccountSnapshot> {
    if (this.copy) this.adoptCopy(await this.copy.load());
    try {
      await this.redis.connect();
      await this.ready;
    } catch (err) {
      this.problem(`Redis unreachable at start (${(err as Error).message}): ${fallbackText(this)}`);
    }
    return this.cache;
  }

  /** What this instance kept locally: the session and its own calls count before Redis answers. */
  private adoptCopy(snap: AccountSnapshot): void {
    Object.assign(this.cache, {
      session: snap.session,
      rejected: snap.rejected,
      fleet: snap.fleet,
      polls: { ...snap.polls },
      monitors: snap.monitors,
    });
    if (snap.ledger) this.own.restore(snap.ledger);
    if (snap.instances !== undefined) {
      this.instances = snap.instances;
      this.seen = true;
    }
  }

  saveCopy(): void {
    this.copy?.saveLedger(this.own.toStored());
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
    await reseed(this.redis, (n) => this.k(n), this.own, this.cache, created);
    const [session, rejected, fleet, polls] = await Promise.all([
      r.get(this.k('session')),
      r.get(this.k('rejected')),
      r.get(this.k('fleet')),
      r.hgetall(this.k('polls')),
    ]);
    this.cache.session = decodeJson<StoredSession>('session', session) ?? this.cache.session;
    this.cache.rejected = decodeJson<StoredRejection>('rejected', rejected) ?? this.cache.rejected;
    this.fleet.learn(this.cache, decodeJson<StoredFleet>('fleet', fleet));
    for (const [key, v] of Object.entries(polls))
      if (Number(v) > (this.cache.polls[key] ?? 0)) this.cache.polls[key] = Number(v);
    this.copy?.saveFleet(this.cache.fleet ?? { plants: 1, devices: 1 });
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
    const res = await this.redis
      .multi()
      .zadd(key, now, this.instance)
      .zremrangebyscore(key, '-inf', now - span)
      .zcard(key)
      .pexpire(key, span * 2)
      .get(this.k('fleet'))
      .exec();
    const count = Math.max(1, Number(res?.[2]?.[1] ?? 1));
    // While the others re-seed after an outage, they may not have counted themselves in yet.
    this.instances = this.lost || now < this.settleUntil ? Math.max(this.instances, count) : count;
    this.copy?.saveInstances(this.instances);
    const fleet = res?.[4]?.[1];
    if (typeof fleet === 'string') this.fleet.learn(this.cache, decodeJson<StoredFleet>('fleet', fleet));
  }

  /** Runs a write now if Redis is there; the cache keeps it for the re-seed otherwise. */
  write(fn: (r: Redis) => Promise<unknown>): Promise<void> {
    if (!this.online) return Promise.resolve();
    return fn(this.redis).then(
      () => undefined,
      (err: Error) => this.problem(`Redis write failed: ${err.message}`),
    );
  }

  offline(endpoint?: string): FusionSolarError {
    return offlineError(this, endpoint);
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
    void this.copy?.saveSession(s);
    await this.write((r) => r.set(this.k('session'), JSON.stringify(s), 'PX', DAY_MS));
  }

  async dropSession(token: string): Promise<void> {
    if (this.cache.session?.token === token) this.cache.session = undefined;
    void this.copy?.dropSession(token);
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
    void this.copy?.saveRejection(r);
    await this.write((redis) => (r ? redis.set(this.k('rejected'), JSON.stringify(r)) : redis.del(this.k('rejected'))));
  }

  saveFleet(f: StoredFleet): void {
    this.cache.fleet = { ...f };
    this.copy?.saveFleet(f);
    void this.write((r) => r.set(this.k('fleet'), JSON.stringify(f)));
  }

  /** The shared ledger is the truth here; this instance's own calls are kept by take(). */
  saveLedger(): void {}

  savePoll(key: string, at: number): void {
    this.cache.polls[key] = Math.max(at, this.cache.polls[key] ?? 0);
    this.copy?.savePoll(key, this.cache.polls[key]);
    void this.write((r) => r.eval(POLLS_MAX, 1, this.k('polls'), DAY_MS, key, String(at)));
  }

  async claimPoll(key: string, at: number, periodMs: number): Promise<PollClaim> {
    const taken = this.online ? await claimInRedis(this, key, at, periodMs) : undefined;
    if (taken && !taken.ok) return taken;
    // Away: polls are this instance's own, within its share of the quota (local), or none (stop).
    if (!taken && (this.opts.fallback === 'stop' || !this.seen)) return { ok: false, next: at + 60_000 };
    const previous = taken ? taken.previous : this.cache.polls[key];
    this.cache.polls[key] = at;
    this.copy?.savePoll(key, at);
    if (!taken) void this.write((r) => r.eval(POLLS_MAX, 1, this.k('polls'), DAY_MS, key, String(at)));
    return previous === undefined ? { ok: true } : { ok: true, previous };
  }

  releasePoll(key: string, at: number, previous: number | undefined): void {
    if (this.cache.polls[key] === at) {
      if (previous === undefined) delete this.cache.polls[key];
      else this.cache.polls[key] = previous;
    }
    this.copy?.releasePoll(key, at, previous);
    if (this.online) void releaseInRedis(this, key, at, previous);
  }

  saveMonitor(id: string, state: unknown): void {
    (this.cache.monitors ??= {})[id] = state;
    this.copy?.saveMonitor(id, state);
  }

  /** Writes go to Redis as they happen (a lost one is re-seeded on reconnect); the local copy is written now. */
  async flush(): Promise<void> {
    await this.copy?.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.redis.status === 'ready') {
      await this.redis.zrem(this.k('instances'), this.instance).catch(() => undefined);
      await this.redis.quit().catch(() => undefined);
    }
    this.redis.disconnect();
    await this.copy?.close();
  }
}
