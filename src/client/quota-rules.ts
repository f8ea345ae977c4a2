/**
 * Quota rules as data. A rule is a set of limits that must all hold for a call to be
 * admitted; `lane` serialises calls (the reference's "one concurrent request").
 */
export interface QuotaContext {
  plants: number;
  devices: number;
}

export interface QuotaLimit {
  /** Calls allowed per window; a function for the formulas that depend on fleet size. */
  count: number | ((ctx: QuotaContext) => number);
  windowMs: number;
  /** 'day' windows may follow calendar days in a time zone instead of sliding. */
  kind?: 'sliding' | 'day';
}

export interface QuotaRule {
  limits: QuotaLimit[];
  /** At most one call in flight for this endpoint. */
  lane?: boolean;
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export function limitCount(limit: QuotaLimit, ctx: QuotaContext): number {
  return Math.max(1, Math.floor(typeof limit.count === 'function' ? limit.count(ctx) : limit.count));
}

/** Rules the client needs before any catalogue is loaded: the session endpoints. */
export const SESSION_RULES: Record<string, QuotaRule> = {
  login: { limits: [{ count: 5, windowMs: 10 * MINUTE }], lane: true },
  logout: { limits: [{ count: 5, windowMs: 10 * MINUTE }] },
};

/** Fallback for a path nobody described: one call a minute, one at a time. */
export const UNKNOWN_PATH_RULE: QuotaRule = { limits: [{ count: 1, windowMs: MINUTE }], lane: true };
