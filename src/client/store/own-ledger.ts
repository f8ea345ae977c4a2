import type { Admission, StoredLedger, WindowSpec } from './types';

interface OwnBudget {
  /** member -> clock time of this instance's calls. */
  calls: Map<string, number>;
  blockedUntil: number;
  reason: string;
  daily: boolean;
}

/**
 * The calls this instance made, kept apart from the shared ledger: they re-seed a Redis
 * that lost its data, and while Redis is unreachable they are judged against this
 * instance's share of each window (the budget divided by the instances last seen).
 */
export class OwnLedger {
  private readonly budgets = new Map<string, OwnBudget>();
  pausedUntil = 0;
  private seq = 0;

  constructor(private readonly instance: string) {}

  private budget(key: string): OwnBudget {
    let b = this.budgets.get(key);
    if (!b) this.budgets.set(key, (b = { calls: new Map(), blockedUntil: 0, reason: '', daily: false }));
    return b;
  }

  nextMember(): string {
    return `${this.instance}:${++this.seq}`;
  }

  add(key: string, member: string, t: number, keepMs: number): void {
    const calls = this.budget(key).calls;
    calls.set(member, t);
    for (const [m, at] of calls) if (at <= t - keepMs) calls.delete(m);
  }

  move(key: string, member: string, t: number): void {
    const calls = this.budgets.get(key)?.calls;
    if (calls?.has(member)) calls.set(member, t);
  }

  drop(key: string, member: string): void {
    this.budgets.get(key)?.calls.delete(member);
  }

  block(key: string, until: number, reason: string, daily: boolean): void {
    const b = this.budget(key);
    if (until > b.blockedUntil) Object.assign(b, { blockedUntil: until, reason, daily });
  }

  /** Admission against this instance's share, with no other instance to ask. */
  takeShare(key: string, windows: WindowSpec[], now: number, keepMs: number, instances: number): Admission {
    const b = this.budget(key);
    if (this.pausedUntil > now) return { ok: false, at: this.pausedUntil, reason: 'gateway pause' };
    if (b.blockedUntil > now) return { ok: false, at: b.blockedUntil, reason: b.reason };
    const stamps = [...b.calls.values()].sort((x, y) => x - y);
    let best = -Infinity;
    for (const w of windows) {
      const share = Math.floor(w.count / Math.max(1, instances));
      const inside = stamps.filter((t) => (w.inclusive ? t >= w.from : t > w.from));
      if (inside.length + 1 <= share) continue;
      const at = share === 0 ? Infinity : (w.next ?? inside[inside.length - share] + w.windowMs);
      best = Math.max(best, at);
    }
    if (best > -Infinity) {
      return {
        ok: false,
        at: best,
        reason: `the state store is offline: this instance keeps to its share (1/${instances}) of the quota`,
      };
    }
    const member = this.nextMember();
    this.add(key, member, now, keepMs);
    return { ok: true, member };
  }

  /**
   * Everything to write back into an emptied (or merely reconnected) Redis. Calls restored
   * from the local copy only into an empty one: any other still has them, under their old names.
   */
  entries(
    restored = true,
  ): Array<{ key: string; calls: Array<[string, number]>; blockedUntil: number; reason: string; daily: boolean }> {
    const mine = (m: string): boolean => restored || !m.startsWith(`${this.instance}:r`);
    return [...this.budgets].map(([key, b]) => ({
      key,
      calls: [...b.calls].filter(([m]) => mine(m)),
      blockedUntil: b.blockedUntil,
      reason: b.reason,
      daily: b.daily,
    }));
  }

  /** As the Redis store's local copy keeps it: a restart while Redis is away still counts these calls. */
  toStored(): StoredLedger {
    const budgets: StoredLedger['budgets'] = {};
    for (const [key, b] of this.budgets) {
      if (!b.calls.size && !b.blockedUntil) continue;
      budgets[key] = { stamps: [...b.calls.values()].sort((x, y) => x - y), blockedUntil: b.blockedUntil, strikes: 0 };
      if (b.reason) budgets[key].blockedReason = b.reason;
      if (b.daily) budgets[key].blockedDaily = true;
    }
    return { pausedUntil: this.pausedUntil, budgets };
  }

  restore(l: StoredLedger): void {
    this.pausedUntil = Math.max(this.pausedUntil, l.pausedUntil);
    for (const [key, s] of Object.entries(l.budgets)) {
      const b = this.budget(key);
      // Named apart: Redis may still hold these calls under the names the last process gave them.
      for (const t of s.stamps) b.calls.set(`${this.instance}:r${++this.seq}`, t);
      if (s.blockedUntil > b.blockedUntil)
        Object.assign(b, {
          blockedUntil: s.blockedUntil,
          reason: s.blockedReason ?? 'blocked',
          daily: s.blockedDaily === true,
        });
    }
  }
}
