import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { FusionSolarError } from './errors';
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

  constructor(clock: Clock) {
    this.governor = new Governor(clock, (e) => (e === 'login' ? SESSION_RULES.login : undefined), () => ({ plants: 1, devices: 1 }), {
      ledger: this.ledger,
    });
  }

  rejection(password: string): FusionSolarError | undefined {
    return this.rejected.get(hash(password));
  }

  reject(password: string, err: FusionSolarError): void {
    this.rejected.set(hash(password), err);
  }
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

const guards = new Map<string, LoginGuard>();

export function loginGuardFor(baseUrl: string, username: string, clock: Clock): LoginGuard {
  const key = `${new URL(baseUrl).origin}\0${username}`;
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
