import type { SimQuota, SimUser } from './types';
import type { Simulator } from './server';

/**
 * The server side of the documented access restrictions, kept apart from the client's
 * governor on purpose: if both shared code they would share mistakes.
 */
export class SimQuotas {
  private readonly calls = new Map<string, number[]>();

  /** Records the call and returns false when it is over any limit (the server answers 407). */
  admit(sim: Simulator, user: SimUser, endpoint: string, quotas: SimQuota[] | undefined, now: number): boolean {
    if (!quotas || quotas.length === 0 || !sim.options.quotas) return true;
    const key = `${user.username}\0${endpoint}`;
    const longest = Math.max(...quotas.map((q) => q.windowMs));
    const stamps = (this.calls.get(key) ?? []).filter((t) => t > now - longest);
    for (const q of quotas) {
      const limit = typeof q.count === 'function' ? q.count({ sim, user }) : q.count;
      const used = stamps.filter((t) => t > now - q.windowMs).length;
      if (used >= limit) {
        this.calls.set(key, stamps);
        return false;
      }
    }
    stamps.push(now);
    this.calls.set(key, stamps);
    return true;
  }

  reset(): void {
    this.calls.clear();
  }
}
