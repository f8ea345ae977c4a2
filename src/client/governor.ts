import type { Clock } from '../clock';
import { FusionSolarError } from './errors';
import { limitCount, type QuotaContext, type QuotaLimit, type QuotaRule } from './quota-rules';

export interface AdmitOptions {
  signal?: AbortSignal;
  /** Longest acceptable wait; past it the call fails fast with QUOTA. */
  maxWaitMs: number;
  onWait?: (ms: number) => void;
}

export interface QuotaInfo {
  endpoint: string;
  remaining?: number;
  limit?: number;
  windowMs?: number;
  used?: number;
  resetAt?: number;
}

export interface Permit {
  release(): void;
  info: QuotaInfo;
}

interface EndpointState {
  stamps: number[];
  blockedUntil: number;
  blockedReason?: string;
  tail: Promise<void>;
}

export type RuleLookup = (endpoint: string) => QuotaRule | undefined;

function describeWindow(ms: number): string {
  if (ms % 86_400_000 === 0) return ms === 86_400_000 ? 'day' : `${ms / 86_400_000} days`;
  if (ms % 60_000 === 0) return ms === 60_000 ? 'minute' : `${ms / 60_000} minutes`;
  return `${Math.round(ms / 1000)} s`;
}

/**
 * Admits calls under each endpoint's documented quota: sliding windows, one-at-a-time
 * lanes, server-reported exhaustion (407, 20618) and account-wide gateway pauses.
 * Calls to one endpoint are admitted in arrival order.
 */
export class Governor {
  private readonly states = new Map<string, EndpointState>();
  private pausedUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly rules: RuleLookup,
    private readonly context: () => QuotaContext,
  ) {}

  private state(endpoint: string): EndpointState {
    let s = this.states.get(endpoint);
    if (!s) {
      s = { stamps: [], blockedUntil: 0, tail: Promise.resolve() };
      this.states.set(endpoint, s);
    }
    return s;
  }

  private windowStart(limit: QuotaLimit, now: number): number {
    return now - limit.windowMs;
  }

  /** How long until one more call fits, and which limit holds it back. */
  private waitFor(endpoint: string, now: number): { wait: number; reason?: string } {
    const s = this.state(endpoint);
    let wait = 0;
    let reason: string | undefined;
    if (this.pausedUntil > now) {
      wait = this.pausedUntil - now;
      reason = 'the FusionSolar gateway asked every client to slow down (403/429)';
    }
    if (s.blockedUntil > now && s.blockedUntil - now > wait) {
      wait = s.blockedUntil - now;
      reason = s.blockedReason;
    }
    const rule = this.rules(endpoint);
    if (!rule) return { wait, reason };
    const ctx = this.context();
    for (const limit of rule.limits) {
      const count = limitCount(limit, ctx);
      const inWindow = s.stamps.filter((t) => t > this.windowStart(limit, now));
      if (inWindow.length >= count) {
        const w = inWindow[inWindow.length - count] + limit.windowMs - now;
        if (w > wait) {
          wait = w;
          reason = `${count} call${count === 1 ? '' : 's'} per ${describeWindow(limit.windowMs)}`;
        }
      }
    }
    return { wait, reason };
  }

  info(endpoint: string): QuotaInfo {
    const rule = this.rules(endpoint);
    const s = this.state(endpoint);
    const now = this.clock.now();
    const out: QuotaInfo = { endpoint };
    if (!rule || rule.limits.length === 0) return out;
    const ctx = this.context();
    let best: QuotaInfo | undefined;
    for (const limit of rule.limits) {
      const count = limitCount(limit, ctx);
      const inWindow = s.stamps.filter((t) => t > this.windowStart(limit, now));
      const remaining = Math.max(0, count - inWindow.length);
      const resetAt = inWindow.length ? inWindow[0] + limit.windowMs : now;
      if (!best || remaining < (best.remaining as number)) {
        best = { endpoint, remaining, limit: count, windowMs: limit.windowMs, used: inWindow.length, resetAt };
      }
    }
    if (best && s.blockedUntil > now) {
      best.remaining = 0;
      best.resetAt = s.blockedUntil;
    }
    return best ?? out;
  }

  snapshot(endpoints: string[]): QuotaInfo[] {
    return endpoints.map((e) => this.info(e));
  }

  admit(endpoint: string, opts: AdmitOptions): Promise<Permit> {
    const s = this.state(endpoint);
    const lane = this.rules(endpoint)?.lane ?? false;
    const started = this.clock.now();
    let releaseLane: () => void = () => undefined;
    const laneFree = new Promise<void>((r) => (releaseLane = r));
    const admitted = s.tail.then(() => this.waitTurn(endpoint, started, opts));
    // The next caller may go once this one is admitted (or, for a lane, done).
    s.tail = admitted.then(
      () => (lane ? laneFree : undefined),
      () => undefined,
    );
    return admitted.then(() => {
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          releaseLane();
        },
        info: this.info(endpoint),
      };
    });
  }

  private async waitTurn(endpoint: string, started: number, opts: AdmitOptions): Promise<void> {
    for (;;) {
      if (opts.signal?.aborted) throw new FusionSolarError('ABORTED', { endpoint });
      const now = this.clock.now();
      const { wait, reason } = this.waitFor(endpoint, now);
      if (wait <= 0) {
        this.record(endpoint, now);
        return;
      }
      if (now + wait - started > opts.maxWaitMs) {
        throw new FusionSolarError('QUOTA', {
          endpoint,
          retryAfter: wait,
          message: `Quota of ${endpoint}: ${reason ?? 'limit reached'}; next call possible in ${Math.ceil(wait / 1000)} s`,
        });
      }
      opts.onWait?.(wait);
      try {
        await this.clock.sleep(wait, opts.signal);
      } catch {
        throw new FusionSolarError('ABORTED', { endpoint });
      }
    }
  }

  private record(endpoint: string, now: number): void {
    const s = this.state(endpoint);
    s.stamps.push(now);
    const rule = this.rules(endpoint);
    const longest = Math.max(0, ...(rule?.limits.map((l) => l.windowMs) ?? [0]));
    const cutoff = now - longest;
    let drop = 0;
    while (drop < s.stamps.length && s.stamps[drop] <= cutoff) drop++;
    if (drop) s.stamps.splice(0, drop);
  }

  /** A 407 from the server: nothing more to this endpoint until its shortest window has passed. */
  exhaust(endpoint: string, reason = 'the server answered 407 (too many calls)'): number {
    const rule = this.rules(endpoint);
    const windowMs = Math.min(...(rule?.limits.map((l) => l.windowMs) ?? [60_000]));
    return this.block(endpoint, windowMs, reason);
  }

  /** 20618: the day's budget is spent; wait out the longest window. */
  exhaustDay(endpoint: string): number {
    return this.block(endpoint, 86_400_000, 'the daily call limit is spent (20618)');
  }

  private block(endpoint: string, ms: number, reason: string): number {
    const s = this.state(endpoint);
    const until = this.clock.now() + ms;
    if (until > s.blockedUntil) {
      s.blockedUntil = until;
      s.blockedReason = reason;
    }
    return s.blockedUntil - this.clock.now();
  }

  pauseAll(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  get pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }
}
