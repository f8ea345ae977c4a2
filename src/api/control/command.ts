import { execute } from '../core/planner';
import type { ExecResult, OperationDef, Params, StatusText, WorkflowContext, WorkflowProgress } from '../core/types';
import { nextRequestId } from './request-id';
import { settle } from './results';
import { TRACKING } from './track-specs';
import { track, type TrackEvent } from './tracking';

/**
 * The workflow of every command: per-item outcome, a requestID the flow can see, and task
 * tracking that reports on the second output before the input message ends.
 */

function isOn(v: unknown): boolean {
  return v === true || v === 'true';
}

function progressOf(e: TrackEvent): WorkflowProgress['status'] {
  if (e.state === 'progress')
    return { kind: 'busy', key: 'status.tracking', vars: { done: e.total - e.running, total: e.total } };
  if (e.state === 'abandoned') return { kind: 'warn', key: 'status.trackingStopped' };
  if (e.failed + e.timedOut === 0) return { kind: 'ok', key: 'status.complete' };
  return { kind: 'warn', key: 'status.partial', vars: { ok: e.succeeded, total: e.total } };
}

function trackingOutput(e: TrackEvent): NonNullable<WorkflowProgress['output']> {
  const { payload, operation, calls, ...tracking } = e;
  return { payload, topic: e.key, fusionsolar: { operation, calls, tracking }, copyInput: true };
}

/**
 * The dispatch's requestID, generated when absent, goes on msg.fusionsolar before the call:
 * if the answer never arrives (outcome unknown) the flow still knows which task to query.
 */
function withRequestId(params: Params, ctx: WorkflowContext): Params {
  const given = params.requestID;
  const id = given === undefined || given === null || given === '' ? nextRequestId() : given;
  const requestID = typeof id === 'string' && /^\d{1,15}$/.test(id.trim()) ? Number(id) : id;
  ctx.annotate({ operation: 'chargeDischarge', calls: 0, requestID });
  return { ...params, requestID };
}

export async function runCommand(
  op: OperationDef,
  input: Params,
  options: Params,
  ctx: WorkflowContext,
): Promise<ExecResult> {
  const params = op.name === 'chargeDischarge' ? withRequestId(input, ctx) : input;
  const executed = settle(op, await execute(op, params, ctx));
  const result: ExecResult =
    params.requestID !== undefined ? { ...executed, meta: { requestID: params.requestID } } : executed;
  const spec = TRACKING[op.name];
  const plan = spec && isOn(options.track) ? spec.plan(result.payload, params) : undefined;
  if (!spec || !plan) return result;

  ctx.deliver(result);
  ctx.progress({ status: { kind: 'busy', key: 'status.tracking', vars: { done: 0, total: plan.ids.length } } });
  try {
    await track(spec, plan, ctx, (e) => ctx.progress({ output: trackingOutput(e), status: progressOf(e) }));
  } catch (err) {
    // The node is closing: tracking just stops; the command itself succeeded.
    if (!ctx.signal?.aborted) throw err;
  }
  return result;
}

/** A command names the items it addressed: "3/4 ok" even when all succeeded. */
export function commandStatus(op: OperationDef, result: ExecResult): StatusText {
  if (op.itemCount && result.total !== undefined)
    return { key: 'status.partial', vars: { ok: result.total - (result.failed?.length ?? 0), total: result.total } };
  return Array.isArray(result.payload)
    ? { key: 'status.items', vars: { count: result.payload.length } }
    : { key: 'status.ok' };
}
