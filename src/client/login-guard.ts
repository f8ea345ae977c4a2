import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { FusionSolarError } from './errors';
import { Governor } from './governor';
import { QuotaLedger } from './quota/ledger';
import { SESSION_RULES } from './quota/rules';

/**
 * What protects an account from lockout must outlive any one session: the login window
 * (5 per 10 minutes) and the memory of a rejected password are per URL and username, so
 * a redeploy, a second config node or "Test connection" cannot add attempts. The server
 * counts every quota per user too, so the quota ledger lives here as well.
 */
export class LoginGuard {
  readonly governor: Governor;
  readonly ledger = new QuotaLedger();
  private readonly rejected = new Map<string, FusionSolarError>();
  /** After a login that failed in transit: no attempt before this time (clock ms). */
  private backoffUntil = 0;
  private backoffMs = 0;
  private backoffError: FusionSolarError | undefined;

  constructor(clock: Clock) {
    this.governor = new Governor(
      clock,
      (e) => (e === 'login' || e === 'logout' ? SESSION_RULES[e] : undefined),
      () => ({ plants: 1, devices: 1 }),
      {
        ledger: this.ledger,
      },
    );
  }

  /** Exact spelling: a typo in the user name must not latch the user's real login. */
  rejection(username: string, password: string): FusionSolarError | undefined {
    return this.rejected.get(hash(`${username}\0${password}`));
  }

  reject(username: string, password: string, err: FusionSolarError): void {
    this.rejected.set(hash(`${username}\0${password}`), err);
  }

  /**
   * The error that keeps a login from being sent now, after a recent failure in transit.
   * Doubling waits from one minute leave at most four attempts in any 10 minutes, so retries
   * alone never use up the window of five.
   */
  holdoff(now: number): FusionSolarError | undefined {
    if (!this.backoffError || now >= this.backoffUntil) return undefined;
    const e = this.backoffError;
    return new FusionSolarError(e.code, {
      endpoint: 'login',
      httpStatus: e.httpStatus,
      retryAfter: this.backoffUntil - now,
      message:
        `${e.message} (the last login failed; the next one is sent ` +
        `in ${Math.ceil((this.backoffUntil - now) / 1000)} s at the earliest, to keep within 5 logins per 10 minutes)`,
    });
  }

  failedInTransit(err: FusionSolarError, now: number): void {
    this.backoffMs = Math.min(MAX_BACKOFF_MS, this.backoffMs ? this.backoffMs * 2 : FIRST_BACKOFF_MS);
    this.backoffUntil = now + this.backoffMs;
    this.backoffError = err;
  }

  succeeded(): void {
    this.backoffMs = 0;
    this.backoffUntil = 0;
    this.backoffError = undefined;
  }
}

const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 10 * 60_000;

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

const guards = new Map<string, LoginGuard>();

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|\[::ffff:127(\.\d{1,3}){3}\])$/;

/**
 * One name per server and user however they are spelt: host case and default ports (URL
 * does those), every loopback name, user names trimmed and case-folded. Spellings must not
 * add up to more than the server's 5 logins, which it counts per user.
 */
export function loginWindowKey(baseUrl: string, username: string): string {
  const url = new URL(baseUrl.trim());
  const host = LOOPBACK.test(url.hostname) ? 'loopback' : url.hostname;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return `${host}:${port}\0${username.trim().toLowerCase()}`;
}

export function loginGuardFor(baseUrl: string, username: string, clock: Clock): LoginGuard {
  const key = loginWindowKey(baseUrl, username);
  let g = guards.get(key);
  if (!g) {
    g = new LoginGuard(clock);
    guards.set(key, g);
  }
  return g;
}

/** Tests start from a clean slate; a running Node-RED never forgets. */
export function resetLoginGuards(): void {
  guards.clear();
}
