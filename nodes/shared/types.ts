import type { Node, NodeAPI, NodeDef, NodeMessage, NodeMessageInFlow } from 'node-red';
import type { FusionSolarClient } from '../../src/client/client';

export type { Node, NodeAPI, NodeDef, NodeMessage, NodeMessageInFlow };

export interface AccountCredentials {
  username?: string;
  password?: string;
  /** Password of the Redis store (with the ACL user in `redisUrl`). */
  redisPassword?: string;
}

/** Properties saved in flows for `fusionsolar-account` (public API: names are fixed). */
export interface AccountConfig extends NodeDef {
  /** The northbound interface: `v7` (default, and what flows saved before V6 mean) or `v6`. */
  api?: 'v7' | 'v6' | '';
  baseUrl: string;
  timeout?: string | number;
  tlsVerify?: boolean;
  ca?: string;
  locale?: 'en-us' | 'zh-cn' | '';
  allowControl?: boolean;
  quotaProfile?: 'documented' | 'custom' | 'off';
  quotaCustom?: string;
  quotaWait?: string | number;
  plants?: string | number;
  devices?: string | number;
  /** Time zone of calendar-day quota budgets; empty for a sliding 24 hours. */
  quotaDayZone?: string;
  /** Where session, quota ledger, fleet and latch outlive a restart: `local` (default) or `redis`. */
  store?: 'local' | 'redis' | '';
  redisUrl?: string;
  /** While Redis is unreachable: `local` (a share of each quota) or `stop` (no call). */
  redisFallback?: 'local' | 'stop' | '';
}

export interface AccountNode extends Node<AccountCredentials> {
  /** The shared client, or undefined when the account is incomplete (see `problem`). */
  client?: FusionSolarClient;
  problem?: string;
  locale: 'en-us' | 'zh-cn';
}

/** Settings every flow node shares; operation defaults are read by name from the catalogue. */
export interface FlowNodeConfig extends NodeDef {
  account: string;
  operation: string;
  split?: boolean;
  [setting: string]: unknown;
}

export interface FusionSolarMeta {
  operation: string;
  calls: number;
  total?: number;
  quota?: { endpoint: string; remaining?: number; resetAt?: number };
  failed?: unknown[];
  error?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface FusionSolarMessage extends NodeMessageInFlow {
  operation?: string;
  fusionsolar?: FusionSolarMeta;
}

export type SendFn = (msg: NodeMessage | Array<NodeMessage | NodeMessage[] | null>) => void;
export type DoneFn = (err?: Error) => void;
