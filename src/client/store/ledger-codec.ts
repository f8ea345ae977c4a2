import type { QuotaLedger } from '../quota/ledger';
import type { StoredLedger } from './types';

/** The parts of a ledger that mean something after a restart (queues and waiters do not). */
export function encodeLedger(ledger: QuotaLedger): StoredLedger {
  const budgets: StoredLedger['budgets'] = {};
  for (const key of ledger.keys()) {
    const b = ledger.budget(key);
    if (!b.stamps.length && !b.blockedUntil && !b.strikes) continue;
    budgets[key] = { stamps: [...b.stamps], blockedUntil: b.blockedUntil, strikes: b.strikes };
    if (b.blockedReason) budgets[key].blockedReason = b.blockedReason;
    if (b.blockedDaily) budgets[key].blockedDaily = true;
  }
  return { pausedUntil: ledger.pausedUntil, budgets };
}

/**
 * Merges what was kept into a ledger: a budget already in memory stays as it is, blocks only
 * ever extend.
 */
export function restoreLedger(ledger: QuotaLedger, stored: StoredLedger): void {
  ledger.pausedUntil = Math.max(ledger.pausedUntil, stored.pausedUntil);
  for (const [key, s] of Object.entries(stored.budgets)) {
    const b = ledger.budget(key);
    // Memory that outlived a redeploy is at least as new as the file it wrote.
    if (!b.stamps.length) b.stamps.push(...[...s.stamps].sort((x, y) => x - y));
    if (s.blockedUntil > b.blockedUntil) {
      b.blockedUntil = s.blockedUntil;
      b.blockedReason = s.blockedReason;
      b.blockedDaily = s.blockedDaily;
    }
    b.strikes = Math.max(b.strikes, s.strikes);
  }
}
