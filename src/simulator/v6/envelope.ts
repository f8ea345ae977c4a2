import type http from 'node:http';
import type { Simulator } from '../server';
import type { JsonObject } from '../types';

/**
 * The V6 interface (`/thirdData/`) on the simulator's one server: its endpoints are named
 * `thirdData/<name>` (faults, stats and quotas key on that), login and logout are the V7
 * ones (same users, lockout and login rate), and every answer echoes the request in
 * `params` with the server time, as the reference's examples show.
 */

const V6_PREFIX = '/thirdData/';
export const V6_LOGIN = 'thirdData/login';
export const V6_LOGOUT = 'thirdData/logout';

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
}

/** `thirdData/<name>` for a V6 path, undefined for any other. */
export function v6Endpoint(pathname: string): string | undefined {
  if (!pathname.startsWith(V6_PREFIX) || pathname.length === V6_PREFIX.length) return undefined;
  return pathname.slice(1);
}

function isV6(endpoint: string): boolean {
  return endpoint.startsWith('thirdData/');
}

/**
 * The token of a V6 request beyond the `XSRF-TOKEN` header: older versions send it as the
 * cookie (6.1.1), logout names it in the body (6.1.2).
 */
export function v6Token(endpoint: string, req: http.IncomingMessage, body: JsonObject): string | undefined {
  if (!isV6(endpoint)) return undefined;
  const cookie = /(?:^|;\s*)XSRF-TOKEN=([^;]+)/i.exec(req.headers.cookie ?? '');
  if (cookie) return cookie[1];
  return endpoint === V6_LOGOUT && typeof body.xsrfToken === 'string' ? body.xsrfToken : undefined;
}

/** The V6 form of an answer: `params` echo, null messages; 305, 407 and empty bodies stay as live servers send them. */
export function v6Answer(sim: Simulator, endpoint: string, request: JsonObject, now: number, answer: Answer): Answer {
  if (!isV6(endpoint)) return answer;
  const b = answer.body;
  if (typeof b !== 'object' || b === null || !('success' in b) || 'params' in b) return answer;
  const env = { ...(b as JsonObject) };
  if (typeof env.message === 'string' && /^failCode \d+$/.test(env.message)) env.message = null;
  if (endpoint === V6_LOGIN && env.success === true) {
    // 6.1.1's example; a 2025 server adds an empty params object and a pointer to the docs.
    env.data = null;
    env.params = sim.options.quirks ? {} : null;
    if (sim.options.quirks)
      env.message = 'Northbound API Reference: https://support.huawei.com/enterprise/en/doc/EDOC1100261860';
  } else {
    // Never echo the systemCode or the token: 6.1.1 and 6.1.2 show only the time.
    const params: JsonObject = endpoint === V6_LOGIN || endpoint === V6_LOGOUT ? {} : { ...request };
    params.currentTime = now;
    env.params = params;
  }
  if (!('data' in env)) env.data = null;
  return { ...answer, body: env };
}
