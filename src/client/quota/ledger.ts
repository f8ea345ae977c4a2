import type { QuotaContext } from './rules';

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
}

/**
 * Quota state of one northbound user. The server counts per user, so this outlives any one
 * session or config node (see login-guard.ts, which holds one per URL and username).
 */
export class QuotaLedger {
  private readonly budgets = new Map<string, Budget>();
  pausedUntil = 0;
  /** Fleet size learned from the list calls, for the quota formulas; 1 until known. */
  readonly fleet: QuotaContext = { plants: 1, devices: 1, devicesByType: {} };
  /** Every endpoint called so far, for the editor's quota table (request nodes add paths). */
  readonly endpoints = new Set<string>();

  budget(key: string): Budget {
    let b = this.budgets.get(key);
    if (!b) {
      b = { stamps: [], blockedUntil: 0, strikes: 0, tail: Promise.resolve(), waiting: 0 };
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
}
