import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { FusionSolarClient, type ClientConfig } from './client';

interface Entry {
  client: FusionSolarClient;
  refs: number;
  idleTimer?: NodeJS.Timeout;
}

/** How long an unreferenced session waits for a redeploy to pick it up again. */
export const REDEPLOY_GRACE_MS = 10_000;

const entries = new Map<string, Entry>();
let defaultClock: Clock | undefined;

/** The clock new clients get: tests install a virtual one to run simulated hours in seconds. */
export function useClock(clock: Clock | undefined): void {
  defaultClock = clock;
}

/** Identity of a session: what, if changed, needs a new login. The password is only hashed. */
export function sessionKey(c: ClientConfig): string {
  const h = createHash('sha256');
  // A V6 login is another session than a V7 one; V7 keys stay as they were before V6 existed.
  for (const part of [c.baseUrl, c.username, c.password, c.timeoutSec, c.tlsVerify, c.ca, c.locale, ...(c.api === 'v6' ? ['v6'] : [])]) {
    h.update(String(part ?? '')).update('\0');
  }
  return h.digest('hex');
}

/**
 * Module-level registry so sessions and quota state outlive a redeploy of an unchanged
 * account; Node-RED recreates config nodes on every full deploy.
 */
export function acquireClient(config: ClientConfig, clock?: Clock): { key: string; client: FusionSolarClient } {
  const key = sessionKey(config);
  let entry = entries.get(key);
  if (!entry) {
    entry = { client: new FusionSolarClient(config, clock ?? defaultClock), refs: 0 };
    entries.set(key, entry);
  }
  if (entry.idleTimer) {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
  }
  Object.assign(entry.client.config, config);
  entry.refs++;
  return { key, client: entry.client };
}

/**
 * Drops one reference. A removed or changed account logs out now; one merely restarted
 * by a deploy gets a grace period to be picked up again.
 */
export async function releaseClient(key: string, opts: { removed: boolean; graceMs?: number }): Promise<void> {
  const entry = entries.get(key);
  if (!entry) return;
  entry.refs = Math.max(0, entry.refs - 1);
  if (entry.refs > 0) return;
  if (opts.removed) {
    entries.delete(key);
    await entry.client.close();
    return;
  }
  entry.idleTimer = setTimeout(() => {
    if (entries.get(key) === entry && entry.refs === 0) {
      entries.delete(key);
      void entry.client.close();
    }
  }, opts.graceMs ?? REDEPLOY_GRACE_MS);
  entry.idleTimer.unref();
}

/** A changed account's old session: log out now instead of after the grace period. */
export async function retireClient(key: string): Promise<void> {
  const entry = entries.get(key);
  if (!entry || entry.refs > 0) return;
  if (entry.idleTimer) clearTimeout(entry.idleTimer);
  entries.delete(key);
  await entry.client.close();
}

/** Logs out every session nobody uses: Node-RED is stopping, not redeploying. */
export async function closeIdleClients(): Promise<void> {
  const idle = [...entries].filter(([, e]) => e.refs === 0);
  for (const [key, e] of idle) {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    entries.delete(key);
  }
  await Promise.all(idle.map(([, e]) => e.client.close()));
}
