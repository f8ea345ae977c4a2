import type { Request } from 'express';
import { normaliseUrl } from '../../src/client/registry';
import type { AccountCredentials, AccountNode } from '../shared/types';

/**
 * Browsers send form posts to any site without asking it first, and Node-RED's admin API
 * has no authentication by default: the route takes JSON only (a cross-site page cannot
 * send that without a preflight the server never grants) and refuses a foreign Origin.
 */
export function crossSite(req: Request, what = 'Test connection'): { status: number; message: string } | undefined {
  if (!req.is('application/json')) return { status: 415, message: `${what} accepts application/json only` };
  return foreignSite(req, what);
}

/** A request another site's page made: refused, whatever it asks (reads spend quota too). */
export function foreignSite(req: Request, what: string): { status: number; message: string } | undefined {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return { status: 403, message: `${what} refuses requests from other sites` };
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  // Behind a reverse proxy the editor's own host may arrive as X-Forwarded-Host.
  const own = [req.headers.host, ...String(req.headers['x-forwarded-host'] ?? '').split(',')]
    .map((h) =>
      String(h ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  if (!host || !own.includes(host.toLowerCase())) {
    return { status: 403, message: `${what} refuses requests from ${origin}: not the editor's site` };
  }
  return undefined;
}

function sameUrl(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  try {
    return normaliseUrl(a) === normaliseUrl(b);
  } catch {
    return false;
  }
}

/**
 * The credentials to test with. A saved password only goes to the URL and user it was
 * saved for; anything else needs it typed again, or a POST naming another host would make
 * Node-RED hand it over.
 */
export function credentialsFor(
  body: { baseUrl?: string; username?: string; password?: string },
  deployed: AccountNode | null,
  stored: AccountCredentials,
): { username: string; password: string } {
  const typed = typeof body.password === 'string' && body.password !== '' && body.password !== '__PWRD__';
  const username = typeof body.username === 'string' && body.username.trim() ? body.username : (stored.username ?? '');
  if (typed) return { username, password: body.password as string };
  const saved = deployed?.client?.config;
  if (!stored.password || !saved || !sameUrl(body.baseUrl, saved.baseUrl) || username !== stored.username) {
    throw new Error('password: type it again: the saved password is only sent to the URL and user it was saved for');
  }
  return { username, password: stored.password };
}
