import { createHash } from 'node:crypto';
import { realClock, type Clock } from '../clock';
import { FusionSolarClient, type ClientConfig } from './client';
import { SharedSession } from './shared-session';

interface Entry {
  shared: SharedSession;
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

export function registryClock(): Clock {
  return defaultClock ?? realClock;
}

/** The base URL as servers read it: host case, default port and trailing slashes do not matter. */
export function normaliseUrl(baseUrl: string): string {
  const url = new URL(baseUrl.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Identity of a login: what, if changed, needs a new one (the password is only hashed).
 * Settings of the account node (timeout, locale, control, quota) are not part of it: nodes
 * that differ only in those share the session and each keep their own settings.
 */
export function sessionKey(c: ClientConfig): string {
  const h = createHash('sha256');
  // A V6 login is another session than a V7 one; V7 keys stay as they were before V6 existed.
  for (const part of [
    normaliseUrl(c.baseUrl),
    c.username,
    c.password,
    c.tlsVerify,
    c.ca,
    ...(c.api === 'v6' ? ['v6'] : []),
  ]) {
    h.update(String(part ?? '')).update('\0');
  }
  return h.digest('hex');
}

/**
 * Module-level registry so sessions and quota state outlive a redeploy of an unchanged
 * account; Node-RED recreates config nodes on every full deploy. Each caller gets a client
 * of its own with its own settings over the shared login.
 */
export function acquireClient(config: ClientConfig, clock?: Clock): { key: string; client: FusionSolarClient } {
  const key = sessionKey(config);
  let entry = entries.get(key);
  if (!entry) {
    entry = { shared: new SharedSession(config, clock ?? defaultClock ?? realClock), refs: 0 };
    entries.set(key, entry);
  }
  if (entry.idleTimer) {
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
  }
  // The lasting store is where the login's state is kept, not part of the login itself.
  entry.shared.useStore(config.store);
  entry.refs++;
  return { key, client: new FusionSolarClient(config, entry.shared.clock, entry.shared) };
}

/** The running session of a login, if some account node holds one: read-only use (Test connection). */
export function sharedSessionOf(config: ClientConfig): SharedSession | undefined {
  return entries.get(sessionKey(config))?.shared;
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
    await entry.shared.close();
    return;
  }
  entry.idleTimer = setTimeout(() => {
    if (entries.get(key) === entry && entry.refs === 0) {
      entries.delete(key);
      void entry.shared.close();
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
  await entry.shared.close();
}

/**
 * Node-RED is stopping: sessions nobody uses keep their token in the lasting store for the
 * restart (DESIGN: a logout would spend a login); those without a store log out.
 */
export async function suspendIdleClients(): Promise<void> {
  const idle = [...entries].filter(([, e]) => e.refs === 0);
  for (const [key, e] of idle) {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    entries.delete(key);
  }
  await Promise.all(idle.map(([, e]) => e.shared.suspend()));
}

/** Logs out every session nobody uses: Node-RED is stopping, not redeploying. */
export async function closeIdleClients(): Promise<void> {
  const idle = [...entries].filter(([, e]) => e.refs === 0);
  for (const [key, e] of idle) {
    if (e.idleTimer) clearTimeout(e.idleTimer);
    entries.delete(key);
  }
  await Promise.all(idle.map(([, e]) => e.shared.close()));
}
