import type { Clock } from '../clock';
import { loginGuardFor, type LoginGuard } from './login-guard';
import { Session } from './session';
import { Transport } from './transport';

/** What identifies one login on one server: only this may be shared between account nodes. */
export interface LoginTarget {
  baseUrl: string;
  username: string;
  password: string;
  tlsVerify?: boolean;
  ca?: string;
  /** Default per-request deadline when a caller gives none, in seconds. */
  timeoutSec?: number;
  locale?: 'en-us' | 'zh-cn';
}

/**
 * The user's side of an account: connection pool, token and cookies, login guard (window,
 * latch, quota ledger) and the caches learned from list calls. Account nodes with the same
 * login share one; each node's own settings live in its FusionSolarClient, never here.
 */
export class SharedSession {
  readonly transport: Transport;
  readonly session: Session;
  readonly loginGuard: LoginGuard;
  readonly cache = new Map<string, { at: number; value: unknown }>();

  constructor(target: LoginTarget, readonly clock: Clock) {
    this.transport = new Transport({
      baseUrl: target.baseUrl,
      timeoutMs: (target.timeoutSec ?? 30) * 1000,
      tlsVerify: target.tlsVerify ?? true,
      ca: target.ca || undefined,
    });
    this.loginGuard = loginGuardFor(target.baseUrl, target.username, clock);
    this.session = new Session(this.transport, this.loginGuard, clock, { username: target.username, password: target.password }, {
      locale: target.locale,
      loginWaitMs: 60_000,
    });
  }

  async close(): Promise<void> {
    await this.session.logout(this.loginGuard.governor);
    await this.transport.close();
  }
}
