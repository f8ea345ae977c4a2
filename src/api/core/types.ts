import type { z } from 'zod';
import type { QuotaRule } from '../../client/quota/rules';
import type { Locale } from '../../client/error-catalogue';
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

/** A status line as a locale key of the node and its values (a value may be a text itself). */
export interface StatusText {
  key: string;
  vars?: Readonly<Record<string, string | number | StatusText>>;
}

export interface WorkflowProgress {
  status: StatusText & { kind: 'busy' | 'ok' | 'warn' };
  /** A message for the node's second output; `copyInput` bases it on the input message. */
  output?: { payload: unknown; topic?: string; fusionsolar: Record<string, unknown>; copyInput?: boolean };
}

/** What a workflow may do beyond the planner's calls. The node supplies it; the api never sees Node-RED. */
export interface WorkflowContext extends ExecContext {
  /** Who runs it (the node id), so a later message of the same node finds its runs. */
  owner: string;
  /** The account's language, for names in results. */
  locale: Locale;
  /** Input names the message itself gave: they beat the node's options. */
  fromMessage: readonly string[];
  /** The node's settings of this operation (OperationDef.settings), as saved. */
  settings: Params;
  /** Fields for msg.fusionsolar known before the first call (an error message keeps them too). */
  annotate(meta: Record<string, unknown>): void;
  /** Sends the result on the first output now, before a long follow-up; the node then only ends the message. */
  deliver(result: ExecResult): void;
  progress(p: WorkflowProgress): void;
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
   * Node-only options (e.g. "all plants", tracking): resolved like parameters, from the
   * message or the node, but never sent to the API. The schema gives the editor their rules.
   */
  options?: z.ZodObject;
  /** Node settings the operation uses that a message cannot change (a second output, say). */
  settings?: z.ZodObject;
  /*
   * A field's other names. `properties`: where the node saves it (the editor row), when the
   * field's own name is taken. `inputAliases`: a name only `msg.payload` uses, which wins
   * over the field. `otherNames`: a name message or node may use instead (V6 `plantCodes`
   * for `stationCodes`); both at once must agree. `messageOnly`: fields without a row.
   */
  properties?: Readonly<Record<string, string>>;
  inputAliases?: Readonly<Record<string, string>>;
  otherNames?: Readonly<Record<string, string>>;
  messageOnly?: readonly string[];
  /**
   * How execute() makes the calls when the planner alone cannot (fallbacks, device lookups):
   * gets the validated input and `plain`, which runs the planner over already-validated
   * parameter sets as one group. Library callers and nodes both go through it.
   */
  runCalls?(params: P, ctx: ExecContext, plain: (sets: Params[]) => Promise<ExecResult>): Promise<ExecResult>;
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
  /**
   * The node's whole run where it needs node-only options or more than one answer
   * (tracking, diagnosis, enrolment, "all plants"): replaces execute() in the node.
   */
  workflow?(params: Params, options: Params, ctx: WorkflowContext): Promise<ExecResult>;
  /** The node's status text for a finished call (default: items counted, or "ok"). */
  status?(result: ExecResult): StatusText;
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

/**
 * Gives entries their workflow and status where those need modules that import the entries
 * themselves (the control tracker reads the status operations): set once, at the group's index.
 */
export function withWorkflow(op: OperationDef, parts: Pick<OperationDef, 'workflow' | 'status'>): OperationDef {
  return Object.assign(op, parts);
}

/** Erases the parameter type so operations of every shape sit in one catalogue. */
export function defineOperation<P extends Params>(def: OperationDef<P>): OperationDef {
  return def;
}
