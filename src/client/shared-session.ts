import type { AccountMemory } from './client';
import type { Clock } from '../clock';
import { loginGuardFor, loginWindowKey, type LoginGuard } from './login-guard';
import { bindStore, releaseStore } from './store/attach';
import { storeKeyOf, type StoreBinding, type StoreConfig } from './store/binding';
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
  /** Where token, ledger, fleet and latch outlive a restart; memory only when absent. */
  store?: StoreConfig;
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
  /** The lasting store, when the account has one. */
  state: StoreBinding | undefined;
  /** Resolves once the stored state is read: calls wait for it. */
  ready: Promise<void> = Promise.resolve();
  private readonly target: LoginTarget;

  constructor(
    target: LoginTarget,
    readonly clock: Clock,
  ) {
    this.transport = new Transport({
      baseUrl: target.baseUrl,
      timeoutMs: (target.timeoutSec ?? 30) * 1000,
      tlsVerify: target.tlsVerify ?? true,
      ca: target.ca || undefined,
    });
    this.loginGuard = loginGuardFor(target.baseUrl, target.username, clock);
    this.session = new Session(
      this.transport,
      this.loginGuard,
      clock,
      { username: target.username, password: target.password },
      {
        locale: target.locale,
        loginWaitMs: 60_000,
        api: target.api === 'v6' ? 'v6' : 'v7',
      },
    );
    this.target = target;
    this.useStore(target.store);
  }

  /** Keeps the state in `store` from now on (a redeploy may change it); none: memory only. */
  useStore(store: StoreConfig | undefined): void {
    const old = this.state;
    if ((old?.key ?? '') === (store ? storeKeyOf(store) : '')) return;
    if (old) void old.flush().then(() => releaseStore(this.loginGuard, old));
    const state = store
      ? bindStore(this.loginGuard, store, loginWindowKey(this.target.baseUrl, this.target.username))
      : undefined;
    this.state = state;
    this.session.detach();
    this.ready = state
      ? state.ready.then(() => this.session.attach(state.sessionSync(this.target.password))).catch(() => undefined)
      : Promise.resolve();
  }

  async close(): Promise<void> {
    await this.session.logout(this.loginGuard.governor);
    await this.transport.close();
    if (this.state) await releaseStore(this.loginGuard, this.state);
  }

  /**
   * Node-RED is stopping, not losing the account: with a lasting store the token is kept
   * for the restart (a logout would cost a login then); without one it is logged out.
   */
  async suspend(): Promise<void> {
    if (!this.state) return this.close();
    await this.state.flush();
    await this.transport.close();
    await releaseStore(this.loginGuard, this.state);
  }
}
