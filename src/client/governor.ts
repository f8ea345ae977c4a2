import type { Clock } from '../clock';
import { nextDayStart } from './day-zone';
import { FusionSolarError } from './errors';
import { describeBudget, type QuotaInfo } from './quota-info';
import { QuotaLedger, type Budget } from './quota-ledger';
import { budgetKey, describeLimit, describeWindow, limitCount, DAY, HOUR, MINUTE, type QuotaContext, type QuotaRule } from './quota-rules';
import { earliestFit, insertSorted, removeStamp, windowOf, type Window } from './quota-window';

export type { QuotaInfo, LimitInfo } from './quota-info';

export interface AdmitOptions {
  signal?: AbortSignal;
  /** Longest acceptable wait from arrival; past it the call fails fast with QUOTA. */
  maxWaitMs: number;
  onWait?: (ms: number) => void;
}

export interface Permit {
  info: QuotaInfo;
  /**
   * Ends the call. 'sent' and 'ok' keep its stamp at the time of the answer (the latest the
   * server can have counted it); 'ok' also clears the 407 strikes; 'unused' removes it.
   */
  release(outcome?: 'sent' | 'ok' | 'unused'): void;
  /**
   * Admits the same call again (re-login, gateway pause) without losing its place or lane;
   * `previous` says whether the server counted the first attempt ('unused': it did not).
   */
  retry(opts: AdmitOptions, previous?: 'sent' | 'unused'): Promise<void>;
}

export type RuleLookup = (endpoint: string) => QuotaRule | undefined;

export interface GovernorOptions {
  /** Shared state of the northbound user; a fresh one when absent. */
  ledger?: QuotaLedger;
  /** Time zone whose calendar days bound daily budgets; sliding 24 h when empty. */
  dayZone?: () => string | undefined;
}

interface Fit {
  at: number;
  reason?: string;
  window?: Window;
  daily?: boolean;
}

const GATEWAY_REASON = 'the FusionSolar gateway asked every client to slow down (HTTP 403/429)';

function aborted(endpoint: string): FusionSolarError {
  return new FusionSolarError('ABORTED', { endpoint, message: `The call to ${endpoint} was abandoned: the node is closing` });
}

/** Resolves with `p`, or rejects as soon as the signal aborts. */
function unlessAborted(p: Promise<void>, signal: AbortSignal | undefined, endpoint: string): Promise<void> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(aborted(endpoint));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

/**
 * Admits calls under each endpoint's documented quota: sliding windows, daily budgets
 * (sliding or calendar), one-at-a-time lanes, fleet-size formulas, server-reported
 * exhaustion (407, 20618) and account-wide gateway pauses. Calls to one budget are
 * admitted in arrival order; a call whose turn would come later than its longest wait
 * fails at once with QUOTA.
 */
export class Governor {
  readonly ledger: QuotaLedger;

  constructor(
    private readonly clock: Clock,
    private readonly rules: RuleLookup,
    private readonly context: () => QuotaContext,
    private readonly opts: GovernorOptions = {},
  ) {
    this.ledger = opts.ledger ?? new QuotaLedger();
  }

  private zone(): string | undefined {
    const z = this.opts.dayZone?.()?.trim();
    return z || undefined;
  }

  /** The endpoint's limits at the current fleet size. */
  windows(endpoint: string): Window[] {
    const rule = this.rules(endpoint);
    if (!rule) return [];
    const ctx = this.context();
    const zone = this.zone();
    return rule.limits.map((l) => windowOf(l, limitCount(l, ctx), zone));
  }

  private budgetOf(endpoint: string): Budget {
    return this.ledger.budget(budgetKey(endpoint, this.rules(endpoint)));
  }

  /** Earliest time >= t at which `n` more calls fit, given `stamps`, and what holds them back. */
  private fit(endpoint: string, budget: Budget, stamps: readonly number[], t: number, n = 1): Fit {
    let fit: Fit = { at: t };
    if (this.ledger.pausedUntil > fit.at) fit = { at: this.ledger.pausedUntil, reason: GATEWAY_REASON };
    if (budget.blockedUntil > fit.at) fit = { at: budget.blockedUntil, reason: budget.blockedReason, daily: budget.blockedDaily };
    for (const w of this.windows(endpoint)) {
      const at = earliestFit(stamps, w, t, n);
      if (at > fit.at) fit = { at, window: w, daily: w.daily, reason: `${describeLimit(w.count, w.windowMs)}${w.zone ? ` (calendar days in ${w.zone})` : ''} used` };
    }
    return fit;
  }

  /** When a newcomer's turn comes, counting the calls queued ahead of it. */
  private project(endpoint: string, budget: Budget, now: number): Fit {
    const stamps = [...budget.stamps];
    let fit = this.fit(endpoint, budget, stamps, now);
    for (let i = 0; i < budget.waiting && Number.isFinite(fit.at); i++) {
      insertSorted(stamps, fit.at);
      fit = this.fit(endpoint, budget, stamps, fit.at);
    }
    return fit;
  }

  private quotaError(endpoint: string, fit: Fit, now: number, prefix = ''): FusionSolarError {
    const wait = fit.at - now;
    const known = Number.isFinite(wait);
    const w = fit.window;
    return new FusionSolarError('QUOTA', {
      endpoint,
      retryAfter: known ? wait : undefined,
      message: `Quota of ${endpoint}: ${prefix}${fit.reason ?? 'limit reached'}${known ? `; next call possible in ${Math.ceil(wait / 1000)} s` : ''}`,
      details: { limit: w?.count, window: w ? describeWindow(w.windowMs) : undefined, daily: fit.daily === true },
    });
  }

  admit(endpoint: string, opts: AdmitOptions): Promise<Permit> {
    this.ledger.endpoints.add(endpoint);
    const budget = this.budgetOf(endpoint);
    const lane = this.rules(endpoint)?.lane === true;
    const started = this.clock.now();
    if (opts.signal?.aborted) return Promise.reject(aborted(endpoint));
    const projected = this.project(endpoint, budget, started);
    if (projected.at - started > opts.maxWaitMs) {
      const queued = budget.waiting ? `${budget.waiting} call${budget.waiting === 1 ? '' : 's'} queued ahead, ` : '';
      return Promise.reject(this.quotaError(endpoint, projected, started, queued));
    }
    budget.waiting++;
    let freeLane: () => void = () => undefined;
    const laneFree = new Promise<void>((r) => (freeLane = r));
    const prev = budget.tail;
    const admitted = unlessAborted(prev, opts.signal, endpoint)
      .then(() => this.waitTurn(endpoint, budget, started, opts))
      .finally(() => {
        budget.waiting--;
      });
    // The next caller goes once this one is admitted (for a lane: done), or gave up.
    budget.tail = prev.then(() => admitted.then(() => (lane ? laneFree : undefined), () => undefined));
    return admitted.then((stamp) => this.permit(endpoint, budget, stamp, freeLane));
  }

  private async waitTurn(endpoint: string, budget: Budget, started: number, opts: AdmitOptions): Promise<number> {
    for (;;) {
      if (opts.signal?.aborted) throw aborted(endpoint);
      const now = this.clock.now();
      const fit = this.fit(endpoint, budget, budget.stamps, now);
      if (fit.at <= now) {
        this.record(endpoint, budget, now);
        return now;
      }
      if (fit.at - started > opts.maxWaitMs) throw this.quotaError(endpoint, fit, now);
      opts.onWait?.(fit.at - now);
      try {
        await this.clock.sleep(fit.at - now, opts.signal);
      } catch {
        throw aborted(endpoint);
      }
    }
  }

  private record(endpoint: string, budget: Budget, t: number): void {
    insertSorted(budget.stamps, t);
    // Calendar days can last 25 hours: keep a little more than the longest window.
    const keep = Math.max(0, ...this.windows(endpoint).map((w) => (w.zone ? 26 * HOUR : w.windowMs)));
    let drop = 0;
    while (drop < budget.stamps.length && budget.stamps[drop] <= t - keep) drop++;
    if (drop) budget.stamps.splice(0, drop);
  }

  private permit(endpoint: string, budget: Budget, stamp: number, freeLane: () => void): Permit {
    let current = stamp;
    let done = false;
    const answered = (): void => {
      if (removeStamp(budget.stamps, current)) insertSorted(budget.stamps, this.clock.now());
    };
    return {
      info: this.info(endpoint),
      release: (outcome = 'sent') => {
        if (done) return;
        done = true;
        if (outcome === 'unused') removeStamp(budget.stamps, current);
        else answered();
        if (outcome === 'ok') budget.strikes = 0;
        freeLane();
      },
      retry: async (opts, previous = 'sent') => {
        if (previous === 'unused') removeStamp(budget.stamps, current);
        else answered();
        current = await this.waitTurn(endpoint, budget, this.clock.now(), opts);
      },
    };
  }

  /**
   * Fails before the first call when an operation needs more calls than a budget of an
   * hour or more can give within the longest wait: half a fleet's data would waste the day.
   */
  check(endpoint: string, calls: number, maxWaitMs: number): void {
    if (calls <= 1) return;
    const budget = this.budgetOf(endpoint);
    const now = this.clock.now();
    for (const w of this.windows(endpoint)) {
      if (w.windowMs < HOUR) continue;
      const at = earliestFit(budget.stamps, w, now, calls + budget.waiting);
      if (at - now <= maxWaitMs) continue;
      const reason = `this request needs ${calls} calls and the budget is ${describeLimit(w.count, w.windowMs)}`;
      throw this.quotaError(endpoint, { at, window: w, daily: w.daily, reason }, now);
    }
  }

  info(endpoint: string): QuotaInfo {
    const rule = this.rules(endpoint);
    const key = budgetKey(endpoint, rule);
    const budget = this.ledger.has(key) ? this.ledger.budget(key) : { stamps: [], blockedUntil: 0, strikes: 0, tail: Promise.resolve(), waiting: 0 };
    return describeBudget(endpoint, this.windows(endpoint), budget, this.clock.now(), this.ledger.pausedUntil, rule?.shared);
  }

  snapshot(endpoints: string[]): QuotaInfo[] {
    return endpoints.map((e) => this.info(e));
  }

  /**
   * A 407: nothing more to this budget until its shortest window has passed. A 407 again
   * right after means a longer window was the one used up, so each strike waits out the
   * next longer window of the rule.
   */
  exhaust(endpoint: string, reason = 'the server answered 407 (too many calls)'): number {
    const budget = this.budgetOf(endpoint);
    budget.strikes++;
    const windows = this.windows(endpoint).sort((a, b) => a.windowMs - b.windowMs);
    const w = windows[Math.min(budget.strikes, windows.length) - 1];
    const now = this.clock.now();
    const until = w?.zone ? nextDayStart(w.zone, now) : now + (w?.windowMs ?? MINUTE);
    return this.block(budget, until, `${reason}, waiting out its ${describeWindow(w?.windowMs ?? MINUTE)} window`, w?.daily === true);
  }

  /**
   * 20618: the day's budget is spent. Calendar days: until the next one begins. Sliding:
   * until a day after the oldest call of the last 24 hours we know of, when at least that
   * call (and any older one the server counted) has left the server's window.
   */
  exhaustDay(endpoint: string): number {
    const budget = this.budgetOf(endpoint);
    const now = this.clock.now();
    const zone = this.zone();
    const oldest = budget.stamps.find((t) => t > now - DAY);
    const until = zone ? nextDayStart(zone, now) : (oldest ?? now) + DAY;
    return this.block(budget, until, 'the daily call limit is spent (20618)', true);
  }

  private block(budget: Budget, until: number, reason: string, daily: boolean): number {
    if (until > budget.blockedUntil) {
      budget.blockedUntil = until;
      budget.blockedReason = reason;
      budget.blockedDaily = daily;
    }
    return budget.blockedUntil - this.clock.now();
  }

  /** HTTP 403/429 from the gateway: every endpoint of the account waits. */
  pauseAll(ms: number): void {
    this.ledger.pausedUntil = Math.max(this.ledger.pausedUntil, this.clock.now() + ms);
  }

  get pausedFor(): number {
    return Math.max(0, this.ledger.pausedUntil - this.clock.now());
  }
}
