import { createHash } from 'node:crypto';
import type { QuotaLedger } from '../quota/ledger';
import { accountId, credentialId } from './identity';
import { encodeLedger, restoreLedger } from './ledger-codec';
import { LocalStore } from './local-store';
import { sessionSync, type SessionSync } from './session-sync';
import type { PollClaim, StateStore, StoreHealth, StoreProblem } from './types';

export type StoreConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 'redis';
      url: string;
      password?: string;
      fallback: 'local' | 'stop';
      ca?: string;
      tlsVerify?: boolean;
      dir?: string;
    };

/** What, if changed, needs another store (the password only as part of a hash). */
export function storeKeyOf(c: StoreConfig): string {
  return c.kind === 'local'
    ? `local\0${c.dir}`
    : `redis\0${c.url}\0${c.fallback}\0${c.tlsVerify !== false}\0${c.ca ?? ''}\0${c.dir ?? ''}\0${createHash('sha256')
        .update(c.password ?? '')
        .digest('hex')}`;
}

function openStore(c: StoreConfig, account: string, onProblem: (p: StoreProblem) => void): StateStore {
  if (c.kind === 'local') return new LocalStore({ dir: c.dir, account, onProblem });
  // Loaded only here: accounts on the local store never load the Redis client.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it
  const { RedisStore } = require('./redis-store') as typeof import('./redis-store');
  return new RedisStore({
    url: c.url,
    password: c.password,
    ca: c.ca,
    tlsVerify: c.tlsVerify,
    fallback: c.fallback,
    dir: c.dir,
    account,
    onProblem,
  });
}

/**
 * Ties one account's lasting store to its in-memory state: the quota ledger (restored on
 * open, saved on change, admitted through Redis when shared), the fleet size, the
 * monitor's poll times, and a SessionSync per set of credentials.
 */
export class StoreBinding {
  readonly key: string;
  readonly store: StateStore;
  readonly ready: Promise<void>;
  readonly account: string;
  private readonly problems: StoreProblem[] = [];
  private readonly problemListeners = new Set<(p: StoreProblem) => void>();
  private polls: Record<string, number> = {};
  private monitors: Record<string, unknown> = {};
  private offFleet: (() => void) | undefined;
  private ledgerTimer: NodeJS.Immediate | undefined;
  /** The ledger as last handed to the store: an unchanged one is not written again. */
  private lastLedger = '';
  private readonly syncs = new Map<string, SessionSync>();
  private closed = false;

  /** Shared sessions using it; the last one out closes it. */
  refs = 0;

  constructor(
    config: StoreConfig,
    loginKey: string,
    private readonly ledger: QuotaLedger,
  ) {
    this.key = storeKeyOf(config);
    this.account = accountId(loginKey);
    this.store = openStore(config, this.account, (p) => this.problem(p));
    this.ready = this.open();
  }

  private problem(p: StoreProblem): void {
    this.problems.push(p);
    if (this.problems.length > 10) this.problems.shift();
    for (const l of [...this.problemListeners]) l(p);
  }

  /** Problems so far are replayed: the store is read before any node listens. */
  onProblem(listener: (p: StoreProblem) => void): () => void {
    for (const p of this.problems) listener(p);
    this.problemListeners.add(listener);
    return () => this.problemListeners.delete(listener);
  }

  get health(): StoreHealth {
    return this.store.health;
  }

  onHealth(listener: (h: StoreHealth) => void): () => void {
    return this.store.onHealth(listener);
  }

  private async open(): Promise<void> {
    const snap = await this.store.load();
    if (snap.ledger) restoreLedger(this.ledger, snap.ledger);
    if (snap.fleet) this.learnFleet(snap.fleet.plants, snap.fleet.devices);
    // Other instances list plants too: their fleet sizes grow this instance's quotas.
    this.offFleet = this.store.onFleet?.((f) => this.learnFleet(f.plants, f.devices));
    this.polls = { ...snap.polls };
    this.monitors = { ...snap.monitors };
    this.ledger.shared = this.store.shared;
    this.ledger.onChange = (what) =>
      what === 'fleet'
        ? this.store.saveFleet({ plants: this.ledger.fleet.plants, devices: this.ledger.fleet.devices })
        : this.scheduleLedger();
  }

  private learnFleet(plants: number, devices: number): void {
    this.ledger.fleet.plants = Math.max(this.ledger.fleet.plants, plants);
    this.ledger.fleet.devices = Math.max(this.ledger.fleet.devices, devices);
  }

  /** A burst of calls is encoded once. */
  private scheduleLedger(): void {
    if (this.ledgerTimer || this.closed) return;
    this.ledgerTimer = setImmediate(() => {
      this.ledgerTimer = undefined;
      this.saveLedger();
    });
  }

  private saveLedger(): void {
    const l = encodeLedger(this.ledger);
    const text = JSON.stringify(l);
    if (text === this.lastLedger) return;
    this.lastLedger = text;
    this.store.saveLedger(l);
  }

  sessionSync(password: string): SessionSync {
    let sync = this.syncs.get(password);
    if (!sync) {
      let id: string | undefined;
      const credential = (): string => (id ??= credentialId(this.account, password));
      sync = sessionSync(this.store, credential, (e) => this.problem({ message: `state store: ${e.message}` }));
      this.syncs.set(password, sync);
    }
    return sync;
  }

  /** The monitor's last poll of `key` (clock time), 0 when never. */
  lastPoll(key: string): number {
    return this.polls[key] ?? 0;
  }

  savePoll(key: string, at: number): void {
    this.polls[key] = at;
    this.store.savePoll(key, at);
  }

  /**
   * Claims the poll `key` at `at` (see StateStore.claimPoll): refused when another instance
   * polled it within `periodMs`, with when to look again.
   */
  async claimPoll(key: string, at: number, periodMs: number): Promise<PollClaim> {
    const c = await this.store.claimPoll(key, at, periodMs);
    if (c.ok) this.polls[key] = Math.max(at, this.polls[key] ?? 0);
    return c;
  }

  /** The claimed poll was not made: the next try (here or on another instance) may make it. */
  releasePoll(key: string, at: number, previous: number | undefined): void {
    if (this.polls[key] === at) {
      if (previous === undefined) delete this.polls[key];
      else this.polls[key] = previous;
    }
    this.store.releasePoll(key, at, previous);
  }

  /** A monitor node's memory as the store last had it (checked by the monitor). */
  monitorState(id: string): unknown {
    return this.monitors[id];
  }

  saveMonitorState(id: string, state: unknown): void {
    this.monitors[id] = state;
    this.store.saveMonitor(id, state);
  }

  get instances(): number {
    return this.store.instances;
  }

  /** Writes what is pending (Node-RED is stopping: the file must be complete before it exits). */
  async flush(): Promise<void> {
    await this.ready.catch(() => undefined);
    if (this.closed) return;
    this.saveLedger();
    await this.store.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => undefined);
    if (this.ledgerTimer) {
      clearImmediate(this.ledgerTimer);
      this.ledgerTimer = undefined;
    }
    this.saveLedger();
    if (this.ledger.shared === this.store.shared) this.ledger.shared = undefined;
    this.ledger.onChange = undefined;
    this.offFleet?.();
    await this.store.close();
  }
}
