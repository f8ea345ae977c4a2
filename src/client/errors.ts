import { describeCode, interfaceOf, type Locale } from './error-catalogue';

export interface ErrorInit {
  retryAfter?: number;
  endpoint?: string;
  field?: string;
  httpStatus?: number;
  details?: unknown;
  /** Overrides the catalogue text, e.g. a validation message naming the field. */
  message?: string;
  /** Overrides the catalogue's advice, e.g. with its translation into the runtime's language. */
  solution?: string;
  locale?: Locale;
}

const DETAIL_DEPTH = 16;
const DETAIL_TEXT = 2000;

/**
 * A copy small and shallow enough for anything that clones or logs the error: Node-RED's
 * message clone recurses, and details may hold server text or items of a response.
 */
function bounded(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.length > DETAIL_TEXT ? `${value.slice(0, DETAIL_TEXT)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth <= 0) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((v) => bounded(v, depth - 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = bounded(v, depth - 1);
  return out;
}

/**
 * The one error type flows see: `code` is the API failCode or a transport/client code,
 * `message` comes from the catalogue, `solution` says what to do.
 */
export class FusionSolarError extends Error {
  readonly code: string;
  readonly solution?: string;
  retryAfter?: number;
  readonly endpoint?: string;
  readonly field?: string;
  readonly httpStatus?: number;
  readonly details?: unknown;

  constructor(code: string | number, init: ErrorInit = {}) {
    const known = describeCode(code, init.locale, interfaceOf(init.endpoint));
    super(init.message ?? known?.message ?? `FusionSolar error ${code}`);
    this.name = 'FusionSolarError';
    this.code = String(code);
    const solution = init.solution ?? known?.solution;
    if (solution) this.solution = solution;
    if (init.retryAfter !== undefined) this.retryAfter = Math.max(0, Math.ceil(init.retryAfter));
    if (init.endpoint) this.endpoint = init.endpoint;
    if (init.field) this.field = init.field;
    if (init.httpStatus) this.httpStatus = init.httpStatus;
    if (init.details !== undefined) this.details = bounded(init.details, DETAIL_DEPTH);
  }

  /** Node-RED puts toString() in msg.error.message: the text alone, the code is in msg.error.code. */
  override toString(): string {
    return this.message;
  }

  /** Plain object for msg.error-style output: no stack, no prototype surprises. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const k of ['solution', 'retryAfter', 'endpoint', 'field', 'httpStatus', 'details'] as const) {
      if (this[k] !== undefined) out[k] = this[k];
    }
    return out;
  }
}

export function invalidInput(field: string, rule: string, locale?: Locale): FusionSolarError {
  return new FusionSolarError('INVALID_INPUT', { field, message: `${field}: ${rule}`, locale });
}

/**
 * The same error in the account's language: catalogue texts are swapped, a specific text
 * (e.g. which field failed) is kept and the catalogue's translation added.
 */
export function localise(err: FusionSolarError, locale: Locale | undefined): FusionSolarError {
  if (locale !== 'zh-cn') return err;
  const api = interfaceOf(err.endpoint);
  const en = describeCode(err.code, 'en-us', api);
  const zh = describeCode(err.code, 'zh-cn', api);
  if (!en || !zh) return err;
  const message = err.message === en.message ? zh.message : `${err.message}（${zh.message}）`;
  const out = new FusionSolarError(err.code, {
    locale,
    message,
    retryAfter: err.retryAfter,
    endpoint: err.endpoint,
    field: err.field,
    httpStatus: err.httpStatus,
    details: err.details,
  });
  return out;
}
