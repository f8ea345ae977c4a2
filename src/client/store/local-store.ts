import { promises as fsp, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { decode, encode } from './snapshot';
import { Mutex } from './mutex';
import type {
  AccountSnapshot,
  PollClaim,
  StateStore,
  StoredFleet,
  StoredLedger,
  StoredRejection,
  StoredSession,
  StoreProblem,
} from './types';

export interface LocalStoreOptions {
  /** Folder of the state files (the account node uses `<userDir>/fusionsolar`). */
  dir: string;
  account: string;
  /** File name below `dir` when not `<account>.json` (the Redis store's own copy). */
  name?: string;
  onProblem?: (p: StoreProblem) => void;
}

/**
 * One JSON file per account, readable only by its owner, replaced atomically (a temporary
 * file renamed over it), so a crash mid-write leaves the previous version, never half a file.
 * Writes are coalesced: a burst of calls costs one write.
 */
export class LocalStore implements StateStore {
  readonly kind = 'local' as const;
  readonly health = 'online' as const;
  readonly instances = 1;
  readonly file: string;
  private snap: AccountSnapshot = { polls: {} };
  private dirty = false;
  private timer: NodeJS.Immediate | undefined;
  private writing: Promise<void> | undefined;
  private readonly locks = new Map<string, Mutex>();

  constructor(private readonly opts: LocalStoreOptions) {
    this.file = join(opts.dir, opts.name ?? `${opts.account}.json`);
  }

  onHealth(): () => void {
    return () => undefined;
  }

  async load(): Promise<AccountSnapshot> {
    this.removeLeftovers();
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        this.problem(`cannot read ${this.file}: ${(err as Error).message}`);
      return this.snap;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const decoded = raw === undefined ? undefined : decode(raw, this.opts.account);
    if (!decoded || decoded.dropped.includes('not an object')) {
      this.setAside('it is not valid JSON');
      return this.snap;
    }
    if (decoded.newer !== undefined) {
      this.setAside(`a newer version wrote it (format ${decoded.newer})`);
      return this.snap;
    }
    if (decoded.dropped.length)
      this.problem(`${this.file}: ignored what this version does not understand (${decoded.dropped.join(', ')})`);
    this.snap = decoded.snapshot;
    return this.snap;
  }

  /** Temporary files of a write that a killed process never finished: the file itself is whole. */
  private removeLeftovers(): void {
    const prefix = `${this.opts.name ?? `${this.opts.account}.json`}.`;
    let names: string[] = [];
    try {
      names = readdirSync(this.opts.dir);
    } catch {
      return;
    }
    for (const n of names)
      if (n.startsWith(prefix) && n.endsWith('.tmp')) rmSync(join(this.opts.dir, n), { force: true });
  }

  /** Keeps a file we cannot use beside the new one, for a human to look at. */
  private setAside(why: string): void {
    const aside = `${this.file}.unreadable-${Date.now()}`;
    try {
      renameSync(this.file, aside);
      this.problem(`state file ${this.file} was set aside as ${aside}: ${why}; starting from an empty state`);
    } catch (err) {
      this.problem(`state file ${this.file} is unusable (${why}) and could not be renamed: ${(err as Error).message}`);
    }
  }

  private problem(message: string): void {
    this.opts.onProblem?.({ message, file: this.file });
  }

  async session(): Promise<StoredSession | undefined> {
    return this.snap.session;
  }

  async saveSession(s: StoredSession): Promise<void> {
    this.snap.session = { ...s, cookies: { ...s.cookies } };
    this.schedule();
  }

  async dropSession(token: string): Promise<void> {
    if (this.snap.session?.token !== token) return;
    this.snap.session = undefined;
    this.schedule();
  }

  exclusive<T>(name: string, fn: () => Promise<T>): Promise<T> {
    let m = this.locks.get(name);
    if (!m) this.locks.set(name, (m = new Mutex()));
    return m.run(fn);
  }

  async rejection(): Promise<StoredRejection | undefined> {
    return this.snap.rejected;
  }

  async saveRejection(r: StoredRejection | undefined): Promise<void> {
    this.snap.rejected = r;
    this.schedule();
  }

  saveFleet(f: StoredFleet): void {
    this.snap.fleet = { ...f };
    this.schedule();
  }

  saveLedger(l: StoredLedger): void {
    this.snap.ledger = l;
    this.schedule();
  }

  savePoll(key: string, at: number): void {
    this.snap.polls[key] = at;
    this.schedule();
  }

  /** One instance: every poll is its own. */
  async claimPoll(key: string, at: number): Promise<PollClaim> {
    const previous = this.snap.polls[key];
    this.savePoll(key, at);
    return previous === undefined ? { ok: true } : { ok: true, previous };
  }

  releasePoll(key: string, at: number, previous: number | undefined): void {
    if (this.snap.polls[key] !== at) return;
    if (previous === undefined) delete this.snap.polls[key];
    else this.snap.polls[key] = previous;
    this.schedule();
  }

  saveMonitor(id: string, state: unknown): void {
    (this.snap.monitors ??= {})[id] = state;
    this.schedule();
  }

  /** The Redis store keeps the instances it last saw here. */
  saveInstances(n: number): void {
    if (this.snap.instances === n) return;
    this.snap.instances = n;
    this.schedule();
  }

  private schedule(): void {
    this.dirty = true;
    if (this.timer || this.writing) return;
    this.timer = setImmediate(() => {
      this.timer = undefined;
      void this.writeNow();
    });
  }

  private async writeNow(): Promise<void> {
    if (this.writing) return this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    this.writing = this.write(encode(this.snap, this.opts.account, Date.now()))
      .catch((err: Error) => this.problem(`cannot write ${this.file}: ${err.message}`))
      .finally(() => {
        this.writing = undefined;
        if (this.dirty) this.schedule();
      });
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    mkdirSync(this.opts.dir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const fh = await fsp.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(text, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await fsp.rename(tmp, this.file);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  flush(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearImmediate(this.timer);
      this.timer = undefined;
    }
    while (this.writing || this.dirty) {
      await (this.writing ?? this.writeNow());
    }
  }
}
