import type { Simulator } from './server';

export type JsonObject = Record<string, unknown>;

export interface SimUser {
  username: string;
  password: string;
  /** 'all' sees every plant; otherwise only plants it owns (enrolled) or listed. */
  scope: 'all' | string[];
}

export interface SimRequest {
  sim: Simulator;
  user: SimUser;
  body: JsonObject;
  endpoint: string;
  now: number;
}

/** A documented failure: the handler throws it, the server answers with the envelope. */
export class SimFail extends Error {
  /** `success` true reproduces answers such as 9.4.2's `{"success":true,"failCode":20030}`. */
  constructor(readonly failCode: number, readonly data: unknown = null, message?: string, readonly success = false) {
    super(message ?? `failCode ${failCode}`);
  }
}

export interface SimQuota {
  count: number | ((req: { sim: Simulator; user: SimUser }) => number);
  windowMs: number;
}

export interface RouteSpec {
  quota?: SimQuota[];
  /** Changes devices: counted in stats.commands so tests can prove a command ran once. */
  command?: boolean;
}

export type Handler = (req: SimRequest) => unknown;

export type FaultKind =
  | 'delay' | 'hang' | 'reset' | 'status' | 'html' | 'broken' | 'empty'
  | 'quota403' | 'status429' | 'relogin305' | 'quota407' | 'revoke' | 'daily20618';

export interface Fault {
  kind: FaultKind;
  /** Endpoint it applies to (path after /rest/openapi/pvms/v1/); all when absent. */
  endpoint?: string;
  /** How many requests it hits; 1 when absent. */
  times?: number;
  ms?: number;
  status?: number;
}
