import { invalidInput } from '../../client/errors';
import { API_PREFIX } from '../../client/session';

/**
 * Where a generic request may go: any path below the account's base URL, on its origin only.
 * The session's token and cookies must never reach another host, so other hosts, other
 * schemes, protocol-relative `//host` and any `.`/`..` segment (plain or %-encoded) are refused
 * rather than resolved; login and logout belong to the account node.
 *
 * Rules that name an endpoint (login and logout here, device control in request.ts) judge
 * the path as a Java server reads it, not as typed: `vpp/devOnOff;jsessionid=1`,
 * `vpp/%64evOnOff`, `/REST/...` and `vpp/devOnOff/` all reach vpp/devOnOff there.
 */

export interface RequestTarget {
  /** Path and query below the base URL, exactly as sent. */
  path: string;
  /**
   * Quota key: the endpoint below /rest/openapi/pvms/v1/ (so a request shares the quota of
   * the catalogue operation of that endpoint), otherwise the path itself.
   */
  endpoint: string;
}

export interface BaseLocation {
  /** `https://host:port` of the base URL. */
  origin: string;
  /** Path of the base URL without its trailing slash ('' for most accounts). */
  basePath: string;
}

const MAX_LENGTH = 2048;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function refuse(rule: string): never {
  throw invalidInput('path', rule);
}

/** The path part of an absolute URL, below the base URL, or a refusal naming the reason. */
function belowBase(text: string, scheme: string, base: BaseLocation): string {
  if (!/^https?$/i.test(scheme) || !text.slice(scheme.length + 1).startsWith('//')) {
    refuse("must be a path, or an http(s) URL of the account's server");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('is not a valid URL');
  }
  if (url.username || url.password) refuse('must not contain a user name or password');
  if (url.origin !== base.origin)
    refuse(`points at ${url.origin}, not at the account's server ${base.origin}: refused`);
  // The raw text, not url.pathname: URL parsing would silently resolve "..".
  const rest = text.slice(scheme.length + 3).replace(/^[^/?]*/, '') || '/';
  if (!base.basePath) return rest;
  if (rest !== base.basePath && !rest.startsWith(`${base.basePath}/`) && !rest.startsWith(`${base.basePath}?`)) {
    refuse(`is outside the account's base URL ${base.origin}${base.basePath}`);
  }
  return rest.slice(base.basePath.length) || '/';
}

function checkSegments(pathname: string): void {
  for (const segment of pathname.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse('contains a malformed %-escape');
    }
    if (decoded === '.' || decoded === '..') refuse('must not contain "." or ".." segments (they could leave the API)');
    if (/[/\\]/.test(decoded)) refuse('must not contain encoded slashes');
  }
  if (pathname.includes('//')) refuse('must not contain empty segments (//)');
  const last = canonicalPath(pathname).split('/').pop() ?? '';
  if (last === 'login' || last === 'logout')
    refuse('must not be login or logout: the account node opens and closes the session');
}

const PARAMS = /;.*$/s;

/** Decodes until nothing changes, so a twice-encoded name cannot pass for another. */
function decoded(segment: string): string {
  let s = segment;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(s);
    } catch {
      return s;
    }
    if (next === s) return s;
    s = next.replace(PARAMS, '');
  }
  return s;
}

/**
 * The path as a servlet container matches it: `;params` cut from every segment, %-escapes
 * decoded, case folded, empty and trailing segments dropped. Only for judging, never sent.
 */
export function canonicalPath(pathname: string): string {
  const segments = pathname
    .split('/')
    .map((seg) => decoded(seg.replace(PARAMS, '')).toLowerCase())
    .filter((seg) => seg !== '');
  return `/${segments.join('/')}`;
}

/** The endpoint below /rest/openapi/pvms/v1/ in canonical form, else the canonical path. */
export function canonicalEndpoint(path: string): string {
  const q = path.indexOf('?');
  const c = canonicalPath(q < 0 ? path : path.slice(0, q));
  const prefix = `${API_PREFIX.toLowerCase()}/`;
  return c.startsWith(prefix) ? c.slice(prefix.length) : c;
}

/**
 * Resolves a user's path: an absolute URL of the account's server, a path below the base URL
 * (`/rest/openapi/pvms/v1/vpp/plants`), or an endpoint below /rest/openapi/pvms/v1/ (`vpp/plants`).
 */
export function resolveTarget(raw: unknown, base: BaseLocation): RequestTarget {
  if (typeof raw !== 'string' || raw.trim() === '') refuse('is required, e.g. /rest/openapi/pvms/v1/vpp/plants');
  const text = raw.trim();
  if (text.length > MAX_LENGTH) refuse(`must be at most ${MAX_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\s\\\u0000-\u001f\u007f]/.test(text))
    refuse('must not contain spaces, backslashes or control characters (URL-encode them)');
  if (text.includes('#')) refuse('must not contain a fragment (#)');
  if (text.startsWith('//')) refuse('must not start with // (that names another host)');
  const scheme = SCHEME.exec(text)?.[1];
  const rest = scheme ? belowBase(text, scheme, base) : text.startsWith('/') ? text : `${API_PREFIX}/${text}`;
  const q = rest.indexOf('?');
  const pathname = q < 0 ? rest : rest.slice(0, q);
  checkSegments(pathname);
  const below = pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length + 1) : '';
  return { path: rest, endpoint: below || pathname };
}
