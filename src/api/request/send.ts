import type { ApiClient } from '../core/api-client';
import type { Envelope } from '../../client/envelope';
import { FusionSolarError, invalidInput } from '../../client/errors';
import type { QuotaInfo } from '../../client/governor';
import { allOperations } from '../catalogue';
import { RESERVED_KEYS } from '../core/params';
import { canonicalEndpoint, resolveTarget } from './path';
import { MAX_DEPTH } from '../../client/exact-json';
import { text } from '../../text';
import { METHODS, type HttpMethod } from './settings';

export type { HttpMethod };

/**
 * One call to any path of the account's server, for endpoints the catalogue lacks: same
 * session, re-login, quota governor and error handling as every operation.
 */

export interface GenericRequest {
  method?: unknown;
  path: unknown;
  payload?: unknown;
  signal?: AbortSignal;
  onQuotaWait?: (ms: number) => void;
}

export interface GenericResponse {
  data: unknown;
  envelope: Envelope;
  method: HttpMethod;
  /** The path as sent, below the base URL. */
  path: string;
  /** The quota key the call counted against. */
  endpoint: string;
  quota: QuotaInfo;
}

export function methodOf(v: unknown): HttpMethod {
  if (v === undefined || v === null || v === '') return 'POST';
  const m = typeof v === 'string' ? v.trim().toUpperCase() : '';
  const known = METHODS.find((x) => x === m);
  if (known) return known;
  throw invalidInput('method', `must be ${METHODS.join(' or ')}`);
}

/** An Inject node's timestamp or an empty payload triggers the call with an empty body. */
function isTrigger(payload: unknown): boolean {
  return (
    payload === undefined ||
    payload === null ||
    payload === '' ||
    typeof payload === 'number' ||
    typeof payload === 'boolean'
  );
}

/**
 * Keys that pollute prototypes wherever a receiver merges the body (an own "__proto__"
 * comes from JSON.parse, e.g. an HTTP-in node's body) are refused at any depth, as every
 * operation refuses them; a body nesting deeper than JSON bodies may, or a cycle, is refused
 * too (the client's check names anything else JSON cannot carry).
 */
function checkReserved(value: unknown, path: string, depth = 0, ancestors: object[] = []): void {
  if (typeof value !== 'object' || value === null) return;
  if (ancestors.includes(value))
    throw invalidInput(path || 'payload', 'refers back to itself (a circular structure cannot be sent as JSON)');
  if (depth >= MAX_DEPTH) throw invalidInput(path || 'payload', `nests deeper than ${MAX_DEPTH} levels`);
  for (const [k, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!Array.isArray(value) && RESERVED_KEYS.includes(k))
      throw invalidInput(here, 'is not an allowed parameter name');
    checkReserved(v, here, depth + 1, [...ancestors, value]);
  }
}

function bodyOf(payload: unknown): unknown {
  if (isTrigger(payload)) return {};
  if (typeof payload === 'object' && !Buffer.isBuffer(payload)) {
    checkReserved(payload, '');
    return payload;
  }
  throw invalidInput('payload', 'must be an object or array: the JSON body of the request');
}

/** GET has no body: a payload object of plain values becomes the query string. */
function queryOf(payload: unknown): string {
  if (isTrigger(payload)) return '';
  if (typeof payload !== 'object' || Array.isArray(payload) || Buffer.isBuffer(payload)) {
    throw invalidInput('payload', 'must be an object of query parameters for GET');
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(payload as Record<string, unknown>)) {
    if (RESERVED_KEYS.includes(k)) throw invalidInput(k, 'is not an allowed parameter name');
    if (v === undefined || v === null) continue;
    if (typeof v === 'object')
      throw invalidInput(`payload.${k}`, 'must be a string, number or boolean for a GET query');
    q.append(k, text(v));
  }
  return q.toString();
}

export async function sendRequest(client: ApiClient, req: GenericRequest): Promise<GenericResponse> {
  const method = methodOf(req.method);
  const target = resolveTarget(req.path, client.base);
  // Judged as the server reads the path: no spelling gets past the control switch or the quota.
  const canonical = canonicalEndpoint(target.path);
  const known = allOperations().find((o) => o.endpoint.toLowerCase() === canonical);
  if (known) target.endpoint = known.endpoint;
  if (known?.changesDevices && !client.allowControl) {
    throw new FusionSolarError('CONTROL_DISABLED', {
      endpoint: target.endpoint,
      message:
        `${target.endpoint} is the ${known.name} command, which changes devices: enable ` +
        `"Allow device control" in the FusionSolar account`,
    });
  }
  let path = target.path;
  let body: unknown;
  if (method === 'GET') {
    const query = queryOf(req.payload);
    if (query) path += (path.includes('?') ? '&' : '?') + query;
  } else body = bodyOf(req.payload);
  const res = await client.call({
    endpoint: target.endpoint,
    path,
    method,
    body,
    // An unknown POST may be a command: never repeat it after a timeout or a gateway refusal.
    changesDevices: known ? known.changesDevices : method === 'POST',
    writes: known ? known.writes === true : method === 'POST',
    signal: req.signal,
    onQuotaWait: req.onQuotaWait,
  });
  return { data: res.data, envelope: res.envelope, method, path, endpoint: target.endpoint, quota: res.quota };
}
