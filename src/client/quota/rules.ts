/**
 * Quota rules as data. A rule is a set of limits that must all hold for a call to be
 * admitted; `lane` serialises calls (the reference's "one concurrent request").
 */
export interface QuotaContext {
  plants: number;
  devices: number;
  /**
   * V6 devices per device type id, from the device list: its formulas add one term per
   * type (Roundup(devices of the type / 100)). Empty until the list is read.
   */
  devicesByType?: Record<string, number>;
}

/**
 * Sum over device types (those of `types`, when given: the ones the interface serves) of
 * Roundup(devices of the type / per); 1 while no such device is known.
 */
export function perTypeCalls(ctx: QuotaContext, per: number, types?: readonly number[]): number {
  const counts = Object.entries(ctx.devicesByType ?? {})
    .filter(([t, n]) => n > 0 && (!types || types.includes(Number(t))))
    .map(([, n]) => n);
  if (counts.length === 0) return 1;
  return counts.reduce((sum, n) => sum + Math.ceil(n / per), 0);
}

export interface QuotaLimit {
  /** Calls allowed per window; a function for the formulas that depend on fleet size. */
  count: number | ((ctx: QuotaContext) => number);
  windowMs: number;
  /**
   * 'day' marks a per-day budget: a sliding 24 hours, or calendar days when the account
   * names a time zone. A limit of exactly one day is a daily budget unless marked 'sliding'.
   */
  kind?: 'sliding' | 'day';
}

export interface QuotaRule {
  limits: QuotaLimit[];
  /** At most one call in flight for this endpoint. */
  lane?: boolean;
  /**
   * Rules with the same key count against one budget and queue (e.g. endpoints the server
   * limits together); they should carry the same limits.
   */
  shared?: string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The reference's most common restriction: a daily allowance and "one concurrent request per
 * minute", which the live servers enforce as at most one call a minute, never two in flight.
 */
export function dailyOneAMinute(count: QuotaLimit['count']): QuotaRule {
  return {
    limits: [
      { count, windowMs: DAY, kind: 'day' },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  };
}

export function limitCount(limit: QuotaLimit, ctx: QuotaContext): number {
  return Math.max(1, Math.floor(typeof limit.count === 'function' ? limit.count(ctx) : limit.count));
}

export function isDaily(limit: QuotaLimit): boolean {
  return limit.kind === 'day' || (limit.kind === undefined && limit.windowMs === DAY);
}

/** "minute", "5 minutes", "day": how the reference words a window. */
export function describeWindow(ms: number): string {
  if (ms % DAY === 0) return ms === DAY ? 'day' : `${ms / DAY} days`;
  if (ms % HOUR === 0) return ms === HOUR ? 'hour' : `${ms / HOUR} hours`;
  if (ms % MINUTE === 0) return ms === MINUTE ? 'minute' : `${ms / MINUTE} minutes`;
  return `${Math.round(ms / 1000)} s`;
}

export function describeLimit(count: number, windowMs: number): string {
  return `${count} call${count === 1 ? '' : 's'} per ${describeWindow(windowMs)}`;
}

/** Budget key: endpoints with a shared rule count together. */
export function budgetKey(endpoint: string, rule: QuotaRule | undefined): string {
  return rule?.shared ? `shared:${rule.shared}` : endpoint;
}

/** Rules the client needs before any catalogue is loaded: the session endpoints (9.1.1, 9.1.2). */
export const SESSION_RULES: Record<string, QuotaRule> = {
  login: { limits: [{ count: 5, windowMs: 10 * MINUTE }], lane: true },
  logout: { limits: [{ count: 5, windowMs: 10 * MINUTE }] },
};

/** Fallback for a path nobody described: one call a minute, one at a time. */
export const UNKNOWN_PATH_RULE: QuotaRule = { limits: [{ count: 1, windowMs: MINUTE }], lane: true };
