import type { AccountMemory } from './client';
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
  /** V6 logs in at /thirdData/login: another login than V7's, never shared with it. */
  api?: 'v7' | 'v6';
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
  readonly memory: AccountMemory = { plantZones: new Map(), inverters: new Map() };

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
      api: target.api === 'v6' ? 'v6' : 'v7',
    });
  }

  async close(): Promise<void> {
    await this.session.logout(this.loginGuard.governor);
    await this.transport.close();
  }
}
