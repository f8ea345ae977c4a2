import type { z } from 'zod';
import type { QuotaRule } from '../../client/quota/rules';
import type { ApiClient } from './api-client';

export type Params = Record<string, unknown>;

export interface Batch {
  /**
   * A list parameter split into calls of at most `size` entries, sent comma-joined; `alt`
   * names lists that may stand in its place (V6 devices by `sns` instead of `devIds`).
   */
  chunk?: { key: string; size: number; alt?: readonly string[] };
  /** All pages are fetched and merged unless the caller asked for one `pageNo`. */
  paged?: {
    pageSize: number;
    skipWhen?: readonly string[];
    /** Page-level fields kept beside the merged items: the result becomes `{ ...kept, list }`. */
    keep?: readonly string[];
    /** A bare array instead of a page map is the whole answer: no further page is asked for. */
    bareIsWhole?: boolean;
    /** Most items the request can have (the fleet's bound): paging stops there. */
    maxItems?: (params: Params) => number;
  };
  /** A time range split into consecutive windows of at most `windowMs`. */
  window?: { startKey: string; endKey: string; windowMs: number };
}

export interface ExecContext {
  client: ApiClient;
  signal?: AbortSignal;
  onQuotaWait?: (ms: number) => void;
}

/**
 * One entry of the catalogue: everything needed to call one endpoint correctly. The
 * editor's operation lists, help checks and tests all read this.
 */
export interface OperationDef<P extends Params = Params> {
  name: string;
  /** The interface the endpoint belongs to (default v7); V7 and V6 may share a name (plantList). */
  api?: 'v7' | 'v6';
  /** Path below /rest/openapi/pvms/v1/, e.g. `vpp/plantRealtimeKpi`; on V6 `thirdData/<name>`. */
  endpoint: string;
  /** Reference section, e.g. `9.3.2`. */
  section: string;
  summary: string;
  changesDevices: boolean;
  /**
   * Writes on the server without changing a device (enrolments, cancelling a task): sent
   * at most once per message like a device command, but not behind "Allow device control".
   */
  writes?: boolean;
  /** The replacement, when the reference marks the endpoint as going offline. */
  deprecated?: string;
  quota: QuotaRule;
  /** Validates and coerces the merged input; messages name the rule. */
  params: z.ZodType<P>;
  /** Input names in the order the editor shows them. */
  fields: readonly string[];
  /**
   * Names `msg.payload` may use for a field (alias -> field), e.g. the API's own name where
   * the node property needs another. An alias, only ever given in the message, wins.
   */
  inputAliases?: Readonly<Record<string, string>>;
  /** Other names accepted for a field (alias -> field), e.g. V6 `plantCodes` for `stationCodes`. */
  aliases?: Readonly<Record<string, string>>;
  /**
   * A workflow around the planner (fallbacks, device lookups): gets the validated input and
   * `plain`, which runs the planner over already-validated parameter sets as one group.
   */
  workflow?(params: P, ctx: ExecContext, plain: (sets: Params[]) => Promise<ExecResult>): Promise<ExecResult>;
  batch?: Batch;
  /** Request body from validated params (default: arrays comma-joined, as the API wants). */
  toBody?(params: P): Params;
  /** Normalises one call's `data`; `ctx` gives the account (e.g. its locale for names). */
  normalise?(data: unknown, params: P, ctx: ExecContext): unknown;
  /** Combines the data of every call (default: lists concatenated, objects merged). */
  merge?(parts: unknown[], params: P): unknown;
  /** Checks that need the account (e.g. fleet size) or cross-field rules beyond the schema. */
  precheck?(params: P, ctx: ExecContext): Promise<void> | void;
  /** Learns from a result (fleet size for the quota formulas, caches). */
  learn?(result: unknown, params: P, ctx: ExecContext): void;
  /** Field that names an item for "one message per item" (msg.topic). */
  topicKey?: string;
  /** Items for "one message per item", when the result is not a plain array. */
  items?(result: unknown): unknown[];
  /** Per-item outcome: items that failed, for partial failures. */
  failures?(result: unknown): unknown[];
  /** Count of items a command addressed, to tell "all failed" from "some failed". */
  itemCount?(result: unknown): number;
}

export interface ExecResult {
  payload: unknown;
  calls: number;
  total?: number;
  failed?: unknown[];
  /** Extra fields for msg.fusionsolar (e.g. a generated requestID). */
  meta?: Record<string, unknown>;
}

/** Erases the parameter type so operations of every shape sit in one catalogue. */
export function defineOperation<P extends Params>(def: OperationDef<P>): OperationDef {
  return def;
}
