import { z } from 'zod';
import { join } from 'node:path';
import type { ClientConfig } from '../../src/client/client';
import type { StoreConfig } from '../../src/client/store/binding';
import { checkRedisUrl } from '../../src/client/store/redis-connect';
import type { QuotaRule } from '../../src/client/quota/rules';
import { validZone } from '../../src/client/day-zone';
import type { AccountConfig, AccountCredentials } from '../shared/types';

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
  if (!validZone(z))
    throw new Error(`quotaDayZone: "${z}" is not a time zone (use e.g. Europe/Berlin, Asia/Shanghai, UTC or +08:00)`);
  return z;
}

export function validBaseUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'https:' || u.protocol === 'http:') && !!u.hostname && !u.username && !u.password && !u.search
    );
  } catch {
    return false;
  }
}

function positive(v: string | number | undefined, fallback: number): number {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The lasting store: Redis when chosen, else a file under the Node-RED user directory
 * (none without one, e.g. in a library use or the test helper: memory only).
 */
export function storeConfig(
  c: AccountConfig,
  cred: AccountCredentials,
  userDir: string | undefined,
): StoreConfig | undefined {
  if (c.store === 'redis') {
    return {
      kind: 'redis',
      url: checkRedisUrl(c.redisUrl),
      password: cred.redisPassword || undefined,
      fallback: c.redisFallback === 'stop' ? 'stop' : 'local',
      ca: c.ca || undefined,
      tlsVerify: c.tlsVerify !== false,
      // This instance's own copy: a start while Redis is away works from it.
      dir: userDir ? join(userDir, 'fusionsolar') : undefined,
    };
  }
  if (c.store && c.store !== 'local') throw new Error('store: must be "local" or "redis"');
  return userDir ? { kind: 'local', dir: join(userDir, 'fusionsolar') } : undefined;
}

/** Editor settings and credentials as a client configuration, or the reason they are not one. */
export function toClientConfig(c: AccountConfig, cred: AccountCredentials, userDir?: string): ClientConfig {
  if (!validBaseUrl(c.baseUrl))
    throw new Error('baseUrl: must be an http(s) URL such as https://eu5.fusionsolar.huawei.com (a port is allowed)');
  if (!cred.username) throw new Error('username: is required');
  if (!cred.password) throw new Error('password: is required');
  const profile = c.quotaProfile === 'custom' || c.quotaProfile === 'off' ? c.quotaProfile : 'documented';
  return {
    api: c.api === 'v6' ? 'v6' : 'v7',
    baseUrl: c.baseUrl.replace(/\/+$/, ''),
    username: cred.username,
    password: cred.password,
    timeoutSec: positive(c.timeout, 30),
    tlsVerify: c.tlsVerify !== false,
    ca: c.ca || undefined,
    locale: c.locale === 'zh-cn' ? 'zh-cn' : c.locale === 'en-us' ? 'en-us' : undefined,
    allowControl: c.allowControl === true,
    quotaProfile: profile,
    quotaCustom: profile === 'custom' ? parseCustomQuota(c.quotaCustom) : undefined,
    quotaWait: c.quotaWait === '' || c.quotaWait === undefined ? 60 : Math.max(0, Number(c.quotaWait) || 0),
    plants: Number(c.plants) > 0 ? Number(c.plants) : undefined,
    devices: Number(c.devices) > 0 ? Number(c.devices) : undefined,
    quotaDayZone: parseDayZone(c.quotaDayZone),
    store: storeConfig(c, cred, userDir),
  };
}
