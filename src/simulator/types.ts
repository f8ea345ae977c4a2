import type { Simulator } from './server';

export type JsonObject = Record<string, unknown>;

export interface SimUser {
  username: string;
  password: string;
  /** 'all' sees every plant; otherwise only plants it owns (enrolled) or listed. */
  scope: 'all' | string[];
  /** The account as the V6 interface (/thirdData/) sees it; absent: the defaults of V6Account. */
  v6?: V6Account;
}

/** What the northbound management page sets for a V6 user (reference 1.3). */
export interface V6Account {
  /**
   * Creation date, `YYYY-MM-DD` (default 2023-03-01). Users created on or before 2022-06-30
   * keep the original flow control (one call per endpoint a minute) and the to-be-offline
   * interfaces; later ones get the resource-based quotas and 401 on those interfaces.
   */
  created?: string;
  /**
   * Interfaces ticked for the user, as endpoint names (`stations`, `getDevRealKpi`,
   * `cs/getInventerRealKpi`, ...); the others answer 401. Default: every interface except
   * the restricted one (6.3) and, for new users, `getStationList` and `getDevFiveMinutes`.
   */
  interfaces?: string[];
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
  constructor(
    readonly failCode: number,
    readonly data: unknown = null,
    message?: string,
    readonly success = false,
  ) {
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
  | 'delay'
  | 'hang'
  | 'reset'
  | 'status'
  | 'html'
  | 'broken'
  | 'empty'
  | 'quota403'
  | 'status429'
  | 'relogin305'
  | 'quota407'
  | 'revoke'
  | 'daily20618'
  | 'failCode';

export interface Fault {
  kind: FaultKind;
  /** Endpoint it applies to (path after /rest/openapi/pvms/v1/, or `thirdData/<name>` for V6); all when absent. */
  endpoint?: string;
  /** How many requests it hits; 1 when absent. */
  times?: number;
  ms?: number;
  status?: number;
  /**
   * `failCode` faults: the code the server answers with, for states a test cannot set up
   * through the API (account forbidden or expired, server busy, KPI not configured) or
   * limits a stricter server may apply before the client's own checks would.
   */
  code?: number;
}
