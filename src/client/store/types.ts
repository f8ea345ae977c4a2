/**
 * What outlives a restart of Node-RED, and what several instances on one northbound
 * account share. Everything here is keyed by the account (origin + username, hashed); the
 * credentials are only ever present as a salted hash (`credential`).
 */

export interface StoredSession {
  /** Hash of origin, username and password (identity.ts): a token is reused only by its own login. */
  credential: string;
  token: string;
  /** The cookies its login set: the server wants them back with the token. */
  cookies: Record<string, string>;
  /** Clock time of the last request made with it (idle expiry is 30 minutes from there). */
  lastUsed: number;
}

export interface StoredRejection {
  credential: string;
  /** The server's code, when it gave one (an empty body gives none). */
  code?: string;
  at: number;
}

export interface StoredBudget {
  stamps: number[];
  blockedUntil: number;
  blockedReason?: string;
  blockedDaily?: boolean;
  strikes: number;
}

export interface StoredLedger {
  pausedUntil: number;
  budgets: Record<string, StoredBudget>;
}

export interface StoredFleet {
  plants: number;
  devices: number;
}

export interface AccountSnapshot {
  session?: StoredSession;
  rejected?: StoredRejection;
  ledger?: StoredLedger;
  fleet?: StoredFleet;
  /** The monitor's last poll time per poll key. */
  polls: Record<string, number>;
  /** Each monitor node's memory (counters, open alarms, plants, devices), by node id; checked by the monitor. */
  monitors?: Record<string, unknown>;
  /** Redis store: how many instances shared the account when this one last saw Redis. */
  instances?: number;
}

/** A poll claimed: this instance makes it. Refused: another instance made or owns it; look again at `next`. */
export type PollClaim = { ok: true; previous?: number } | { ok: false; next: number };

export type StoreHealth = 'online' | 'offline';

/** One quota window as the shared admission sees it (computed by the governor at `now`). */
export interface WindowSpec {
  /** Calls at or after (`inclusive`) or after this time are inside the window. */
  from: number;
  inclusive: boolean;
  count: number;
  windowMs: number;
  /** Calendar day: when the next day starts; sliding windows: undefined. */
  next?: number;
}

export type Admission = { ok: true; member: string; stamps?: number[] } | { ok: false; at: number; reason?: string };

/**
 * The quota ledger of an account shared between instances: admission is one atomic step,
 * so two instances can never both take the last call of a window.
 */
export interface SharedLedger {
  take(key: string, windows: WindowSpec[], now: number, keepMs: number): Promise<Admission>;
  /** The call never reached the server. */
  drop(key: string, member: string): void;
  /** The call was answered at `t`: the latest time the server can have counted it. */
  move(key: string, member: string, t: number): void;
  block(key: string, until: number, reason: string, daily: boolean): void;
  pause(until: number): void;
}

export interface StoreProblem {
  /** i18n-free English, for the account node's log. */
  message: string;
  file?: string;
}

/**
 * One store per account. `local`: a file in the Node-RED user directory, this instance
 * only. `redis`: shared by every instance that names the same Redis and account.
 */
export interface StateStore {
  readonly kind: 'local' | 'redis';
  readonly health: StoreHealth;
  onHealth(listener: (h: StoreHealth) => void): () => void;
  /** Reads what was kept; an unreadable or foreign store reads as empty and is reported. */
  load(): Promise<AccountSnapshot>;
  session(): Promise<StoredSession | undefined>;
  saveSession(s: StoredSession): Promise<void>;
  /** Forgets the session if it still holds `token` (a newer one from another instance stays). */
  dropSession(token: string): Promise<void>;
  /** Runs `fn` while no other instance logs in to this account; waits its turn. */
  exclusive<T>(name: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  rejection(): Promise<StoredRejection | undefined>;
  saveRejection(r: StoredRejection | undefined): Promise<void>;
  saveFleet(f: StoredFleet): void;
  /** Redis: a larger fleet another instance saved (local: none). */
  onFleet?(listener: (f: StoredFleet) => void): () => void;
  /** This instance's ledger (local: the truth; redis: its own calls, to re-seed an emptied Redis). */
  saveLedger(l: StoredLedger): void;
  readonly shared?: SharedLedger;
  savePoll(key: string, at: number): void;
  /**
   * Claims the poll `key` at `at` unless any instance polled it less than `periodMs` ago, so
   * instances divide the monitor's polls instead of repeating them (one atomic step in Redis).
   * The instance that made the last poll keeps its turn for a short grace: polls stay put.
   */
  claimPoll(key: string, at: number, periodMs: number): Promise<PollClaim>;
  /** The poll claimed at `at` was not made (its call failed): back to `previous`, so it can be made again. */
  releasePoll(key: string, at: number, previous: number | undefined): void;
  saveMonitor(id: string, state: unknown): void;
  /** Instances seen recently (1 for a local store). */
  readonly instances: number;
  /** Resolves once what was saved so far is written. */
  flush(): Promise<void>;
  /** Writes what is pending and lets go of connections. */
  close(): Promise<void>;
}
