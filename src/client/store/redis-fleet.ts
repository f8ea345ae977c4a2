import type { AccountSnapshot, StoredFleet } from './types';

/** Fleet sizes other instances saved in Redis: a larger one grows this instance's quotas. */
export class FleetFeed {
  private readonly listeners = new Set<(f: StoredFleet) => void>();

  on(listener: (f: StoredFleet) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Merges `f` into the cache; listeners hear of it only when the fleet grew. */
  learn(cache: AccountSnapshot, f: StoredFleet | undefined): void {
    if (!f) return;
    const cur = cache.fleet;
    if (cur && cur.plants >= f.plants && cur.devices >= f.devices) return;
    cache.fleet = { plants: Math.max(cur?.plants ?? 1, f.plants), devices: Math.max(cur?.devices ?? 1, f.devices) };
    for (const l of [...this.listeners]) l(cache.fleet);
  }
}
