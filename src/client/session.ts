import type { Clock } from '../clock';
import { CookieJar } from './cookies';
import { parseEnvelope, type Envelope } from './envelope';
import { FusionSolarError } from './errors';
import type { LoginGuard } from './login-guard';
import type { SessionSync } from './store/session-sync';
import type { HttpResponse, Transport } from './transport';

export const API_PREFIX = '/rest/openapi/pvms/v1';
/** V6 endpoint keys name their path below the base URL, e.g. `thirdData/getStationRealKpi`. */
export const V6_PREFIX = 'thirdData/';

/** The request path of an endpoint key: V6 keys are paths already, V7 keys sit below API_PREFIX. */
export function endpointPath(endpoint: string): string {
  return endpoint.startsWith(V6_PREFIX) ? `/${endpoint}` : `${API_PREFIX}/${endpoint}`;
}

/** Login and logout differ by interface only in path and in the names of the login fields. */
const LOGIN = {
  v7: {
    login: `${API_PREFIX}/login`,
    logout: `${API_PREFIX}/logout`,
    body: (c: Credentials) => ({ username: c.username, password: c.password }),
  },
  v6: {
    login: '/thirdData/login',
    logout: '/thirdData/logout',
    body: (c: Credentials) => ({ userName: c.username, systemCode: c.password }),
  },
} as const;
export const IDLE_EXPIRY_MS = 30 * 60_000;
/** Re-login a little before the server's idle expiry rather than earn a 305. */
const EXPIRY_MARGIN_MS = 60_000;

/** Codes with which the server rejects the credentials themselves: another try risks the lockout. */
const REJECTING_CODES = new Set(['20001', '20002', '20003', '20400', '20403']);

export type SessionState = 'idle' | 'active' | 'rejected';

export interface Credentials {
  username: string;
  password: string;
}

export interface SessionOptions {
  locale?: 'en-us' | 'zh-cn';
  loginWaitMs: number;
  /** The account's interface (default v7): V6 logs in at /thirdData/login with userName/systemCode. */
  api?: 'v7' | 'v6';
}

/** What the caller of a login brings: each account node has its own wait and timeout. */
export interface LoginOptions {
  loginWaitMs?: number;
  timeoutMs?: number;
}

/**
 * Login failures that say nothing about the password: the request or the server broke.
 * Another attempt is allowed, after the guard's back-off. Every other answer that is not a
 * success with a token may be the server's way of saying "wrong password".
 */
function inTransit(e: FusionSolarError): boolean {
  if (['ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'CERT', 'TOO_LARGE', '403', '429'].includes(e.code))
    return true;
  return e.code === 'HTTP' && (e.httpStatus ?? 0) >= 500;
}

/**
 * Holds the XSRF token and cookies of one account. One login at a time; after the server
 * rejects the password no login is attempted again (5 wrong passwords lock the account for
 * 30 minutes) until a new Session is made with other credentials.
 */
export class Session {
  private readonly jar = new CookieJar();
  private token: string | undefined;
  private lastUsed = 0;
  private loginInFlight: Promise<void> | undefined;
  private rejection: FusionSolarError | undefined;
  private cachedHeaders: Readonly<Record<string, string>> | undefined;
  private listeners = new Set<(state: SessionState) => void>();
  /** The lasting store (restarts, other instances), when the account has one. */
  private sync: SessionSync | undefined;
  /** The last token the server refused: a stored copy of it is not adopted again. */
  private dead: string | undefined;
  logins = 0;

  constructor(
    private readonly transport: Transport,
    private readonly guard: LoginGuard,
    private readonly clock: Clock,
    private readonly credentials: Credentials,
    private readonly opts: SessionOptions,
  ) {
    if (opts.locale) this.jar.set('locale', opts.locale);
    this.rejection = guard.rejection(credentials.username, credentials.password);
  }

  private get paths(): (typeof LOGIN)['v7' | 'v6'] {
    return LOGIN[this.opts.api === 'v6' ? 'v6' : 'v7'];
  }

  get state(): SessionState {
    if (this.rejection) return 'rejected';
    return this.token ? 'active' : 'idle';
  }

  onState(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    this.cachedHeaders = undefined;
    for (const l of [...this.listeners]) l(this.state);
  }

  private expired(): boolean {
    return !this.token || this.clock.now() - this.lastUsed > IDLE_EXPIRY_MS - EXPIRY_MARGIN_MS;
  }

  /**
   * Headers for an authenticated call; the token never leaves this class otherwise. Built
   * once per session state (every change of token or cookies emits), not once per call.
   */
  headers(): Readonly<Record<string, string>> {
    if (this.cachedHeaders) return this.cachedHeaders;
    const h: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.token) h['XSRF-TOKEN'] = this.token;
    const cookie = this.jar.header();
    if (cookie) h.cookie = cookie;
    this.cachedHeaders = Object.freeze(h);
    return this.cachedHeaders;
  }

  /** Marks the token as unusable, unless a newer login already replaced it. */
  invalidate(tokenSeen: string | undefined): void {
    if (tokenSeen !== undefined && tokenSeen !== this.token) return;
    if (this.token) {
      this.dead = this.token;
      this.sync?.dropped(this.token);
    }
    this.token = undefined;
    this.emit();
  }

  /**
   * Keeps the token, cookies and rejection in a lasting store: a restart, or another
   * instance of the same account, adopts a live token instead of logging in again, and
   * never retries a rejected password. Resolves once a stored rejection is known.
   */
  async attach(sync: SessionSync): Promise<void> {
    this.sync = sync;
    const stored = await sync.rejection();
    if (stored && !this.rejection) this.reject(stored.code, undefined, false);
  }

  /** Back to memory only (the account's store changed; attach follows with the new one). */
  detach(): void {
    this.sync = undefined;
  }

  /** A live token saved before a restart or by another instance, if any. */
  private async adopt(): Promise<boolean> {
    const s = await this.sync?.adopt(this.dead);
    if (!s || this.clock.now() - s.lastUsed > IDLE_EXPIRY_MS - EXPIRY_MARGIN_MS) return false;
    this.jar.load(s.cookies);
    this.token = s.token;
    this.lastUsed = s.lastUsed;
    this.emit();
    return true;
  }

  /** Adopts a stored token, or logs in while no other instance does (then adopts theirs). */
  private async refresh(signal: AbortSignal | undefined, opts: LoginOptions): Promise<void> {
    const sync = this.sync;
    if (!sync) return this.login(signal, opts);
    if (await this.adopt()) return;
    await sync.exclusive(async () => {
      const stored = await sync.rejection();
      if (stored && !this.rejection) this.reject(stored.code, undefined, false);
      if (this.rejection) throw this.rejection;
      if (await this.adopt()) return;
      await this.login(signal, opts);
    }, signal);
  }

  get currentToken(): string | undefined {
    return this.token;
  }

  touch(): void {
    this.lastUsed = this.clock.now();
    this.sync?.touched(this.lastUsed);
  }

  /** Logs in when there is no fresh token; concurrent callers share one login. */
  async ensure(signal?: AbortSignal, opts: LoginOptions = {}): Promise<void> {
    if (this.rejection) throw this.rejection;
    if (!this.expired()) return;
    if (!this.loginInFlight) {
      this.loginInFlight = this.refresh(signal, opts).finally(() => {
        this.loginInFlight = undefined;
      });
    }
    await this.loginInFlight;
  }

  private async login(signal: AbortSignal | undefined, opts: LoginOptions): Promise<void> {
    // Another session of this user may have latched a rejection since this one was made.
    this.rejection = this.guard.rejection(this.credentials.username, this.credentials.password);
    if (this.rejection) throw this.rejection;
    const held = this.guard.holdoff(this.clock.now());
    if (held) throw held;
    const permit = await this.guard.governor.admit('login', {
      signal,
      maxWaitMs: opts.loginWaitMs ?? this.opts.loginWaitMs,
    });
    let res: HttpResponse;
    try {
      this.jar.clear();
      if (this.opts.locale) this.jar.set('locale', this.opts.locale);
      this.logins++;
      res = await this.transport.send(
        {
          method: 'POST',
          path: this.paths.login,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(this.opts.locale ? { cookie: `locale=${this.opts.locale}` } : {}),
          },
          body: JSON.stringify(this.paths.body(this.credentials)),
        },
        { timeoutMs: opts.timeoutMs },
      );
    } catch (err) {
      const e = err instanceof FusionSolarError ? err : new FusionSolarError('ECONNRESET', { endpoint: 'login' });
      if (e.code !== 'ABORTED') this.guard.failedInTransit(e, this.clock.now());
      throw e;
    } finally {
      permit.release();
    }
    let env: Envelope;
    try {
      env = parseEnvelope(res, 'login');
    } catch (err) {
      const e = err as FusionSolarError;
      if (e.code === '407') {
        e.retryAfter = this.guard.governor.exhaust('login');
        throw e;
      }
      if (e.code === '403' || e.code === '429') this.guard.governor.pauseAll(e.retryAfter ?? 60_000);
      if (inTransit(e)) {
        this.guard.failedInTransit(e, this.clock.now());
        throw e;
      }
      throw this.reject(e.code === 'EMPTY_RESPONSE' ? undefined : e.code, e.httpStatus);
    }
    this.jar.store(res.headers['set-cookie']);
    const header = Object.entries(res.headers).find(([k]) => k.toLowerCase() === 'xsrf-token')?.[1];
    const token = (Array.isArray(header) ? header[0] : header) || this.jar.get('XSRF-TOKEN');
    if (!token || env.success === false) {
      throw this.reject(env.success === false ? 'success:false' : 'no token', res.status);
    }
    this.guard.succeeded();
    this.token = token;
    this.lastUsed = this.clock.now();
    this.sync?.saved(token, this.jar.entries(), this.lastUsed);
    this.emit();
  }

  /**
   * Latches a refusal: documented rejections and every answer that is neither a success with
   * a token nor a failure in transit, since some servers say "wrong password" that way.
   */
  private reject(serverCode: string | undefined, httpStatus?: number, keep = true): FusionSolarError {
    const known = serverCode !== undefined && REJECTING_CODES.has(serverCode);
    const detail = serverCode
      ? ` (${known ? 'server code ' : 'answer: '}${serverCode}` +
        `${httpStatus && httpStatus !== 200 ? `, HTTP ${httpStatus}` : ''})`
      : '';
    const what =
      known || serverCode === undefined
        ? 'rejected the username or password'
        : 'gave no usable answer to the login, which may mean a wrong password';
    this.rejection = new FusionSolarError('LOGIN_REJECTED', {
      endpoint: 'login',
      details: serverCode ? { serverCode } : undefined,
      message:
        `The FusionSolar server ${what}${detail}. No further login is attempted until the ` +
        `account's credentials are changed (5 wrong passwords lock the account for 30 minutes).`,
    });
    this.guard.reject(this.credentials.username, this.credentials.password, this.rejection);
    if (keep) this.sync?.rejected(serverCode, this.clock.now());
    this.token = undefined;
    this.emit();
    return this.rejection;
  }

  /** Releases the token on the server; bounded so a stopping Node-RED never hangs on it. */
  async logout(governor: { admit: LoginGuard['governor']['admit'] }, timeoutMs = 3000): Promise<void> {
    const token = this.token;
    if (!token) return;
    this.token = undefined;
    this.cachedHeaders = undefined;
    this.sync?.dropped(token);
    const attempt = (async () => {
      const permit = await governor.admit('logout', { maxWaitMs: 0 });
      try {
        const headers = { 'content-type': 'application/json', 'XSRF-TOKEN': token, cookie: this.jar.header() };
        await this.transport.send({
          method: 'POST',
          path: this.paths.logout,
          headers,
          body: JSON.stringify({ xsrfToken: token }),
        });
      } finally {
        permit.release();
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
      timer.unref();
    });
    await Promise.race([attempt.catch(() => undefined), timeout]);
    if (timer) clearTimeout(timer);
    this.jar.clear();
    this.emit();
  }
}
