import { FusionSolarError } from './errors';
import { JsonDepthError, parseExact } from './exact-json';
import type { HttpResponse } from './transport';

/** The documented response packet, with the live API's variations allowed. */
export interface Envelope {
  success?: boolean;
  failCode?: number | string;
  message?: string | null;
  data?: unknown;
  [extra: string]: unknown;
}

export const GATEWAY_PAUSE_MS = 60_000;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function headerValue(h: HttpResponse['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Turns an HTTP response into the envelope or a typed error. Lenient on purpose: 407 puts
 * its text in `data`, some failures say `success: true` with a non-zero failCode.
 */
export function parseEnvelope(res: HttpResponse, endpoint: string): Envelope {
  const text = res.text.trim();
  if (res.status === 403 || res.status === 429) {
    throw new FusionSolarError(String(res.status), { endpoint, httpStatus: res.status, retryAfter: GATEWAY_PAUSE_MS });
  }
  const type = headerValue(res.headers, 'content-type') ?? '';
  if (text.startsWith('<') || /text\/html/i.test(type)) {
    throw new FusionSolarError(res.status >= 400 ? 'HTTP' : 'BAD_RESPONSE', {
      endpoint,
      httpStatus: res.status,
      message: `HTTP ${res.status}: the server answered with an HTML page instead of JSON`,
    });
  }
  if (res.status >= 400) {
    throw new FusionSolarError('HTTP', {
      endpoint,
      httpStatus: res.status,
      message: `HTTP ${res.status} from ${endpoint}`,
    });
  }
  if (text === '') throw new FusionSolarError('EMPTY_RESPONSE', { endpoint, httpStatus: res.status });
  let body: unknown;
  try {
    body = parseExact(text);
  } catch (err) {
    const message =
      err instanceof JsonDepthError
        ? `Refused the answer of ${endpoint}: its JSON ${err.message}`
        : `Broken JSON from ${endpoint}`;
    throw new FusionSolarError('BAD_RESPONSE', { endpoint, httpStatus: res.status, message });
  }
  if (!isObject(body) || (!('success' in body) && !('failCode' in body))) {
    throw new FusionSolarError('BAD_RESPONSE', {
      endpoint,
      httpStatus: res.status,
      message: `Response from ${endpoint} is not the FusionSolar envelope`,
    });
  }
  const env = body as Envelope;
  const failCode = Number(env.failCode ?? 0);
  if (Number.isFinite(failCode) && failCode !== 0) {
    const serverText =
      typeof env.message === 'string' && env.message
        ? env.message
        : typeof env.data === 'string'
          ? env.data
          : undefined;
    throw new FusionSolarError(failCode, { endpoint, details: serverText ? { serverMessage: serverText } : undefined });
  }
  if (env.success === false) {
    throw new FusionSolarError('FAILED', {
      endpoint,
      message: `${endpoint} failed: ${env.message ?? 'no reason given'}`,
    });
  }
  return env;
}
