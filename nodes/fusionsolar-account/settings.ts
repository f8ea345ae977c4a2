import { join } from 'node:path';
import type { ClientConfig } from '../../src/client/client';
import type { StoreConfig } from '../../src/client/store/binding';
import { checkRedisUrl } from '../../src/client/store/redis-connect';
import {
  ACCOUNT_APIS,
  ACCOUNT_LOCALES,
  accountChoice,
  accountSetting,
  parseCustomQuota,
  parseDayZone,
  QUOTA_PROFILES,
  REDIS_FALLBACKS,
} from '../../src/client/account-settings';
import type { AccountConfig, AccountCredentials } from '../shared/types';

export { parseCustomQuota, parseDayZone, validBaseUrl } from '../../src/client/account-settings';

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
      fallback: accountChoice(REDIS_FALLBACKS, c.redisFallback, 'local'),
      ca: c.ca || undefined,
      tlsVerify: c.tlsVerify !== false,
      // This instance's own copy: a start while Redis is away works from it.
      dir: userDir ? join(userDir, 'fusionsolar') : undefined,
    };
  }
  if (c.store) accountSetting('store', c.store);
  return userDir ? { kind: 'local', dir: join(userDir, 'fusionsolar') } : undefined;
}

/** Editor settings and credentials as a client configuration, or the reason they are not one. */
export function toClientConfig(c: AccountConfig, cred: AccountCredentials, userDir?: string): ClientConfig {
  accountSetting('baseUrl', c.baseUrl ?? '');
  if (!cred.username) throw new Error('username: is required');
  if (!cred.password) throw new Error('password: is required');
  const profile = accountChoice(QUOTA_PROFILES, c.quotaProfile, 'documented');
  return {
    api: accountChoice(ACCOUNT_APIS, c.api, 'v7'),
    baseUrl: c.baseUrl.trim().replace(/\/+$/, ''),
    username: cred.username,
    password: cred.password,
    timeoutSec: positive(c.timeout, 30),
    tlsVerify: c.tlsVerify !== false,
    ca: c.ca || undefined,
    locale: ACCOUNT_LOCALES.find((l) => l === c.locale),
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
