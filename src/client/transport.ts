import type * as Undici from 'undici';
import type { Pool } from 'undici';
import { FusionSolarError } from './errors';

let undiciModule: typeof Undici | undefined;

/**
 * undici on the first request, not when the package is required: Node-RED loads every node
 * file at start-up, where undici alone costs more than the whole package (issue 13).
 */
function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (undiciModule ??= require('undici') as typeof Undici);
}

export interface TransportOptions {
  baseUrl: string;
  /** Default total deadline of one request, from its start to the last byte of the answer, in ms. */
  timeoutMs: number;
  tlsVerify: boolean;
  ca?: string;
  maxResponseBytes?: number;
  connections?: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface SendOptions {
  /** This request's total deadline in ms (each account node has its own timeout). */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const RESET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const CERT_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/** Maps undici and socket failures to the codes of the catalogue; never leaks request headers. */
export function transportError(err: unknown, endpoint: string): FusionSolarError {
  if (err instanceof FusionSolarError) return err;
  const e = err as { code?: string; cause?: { code?: string }; message?: string };
  const code = e?.code ?? '';
  const causeCode = e?.cause?.code ?? '';
  const pick = (c: string): boolean => code === c || causeCode === c;
  let mapped = 'ECONNRESET';
  if ([...TIMEOUT_CODES].some(pick)) mapped = 'ETIMEDOUT';
  else if ([...CERT_CODES].some(pick)) mapped = 'CERT';
  else if (pick('ECONNREFUSED')) mapped = 'ECONNREFUSED';
  else if (pick('ENOTFOUND') || pick('EAI_AGAIN')) mapped = 'ENOTFOUND';
  else if ([...RESET_CODES].some(pick)) mapped = 'ECONNRESET';
  // An error of undici's own implies undici is loaded: no need to load it to ask.
  else if (undiciModule && err instanceof undiciModule.errors.RequestAbortedError) mapped = 'ABORTED';
  return new FusionSolarError(mapped, { endpoint, details: { cause: code || causeCode || undefined } });
}

/** One keep-alive HTTP/1.1 pool per account; nothing here knows about sessions or JSON. */
export class Transport {
  private poolOf?: Pool;
  private closed = false;
  readonly origin: string;
  readonly basePath: string;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly opts: TransportOptions;
  private readonly url: URL;

  constructor(opts: TransportOptions) {
    const url = new URL(opts.baseUrl);
    this.url = url;
    this.opts = opts;
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_BYTES;
    this.timeoutMs = opts.timeoutMs;
  }

  /** The pool, made at the first request (an account that never calls never loads undici). */
  private get pool(): Pool {
    if (this.poolOf) return this.poolOf;
    const { opts, url } = this;
    this.poolOf = new (undici().Pool)(this.origin, {
      connections: opts.connections ?? 8,
      allowH2: false,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      connectTimeout: opts.timeoutMs,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      // undici stops reading past the limit itself, so the body can be read in one go.
      maxResponseSize: this.maxBytes,
      connect:
        url.protocol === 'https:'
          ? { rejectUnauthorized: opts.tlsVerify, ...(opts.ca ? { ca: opts.ca } : {}) }
          : undefined,
    });
    // A request after close() fails as it did when the pool was made up front.
    if (this.closed) void this.poolOf.close();
    return this.poolOf;
  }

  /**
   * Sends one request. The deadline covers everything from here to the last byte: undici's
   * own timeouts measure only the gaps between chunks, which a body trickled a byte at a
   * time or a chunked body without end never exceeds.
   */
  async send(req: HttpRequest, opts: SendOptions = {}): Promise<HttpResponse> {
    const path = this.basePath + req.path;
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const late = (): FusionSolarError =>
      new FusionSolarError('ETIMEDOUT', {
        endpoint: req.path,
        message: `No complete answer from ${req.path} within ${timeoutMs / 1000} s`,
      });
    try {
      let res;
      try {
        res = await this.pool.request({
          method: req.method,
          path,
          headers: req.headers,
          body: req.body,
          signal: deadline.signal,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
      } catch (err) {
        throw deadline.signal.aborted ? late() : transportError(err, req.path);
      }
      let text: string;
      try {
        text = await res.body.text();
      } catch (err) {
        if (deadline.signal.aborted) throw late();
        if ((err as { code?: string })?.code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
          throw new FusionSolarError('TOO_LARGE', { endpoint: req.path, httpStatus: res.statusCode });
        }
        throw transportError(err, req.path);
      }
      return { status: res.statusCode, headers: res.headers, text };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const pool = this.poolOf;
    if (pool) await pool.close().catch(() => pool.destroy());
  }
}
