import { z } from 'zod';
import type { QuotaRule } from './quota/rules';
import { OFFSET_PATTERN, validZone } from './day-zone';
import { REDIS_URL_PATTERN } from './store/redis-connect';

/**
 * The account's settings as one zod schema: the runtime reads a saved account with it and the
 * editor gets it as JSON Schema (GET /fusionsolar/catalogue), so each rule is written once.
 */

export const ACCOUNT_APIS = ['v7', 'v6'] as const;
export const ACCOUNT_LOCALES = ['en-us', 'zh-cn'] as const;
export const QUOTA_PROFILES = ['documented', 'custom', 'off'] as const;
export const STORES = ['local', 'redis'] as const;
export const REDIS_FALLBACKS = ['local', 'stop'] as const;

/** The public FusionSolar hosts the dialog offers by region; any other URL is "custom". */
export const REGIONS: Record<string, string> = {
  eu5: 'https://eu5.fusionsolar.huawei.com',
  intl: 'https://intl.fusionsolar.huawei.com',
  sg5: 'https://sg5.fusionsolar.huawei.com',
  la5: 'https://la5.fusionsolar.huawei.com',
  au5: 'https://au5.fusionsolar.huawei.com',
};

/**
 * http(s), a host (a name, an IPv4 or a bracketed IPv6 address), an optional port and path; no user, query or hash.
 * The scheme in any case and spaces around the URL are allowed because the URL parser accepts them and flows saved
 * before this rule existed hold such spellings. Written without flags so the editor's JSON Schema copy means the same.
 */
const BASE_URL_RE =
  /^\s*[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:\[[0-9A-Fa-f:.]+\]|[^\s/:?#@[\]]+)(?::\d{1,5})?(?:\/[^\s?#]*)?\s*$/;
const BASE_URL_RULE = 'must be an http(s) URL such as https://eu5.fusionsolar.huawei.com (a port is allowed)';

const limit = z
  .object({
    count: z.number().int().positive('count must be a positive whole number'),
    windowMs: z.number().int().positive('windowMs must be a positive number of milliseconds'),
    kind: z.enum(['sliding', 'day'], { error: 'kind must be "sliding" or "day"' }).optional(),
  })
  .strict();
const rule = z
  .object({
    limits: z.array(limit).min(1, 'limits needs at least one entry'),
    lane: z.boolean().optional(),
    shared: z.string().min(1, 'shared must name a budget').optional(),
  })
  .strict();
const customRules = z.record(
  z.string().regex(/^[\w./-]+$/, 'endpoint must be a path such as vpp/plantRealtimeKpi or thirdData/getStationRealKpi'),
  rule,
);

const choice = <T extends readonly [string, ...string[]]>(values: T, names?: Record<string, string>) =>
  z
    .enum(values, { error: `must be ${values.map((v) => `"${v}"`).join(' or ')}` })
    .optional()
    .meta(names ? { 'x-names': names } : {});

/** The settings with a rule; `x-when` names the setting a row's rule depends on. */
export const ACCOUNT_SETTINGS = z.object({
  api: choice(ACCOUNT_APIS),
  baseUrl: z
    .string()
    .regex(BASE_URL_RE, BASE_URL_RULE)
    .refine((url) => {
      try {
        return !!new URL(url).hostname;
      } catch {
        return false;
      }
    }, BASE_URL_RULE)
    .meta({ 'x-presets': REGIONS }),
  locale: choice(ACCOUNT_LOCALES, { 'en-us': 'English (en-us)', 'zh-cn': '中文 (zh-cn)' }),
  quotaProfile: choice(QUOTA_PROFILES),
  // JSON text: the editor checks that it is an object; parseCustomQuota names the first thing wrong inside.
  quotaCustom: z
    .string()
    .optional()
    .meta({ 'x-when': 'quotaProfile=custom', contentMediaType: 'application/json', 'x-json': 'object' }),
  quotaDayZone: z
    .string()
    .refine((v) => !v.trim() || validZone(v), {
      error: (issue) =>
        `"${String(issue.input).trim()}" is not a time zone (use e.g. Europe/Berlin, Asia/Shanghai, UTC or +08:00)`,
    })
    .optional()
    .meta({ 'x-time-zone': OFFSET_PATTERN }),
  store: choice(STORES),
  redisUrl: z
    .string()
    .min(1, 'must be a URL such as rediss://user@redis.example:6380/0')
    .regex(new RegExp(REDIS_URL_PATTERN), 'must be a URL such as rediss://user@redis.example:6380/0')
    .optional()
    .meta({ 'x-when': 'store=redis' }),
  redisFallback: choice(REDIS_FALLBACKS),
});

type Setting = keyof typeof ACCOUNT_SETTINGS.shape;

/** One setting checked by its rule, or an error naming the setting and the rule. */
export function accountSetting<K extends Setting>(
  name: K,
  value: unknown,
): z.output<(typeof ACCOUNT_SETTINGS.shape)[K]> {
  const res = ACCOUNT_SETTINGS.shape[name].safeParse(value);
  if (!res.success) throw new Error(`${name}: ${res.error.issues[0].message}`);
  return res.data as z.output<(typeof ACCOUNT_SETTINGS.shape)[K]>;
}

/** A choice as saved, or its default when it is empty or not one of the values (as accounts always read it). */
export function accountChoice<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

export function validBaseUrl(url: string | undefined): boolean {
  return !!url && ACCOUNT_SETTINGS.shape.baseUrl.safeParse(url).success;
}

/** "/rest/openapi/pvms/v1/plants" and "plants" name the same endpoint; "/thirdData/x" is "thirdData/x". */
function endpointKey(path: string): string {
  return path.replace(/^\/?rest\/openapi\/pvms\/v1\//, '').replace(/^\/+/, '');
}

/** Parses the "custom" quota profile JSON, naming the first thing wrong with it. */
export function parseCustomQuota(text: string | undefined): Record<string, QuotaRule> {
  if (!text || !text.trim()) return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('quotaCustom: is not valid JSON');
  }
  const res = customRules.safeParse(json);
  if (!res.success) {
    const i = res.error.issues[0];
    throw new Error(`quotaCustom.${i.path.join('.')}: ${i.message}`);
  }
  const out: Record<string, QuotaRule> = {};
  for (const [k, v] of Object.entries(res.data)) out[endpointKey(k)] = v;
  return out;
}

/** The time zone of calendar-day budgets: empty (sliding 24 h), an IANA name or an offset. */
export function parseDayZone(zone: string | undefined): string | undefined {
  const z = (zone ?? '').trim();
  if (!z) return undefined;
  accountSetting('quotaDayZone', z);
  return z;
}
