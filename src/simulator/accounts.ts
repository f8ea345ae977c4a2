import { randomBytes } from 'node:crypto';
import type { SimUser } from './types';

export const IDLE_MS = 30 * 60_000;
const FAIL_WINDOW_MS = 10 * 60_000;
const LOCK_MS = 30 * 60_000;

interface SessionRec {
  user: SimUser;
  lastUsed: number;
}

/** Users, their tokens and the wrong-password lockout of reference 9.1.1. */
export class Accounts {
  readonly users = new Map<string, SimUser>();
  private readonly sessions = new Map<string, SessionRec>();
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    users: SimUser[],
    private readonly singleSession: boolean,
  ) {
    for (const u of users) this.users.set(u.username, u);
  }

  /** 'ok' with a token, 'wrong' for a bad name or password, 'locked' during the lockout. */
  login(
    username: string,
    password: string,
    now: number,
  ): { result: 'ok'; token: string } | { result: 'wrong' | 'locked' } {
    if ((this.lockedUntil.get(username) ?? 0) > now) return { result: 'locked' };
    const user = this.users.get(username);
    if (!user || user.password !== password) {
      const recent = (this.failures.get(username) ?? []).filter((t) => t > now - FAIL_WINDOW_MS);
      recent.push(now);
      this.failures.set(username, recent);
      if (recent.length >= 5) {
        this.lockedUntil.set(username, now + LOCK_MS);
        this.failures.delete(username);
      }
      return { result: 'wrong' };
    }
    this.failures.delete(username);
    if (this.singleSession) this.revoke(username);
    const token = `x-${randomBytes(24).toString('hex')}`;
    this.sessions.set(token, { user, lastUsed: now });
    return { result: 'ok', token };
  }

  /** The user of a live token, refreshing its idle timer; undefined means 305. */
  authenticate(token: string | undefined, now: number): SimUser | undefined {
    if (!token) return undefined;
    const s = this.sessions.get(token);
    if (!s) return undefined;
    if (now - s.lastUsed > IDLE_MS) {
      this.sessions.delete(token);
      return undefined;
    }
    s.lastUsed = now;
    return s.user;
  }

  logout(token: string): boolean {
    return this.sessions.delete(token);
  }

  /** Ends every session of a user, as a login elsewhere does on the live system. */
  revoke(username?: string): void {
    for (const [t, s] of this.sessions) if (!username || s.user.username === username) this.sessions.delete(t);
  }

  isLocked(username: string, now: number): boolean {
    return (this.lockedUntil.get(username) ?? 0) > now;
  }

  /** Every token handed out and still live: tests search outputs for them. */
  activeTokens(): string[] {
    return [...this.sessions.keys()];
  }

  get sessionCount(): number {
    return this.sessions.size;
  }
}
