import { isIP } from 'node:net';
import type { Redis, RedisOptions } from 'ioredis';

export interface RedisTarget {
  url: string;
  /** The `redisPassword` credential; never part of the URL a flow file holds. */
  password?: string;
  /** The account's CA (PEM) and verify setting, for rediss://. */
  ca?: string;
  tlsVerify?: boolean;
}

/**
 * `redis://` or `rediss://` (TLS), an optional ACL user (never a password), a host (bracketed if
 * IPv6), a port and a database number: the editor checks a typed URL with this pattern too.
 */
export const REDIS_URL_PATTERN =
  '^rediss?://(?:[^:@/\\s]+@)?(?:\\[[0-9A-Fa-f:.]+\\]|[^\\s/:?#@[\\]]+)(?::\\d{1,5})?(?:/\\d{1,2})?/?$';
const REDIS_URL_RE = new RegExp(REDIS_URL_PATTERN);

/** `redis://` or `rediss://` (TLS), host and port, an optional ACL user, a database number. */
export function checkRedisUrl(url: string | undefined): string {
  let u: URL;
  try {
    u = new URL(String(url ?? ''));
  } catch {
    throw new Error('redisUrl: must be a URL such as rediss://user@redis.example:6380/0');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new Error('redisUrl: must start with redis:// or rediss:// (TLS)');
  if (!u.hostname) throw new Error('redisUrl: names no host');
  if (u.password)
    throw new Error(
      'redisUrl: must not contain a password (flows are saved in plain text): put it in the Redis password credential',
    );
  if (u.pathname && u.pathname !== '/' && !/^\/\d{1,2}$/.test(u.pathname))
    throw new Error('redisUrl: the path may only be a database number such as /0');
  if (u.search || u.hash) throw new Error('redisUrl: must not have a query or fragment');
  if (!REDIS_URL_RE.test(String(url)))
    throw new Error('redisUrl: must be a URL such as rediss://user@redis.example:6380/0');
  return u.toString();
}

/** Connection options from a checked URL: ioredis would let a URL's parts override the password given apart. */
function optionsOf(t: RedisTarget): RedisOptions {
  const u = new URL(checkRedisUrl(t.url));
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const tls = u.protocol === 'rediss:';
  return {
    host,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: t.password || undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: tls
      ? { servername: isIP(host) ? undefined : host, ca: t.ca || undefined, rejectUnauthorized: t.tlsVerify !== false }
      : undefined,
  };
}

type RedisCtor = new (opts: RedisOptions) => Redis;

/** ioredis is an optional dependency: required only by accounts that choose the Redis store. */
function loadIoredis(): RedisCtor {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: loaded only when chosen
    const mod = require('ioredis') as { default?: RedisCtor; Redis?: RedisCtor };
    return mod.Redis ?? mod.default ?? (mod as unknown as RedisCtor);
  } catch {
    throw new Error(
      'store "redis" needs the optional package ioredis: run "npm install ioredis" in the Node-RED user directory',
    );
  }
}

/**
 * A connection that fails fast while Redis is away (no offline queue: a call to the API
 * must not wait on a queue of stale commands) and reconnects by itself, forever.
 */
export function connectRedis(t: RedisTarget, onError: (e: Error) => void): Redis {
  const Ctor = loadIoredis();
  const client = new Ctor({
    ...optionsOf(t),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  });
  client.on('error', onError);
  return client;
}
