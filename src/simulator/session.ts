import type http from 'node:http';
import { envelope, type Reply } from './http';
import type { Simulator } from './server';
import type { JsonObject } from './types';
import { text } from '../text';

const SESSION_QUOTA = [{ count: 5, windowMs: 10 * 60_000 }];

export function quota407(): JsonObject {
  return { data: 'ACCESS_FREQUENCY_IS_TOO_HIGH', failCode: 407, params: null, success: false };
}

export function relogin305(): JsonObject {
  return { failCode: 305, immediately: true, message: 'USER_MUST_RELOGIN' };
}

export function tokenOf(req: http.IncomingMessage): string | undefined {
  const h = req.headers['xsrf-token'];
  return Array.isArray(h) ? h[0] : h;
}

export function login(sim: Simulator, body: JsonObject, now: number): Reply {
  const username = text(body.username ?? body.userName ?? '');
  const password = text(body.password ?? body.systemCode ?? '');
  const user = sim.accounts.users.get(username) ?? { username, password: '', scope: [] };
  if (!sim.quotas.admit(sim, user, 'login', SESSION_QUOTA, now)) {
    sim.stats.quota407++;
    return { status: 200, body: quota407() };
  }
  const r = sim.accounts.login(username, password, now);
  if (r.result === 'locked') {
    sim.stats.failedLogins++;
    return { status: 200, body: envelope(20400, null) };
  }
  if (r.result === 'wrong') {
    sim.stats.failedLogins++;
    // The live system answers a wrong password with HTTP 200 and no body at all.
    return { status: 200, body: '' };
  }
  if (r.result !== 'ok') return { status: 200, body: '' };
  sim.stats.logins++;
  return {
    status: 200,
    body: { success: true, failCode: 0, message: null },
    headers: {
      'xsrf-token': r.token,
      'set-cookie': [
        `JSESSIONID=${r.token.slice(2, 34).toUpperCase()}; Path=/; Secure; HttpOnly`,
        `XSRF-TOKEN=${r.token}; Path=/; Secure`,
      ],
    },
  };
}

/**
 * `v6` is the token a V6 logout names in its body or cookie (6.1.2); a V7 logout names it
 * in the body's mandatory `xsrfToken` (9.1.2), whatever the header says.
 */
export function logout(sim: Simulator, req: http.IncomingMessage, now: number, v6?: string, body?: JsonObject): Reply {
  if (v6 === undefined && body !== undefined) {
    const named = body.xsrfToken;
    if (typeof named !== 'string' || named.trim() === '')
      return { status: 200, body: envelope(20612, null, 'xsrfToken is empty.') };
  }
  const token = v6 ?? (typeof body?.xsrfToken === 'string' ? body.xsrfToken.trim() : tokenOf(req));
  const user = sim.accounts.authenticate(token, now);
  if (!user || !token) return { status: 200, body: relogin305() };
  if (!sim.quotas.admit(sim, user, 'logout', SESSION_QUOTA, now)) return { status: 200, body: quota407() };
  sim.accounts.logout(token);
  sim.stats.logouts++;
  return { status: 200, body: { success: true, failCode: 0, message: null } };
}
