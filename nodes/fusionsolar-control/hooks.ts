import { nextRequestId, settle, track, TRACKING, type TrackEvent } from '../../src/api/control/index';
import { execute } from '../../src/api/core/planner';
import type { ExecResult, OperationDef, Params } from '../../src/api/core/types';
import type { HookContext, OperationHooks } from '../shared/operation-node';
import type { FusionSolarMessage } from '../shared/types';

/**
 * Node-side glue of the control operations: a requestID the flow can see, and task
 * tracking that reports on the second output before the input message ends.
 */

const OPTIONS = ['track'] as const;

function isOn(v: unknown): boolean {
  return v === true || v === 'true';
}

function trackingMessage(ctx: HookContext, base: FusionSolarMessage, e: TrackEvent): FusionSolarMessage {
  const out = ctx.RED.util.cloneMessage<FusionSolarMessage>(base);
  const { payload, operation, calls, ...tracking } = e;
  out.payload = payload;
  out.topic = e.key;
  out.fusionsolar = { operation, calls, tracking };
  return out;
}

function showProgress(ctx: HookContext, e: TrackEvent): void {
  if (e.state === 'progress') ctx.status.busy(ctx.t('status.tracking', { done: e.total - e.running, total: e.total }));
  else if (e.state === 'abandoned') ctx.status.warn(ctx.t('status.trackingStopped'));
  else if (e.failed + e.timedOut === 0) ctx.status.ok(ctx.t('status.complete'));
  else ctx.status.warn(ctx.t('status.partial', { ok: e.succeeded, total: e.total }));
}

async function runCommand(op: OperationDef, params: Params, options: Params, ctx: HookContext): Promise<ExecResult> {
  const executed = settle(op, await execute(op, params, ctx));
  const result: ExecResult = params.requestID !== undefined ? { ...executed, meta: { requestID: params.requestID } } : executed;
  const spec = TRACKING[op.name];
  const plan = spec && isOn(options.track) ? spec.plan(result.payload, params) : undefined;
  if (!spec || !plan) return result;

  const base = ctx.RED.util.cloneMessage<FusionSolarMessage>(ctx.msg);
  ctx.deliver(result);
  ctx.status.busy(ctx.t('status.tracking', { done: 0, total: plan.ids.length }));
  try {
    await track(spec, plan, ctx, (e) => {
      ctx.send([null, trackingMessage(ctx, base, e)]);
      showProgress(ctx, e);
    });
  } catch (err) {
    // The node is closing: tracking just stops; the command itself succeeded.
    if (!ctx.signal?.aborted) throw err;
  }
  return result;
}

/**
 * The dispatch's requestID, generated when absent, goes on msg.fusionsolar before the call:
 * if the answer never arrives (outcome unknown) the flow still knows which task to query.
 */
function withRequestId(params: Params, _options: Params, ctx: HookContext): Params {
  const given = params.requestID;
  const id = given === undefined || given === null || given === '' ? nextRequestId() : given;
  const requestID = typeof id === 'string' && /^\d{1,15}$/.test(id.trim()) ? Number(id) : id;
  ctx.msg.fusionsolar = { ...(ctx.msg.fusionsolar ?? {}), operation: 'chargeDischarge', calls: 0, requestID };
  return { ...params, requestID };
}

/** Every command runs here (per-item outcome); three of them can be tracked. */
export const CONTROL_HOOKS: Readonly<Record<string, OperationHooks>> = {
  chargeDischarge: { options: OPTIONS, prepare: withRequestId, run: runCommand },
  setDod: { run: runCommand },
  inverterPower: { run: runCommand },
  emsMode: { run: runCommand },
  defaultSetting: { options: OPTIONS, run: runCommand },
  drm: { options: OPTIONS, run: runCommand },
};
