import type { Clock } from '../clock';
import { describeBudget, type QuotaInfo } from './quota/info';
import { newBudget, QuotaLedger, recordStamp, type Budget, type QueueEntry } from './quota/ledger';
import { goAhead, leave, mayCutIn } from './quota/cut-in';
import { fitAt, projectAt, quotaError, type Fit } from './quota/fit';
import { budgetKey, limitCount, type QuotaContext, type QuotaRule } from './quota/rules';
import { after20618, after407 } from './quota/verdicts';
import { makePermit, type Taken } from './quota/permit';
import { windowOf, type Window } from './quota/window';
import { aborted, unlessAborted, type AdmitOptions, type Permit, type Reservation } from './quota/queue';
import { keepOf, specsAt } from './quota/shared';

/** A caller's place: its queue entry, and whether it went ahead of the queue (cut-in.ts). */
interface Place {
  taken: Taken;
  budget: Budget;
  done: () => void;
  entry: QueueEntry;
  cutIn: boolean;
}

export type { QuotaInfo, LimitInfo } from './quota/info';
export type { AdmitOptions, Permit, Reservation } from './quota/queue';

export type RuleLookup = (endpoint: string) => QuotaRule | undefined;

export interface GovernorOptions {
  /** Shared state of the northbound user; a fresh one when absent. */
  ledger?: QuotaLedger;
  /** Time zone whose calendar days bound daily budgets; sliding 24 h when empty. */
  dayZone?: () => string | undefined;
}

/**
 * Admits calls under each endpoint's documented quota: sliding windows, daily budgets
 * (sliding or calendar), one-at-a-time lanes, fleet-size formulas, server-reported
 * exhaustion (407, 20618) and account-wide gateway pauses. Calls to one budget are
 * admitted in arrival order, except that a later one that fits now goes ahead when that
 * starts no queued caller later (cut-in.ts); a call whose turn would come later than its
 * longest wait fails at once with QUOTA. A wait of exactly the longest wait is still a wait.
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

  private fit(endpoint: string, budget: Budget, stamps: readonly number[], t: number, n = 1): Fit {
    return fitAt(this.windows(endpoint), budget, this.ledger.pausedUntil, stamps, t, n);
  }

  /** One call: waits its turn in the endpoint's queue, or fails at once with QUOTA. */
  admit(endpoint: string, opts: AdmitOptions): Promise<Permit> {
    const lane = this.rules(endpoint)?.lane === true;
    return this.enqueue(endpoint, opts, 1, lane, true).then(({ taken, budget, done, cutIn }) =>
      this.permit(endpoint, budget, taken, done, cutIn),
    );
  }

  /**
   * A group of `calls` calls: granted once they all fit the endpoint's windows (one at a
   * time through a window smaller than the group), then the queue waits for `end()`.
   */
  async reserve(endpoint: string, calls: number, opts: AdmitOptions): Promise<Reservation> {
    const n = Math.max(1, Math.floor(calls));
    const { budget, done, entry, cutIn } = await this.enqueue(endpoint, opts, n, true, false);
    // The group's calls stay counted as queued until each is admitted, for newcomers' estimates.
    entry.granted = true;
    let ended = false;
    return {
      admit: async (o) => {
        const taken = await this.waitTurn(endpoint, budget, this.clock.now(), o, 1, true, cutIn);
        if (entry.n > 0 && !ended) {
          entry.n--;
          budget.waiting--;
        }
        return this.permit(endpoint, budget, taken, () => undefined, cutIn);
      },
      end: () => {
        if (ended) return;
        ended = true;
        budget.waiting -= entry.n;
        entry.n = 0;
        leave(budget, entry);
        done();
      },
    };
  }

  private enqueue(endpoint: string, opts: AdmitOptions, n: number, hold: boolean, record: boolean): Promise<Place> {
    this.ledger.endpoints.add(endpoint);
    const budget = this.budgetOf(endpoint);
    const started = this.clock.now();
    if (opts.signal?.aborted) return Promise.reject(aborted(endpoint));
    const windows = this.windows(endpoint);
    const entry: QueueEntry = { n, granted: false };
    // With a shared ledger what fits here may be spent by another instance: arrival order.
    if (!this.ledger.shared && mayCutIn(windows, budget, this.ledger.pausedUntil, started, n, hold))
      return goAhead(budget, n, hold, record, () =>
        this.waitTurn(endpoint, budget, started, opts, n, record, true),
      ).then(({ taken, done }) => ({ taken, budget, done, entry, cutIn: true }));
    const projected = projectAt(windows, budget, this.ledger.pausedUntil, started, n);
    if (projected.at - started > opts.maxWaitMs) {
      const ahead = budget.waiting ? `${budget.waiting} call${budget.waiting === 1 ? '' : 's'} queued ahead, ` : '';
      return Promise.reject(quotaError(endpoint, projected, started, ahead));
    }
    budget.waiting += n;
    budget.queue.push(entry);
    let done: () => void = () => undefined;
    const finished = new Promise<void>((r) => (done = r));
    const prev = budget.tail;
    // The arrival check above bounds the wait from arrival. Once it is this caller's turn,
    // the wait is judged afresh from that moment: the calls ahead answered later than their
    // admission (a login, a slow answer), and that must not push a queued call over its own
    // longest wait by the few seconds it took them.
    const admitted = unlessAborted(prev, opts.signal, endpoint)
      .then(() => this.waitTurn(endpoint, budget, this.clock.now(), opts, n, record))
      .then(
        (taken) => {
          if (record) {
            budget.waiting -= n;
            leave(budget, entry);
          }
          return taken;
        },
        (err: unknown) => {
          budget.waiting -= n;
          leave(budget, entry);
          throw err;
        },
      );
    // The next caller goes once this one is admitted (a lane or a group: done), or gave up.
    budget.tail = prev.then(() =>
      admitted.then(
        () => (hold ? finished : undefined),
        () => undefined,
      ),
    );
    return admitted.then((taken) => ({ taken, budget, done, entry, cutIn: false }));
  }

  /**
   * Waits until `n` calls fit; records one call at the returned time when `record` is set.
   * With a shared ledger (other instances on the account) the call is taken there too, in
   * one atomic step: what fits here may already be spent by another instance.
   */
  private async waitTurn(
    endpoint: string,
    budget: Budget,
    started: number,
    opts: AdmitOptions,
    n = 1,
    record = true,
    cutIn = false,
  ): Promise<Taken> {
    for (;;) {
      if (opts.signal?.aborted) throw aborted(endpoint);
      // A caller that went ahead holds the queue as it would in its turn (mayCutIn counted on it).
      if (!cutIn && budget.cutIns.size > 0) {
        await unlessAborted(
          Promise.all(budget.cutIns).then(() => undefined),
          opts.signal,
          endpoint,
        );
        continue;
      }
      let now = this.clock.now();
      let fit = this.fit(endpoint, budget, budget.stamps, now, n);
      const shared = this.ledger.shared;
      if (fit.at <= now && record && shared) {
        const windows = this.windows(endpoint);
        const r = await shared.take(
          budgetKey(endpoint, this.rules(endpoint)),
          specsAt(windows, now),
          now,
          keepOf(windows),
        );
        if (r.ok) {
          if (r.stamps) budget.stamps.splice(0, budget.stamps.length, ...r.stamps);
          else this.record(endpoint, budget, now);
          this.ledger.changed();
          return { at: now, member: r.member };
        }
        fit = {
          at: r.at,
          reason: r.reason === 'window' ? 'the calls of every instance on this account used the quota' : r.reason,
        };
        now = this.clock.now();
      } else if (fit.at <= now) {
        if (record) this.record(endpoint, budget, now);
        return { at: now };
      }
      if (fit.at - started > opts.maxWaitMs) throw quotaError(endpoint, fit, now);
      opts.onWait?.(fit.at - now);
      try {
        await this.clock.sleep(fit.at - now, opts.signal);
      } catch {
        throw aborted(endpoint);
      }
    }
  }

  private record(endpoint: string, budget: Budget, t: number): void {
    recordStamp(budget, t, keepOf(this.windows(endpoint)));
    this.ledger.changed();
  }

  private permit(endpoint: string, budget: Budget, taken: Taken, freeLane: () => void, cutIn = false): Permit {
    return makePermit(taken, {
      now: () => this.clock.now(),
      ledger: this.ledger,
      budget,
      key: budgetKey(endpoint, this.rules(endpoint)),
      info: this.info(endpoint),
      again: (opts) => this.waitTurn(endpoint, budget, this.clock.now(), opts, 1, true, cutIn),
      freeLane,
    });
  }

  /** Tells other instances (and the lasting store) of a block the server ordered. */
  private blocked(endpoint: string, budget: Budget): void {
    this.ledger.shared?.block(
      budgetKey(endpoint, this.rules(endpoint)),
      budget.blockedUntil,
      budget.blockedReason ?? 'blocked',
      budget.blockedDaily === true,
    );
    this.ledger.changed();
  }

  info(endpoint: string): QuotaInfo {
    const rule = this.rules(endpoint);
    const key = budgetKey(endpoint, rule);
    const budget = this.ledger.has(key) ? this.ledger.budget(key) : newBudget();
    return describeBudget(
      endpoint,
      this.windows(endpoint),
      budget,
      this.clock.now(),
      this.ledger.pausedUntil,
      rule?.shared,
    );
  }

  snapshot(endpoints: string[]): QuotaInfo[] {
    return endpoints.map((e) => this.info(e));
  }

  /** A 407 from the server (see after407); returns how long the endpoint is blocked. */
  exhaust(endpoint: string): number {
    const budget = this.budgetOf(endpoint);
    const ms = after407(budget, this.windows(endpoint), this.clock.now());
    this.blocked(endpoint, budget);
    return ms;
  }

  /** 20618 from the server (see after20618); returns how long the endpoint is blocked. */
  exhaustDay(endpoint: string): number {
    const budget = this.budgetOf(endpoint);
    const ms = after20618(budget, this.zone(), this.clock.now());
    this.blocked(endpoint, budget);
    return ms;
  }

  /** HTTP 403/429 from the gateway: every endpoint of the account waits. */
  pauseAll(ms: number): void {
    this.ledger.pausedUntil = Math.max(this.ledger.pausedUntil, this.clock.now() + ms);
    this.ledger.shared?.pause(this.ledger.pausedUntil);
    this.ledger.changed();
  }

  get pausedFor(): number {
    return Math.max(0, this.ledger.pausedUntil - this.clock.now());
  }
}
