import type { QuotaContext } from './rules';
import type { SharedLedger } from '../store/types';
import { insertSorted } from './window';

/** What the governor remembers about one budget (an endpoint, or a shared key). */
export interface Budget {
  /** Call times, sorted: admission while in flight, completion once answered. */
  stamps: number[];
  blockedUntil: number;
  blockedReason?: string;
  blockedDaily?: boolean;
  /** 407s in a row without a good answer: each one waits out a longer window. */
  strikes: number;
  /** Admission queue: callers go in arrival order. */
  tail: Promise<void>;
  /** Callers queued and not yet admitted, to tell a newcomer how long its turn is. */
  waiting: number;
  /** The callers in the queue in arrival order, and granted groups not yet ended (cut-in.ts). */
  queue: QueueEntry[];
  /** Holds of callers that went ahead of the queue (a lane call, a group) until they end. */
  cutIns: Set<Promise<void>>;
}

/** A caller in a budget's queue: `n` calls not yet admitted; a granted group admits them one by one. */
export interface QueueEntry {
  n: number;
  granted: boolean;
}

/** Adds a call at `t` and forgets the calls older than `keepMs` (quota/shared.ts keepOf). */
export function recordStamp(budget: Budget, t: number, keepMs: number): void {
  insertSorted(budget.stamps, t);
  let drop = 0;
  while (drop < budget.stamps.length && budget.stamps[drop] <= t - keepMs) drop++;
  if (drop) budget.stamps.splice(0, drop);
}

export function newBudget(): Budget {
  return { stamps: [], blockedUntil: 0, strikes: 0, tail: Promise.resolve(), waiting: 0, queue: [], cutIns: new Set() };
}

/**
 * Quota state of one northbound user. The server counts per user, so this outlives any one
 * session or config node (see login-guard.ts, which holds one per URL and username).
 */
export class QuotaLedger {
  private readonly budgets = new Map<string, Budget>();
  pausedUntil = 0;
  /** Fleet size learned from the list calls, for the quota formulas; 1 until known. */
  readonly fleet: QuotaContext = watchedFleet(() => this.onChange?.('fleet'));
  /** Set when the ledger is shared with other instances (store/redis-store.ts): admission asks it. */
  shared?: SharedLedger;
  /** Told of every change, to keep a lasting copy (store/binding.ts). */
  onChange?: (what: 'ledger' | 'fleet') => void;
  /** Every endpoint called so far, for the editor's quota table (request nodes add paths). */
  readonly endpoints = new Set<string>();

  budget(key: string): Budget {
    let b = this.budgets.get(key);
    if (!b) {
      b = newBudget();
      this.budgets.set(key, b);
    }
    return b;
  }

  has(key: string): boolean {
    return this.budgets.has(key);
  }

  keys(): string[] {
    return [...this.budgets.keys()];
  }

  changed(): void {
    this.onChange?.('ledger');
  }
}

/** Plain enumerable fields (spreads and JSON see numbers) that report each change. */
function watchedFleet(notify: () => void): QuotaContext {
  const v: Required<QuotaContext> = { plants: 1, devices: 1, devicesByType: {} };
  const field = <K extends keyof QuotaContext>(k: K): PropertyDescriptor => ({
    enumerable: true,
    get: () => v[k],
    set: (n: Required<QuotaContext>[K]) => {
      if (n === v[k]) return;
      v[k] = n;
      notify();
    },
  });
  return Object.defineProperties({} as QuotaContext, {
    plants: field('plants'),
    devices: field('devices'),
    devicesByType: field('devicesByType'),
  });
}
