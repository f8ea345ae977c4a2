import { FusionSolarError } from '../../client/errors';
import { execute } from '../core/planner';
import type { ExecContext, OperationDef, Params } from '../core/types';

/**
 * Follows a device task after its command succeeded: polls the status operation at a pace
 * its quota allows until every subtask has ended (or the task's time is up), reporting each
 * change. Runs on the client's clock, so tests run a day of tracking in moments.
 */

export type SubtaskState = 'running' | 'succeeded' | 'failed' | 'timedOut';

export interface Subtask {
  id: string;
  /** The subtask id the command reported that this status belongs to (DRM: the plant task of a device). */
  group: string;
  state: SubtaskState;
  item: unknown;
}

export interface TrackPlan {
  /** Names the task in messages: the requestID, requestId or the DRM task ids. */
  key: string;
  query: Params;
  /** Subtasks the command accepted; each is running until a status says otherwise. */
  ids: string[];
}

export interface TrackSpec {
  status: OperationDef;
  pollMs: number;
  timeoutMs: number;
  plan(payload: unknown, params: Params): TrackPlan | undefined;
  subtasks(statusPayload: unknown): Subtask[];
}

export interface TrackEvent {
  state: 'progress' | 'complete' | 'abandoned';
  key: string;
  operation: string;
  payload: unknown;
  changed: string[];
  total: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  calls: number;
  error?: Record<string, unknown>;
}

/** Polls that may fail in a row (quota, network) before tracking gives up. */
const MAX_POLL_ERRORS = 3;

interface Known {
  state: SubtaskState;
  json: string;
  group: string;
}

export async function track(
  spec: TrackSpec,
  plan: TrackPlan,
  ctx: ExecContext,
  emit: (e: TrackEvent) => void,
): Promise<TrackEvent> {
  const clock = ctx.client.clock;
  const deadline = clock.now() + spec.timeoutMs;
  const known = new Map<string, Known>(plan.ids.map((id) => [id, { state: 'running', json: '', group: id }]));
  // Status answers are lists; none has come yet.
  let payload: unknown = [];
  let calls = 0;
  let errors = 0;

  const event = (state: TrackEvent['state'], changed: string[], error?: FusionSolarError): TrackEvent => {
    const count = (s: SubtaskState): number => [...known.values()].filter((k) => k.state === s).length;
    const e: TrackEvent = {
      state,
      key: plan.key,
      operation: spec.status.name,
      payload,
      changed,
      total: known.size,
      running: count('running'),
      succeeded: count('succeeded'),
      failed: count('failed'),
      timedOut: count('timedOut'),
      calls,
    };
    if (error) e.error = error.toJSON();
    return e;
  };

  // The first status may be minutes away (pollMs): say at once which subtasks are followed.
  emit(event('progress', [...known.keys()]));
  for (;;) {
    await clock.sleep(Math.max(0, Math.min(spec.pollMs, deadline - clock.now())), ctx.signal);
    const last = clock.now() >= deadline;
    try {
      const res = await execute(spec.status, plan.query, ctx);
      calls += res.calls;
      payload = res.payload;
      errors = 0;
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      const e =
        err instanceof FusionSolarError
          ? err
          : new FusionSolarError('FAILED', { message: String((err as Error)?.message ?? err) });
      if (++errors >= MAX_POLL_ERRORS || last) {
        const final = event('abandoned', [], e);
        emit(final);
        return final;
      }
      emit(event('progress', [], e));
      continue;
    }
    const changed = merge(known, spec.subtasks(payload));
    if (last) {
      for (const [id, k] of known) {
        if (k.state !== 'running') continue;
        k.state = 'timedOut';
        if (!changed.includes(id)) changed.push(id);
      }
    }
    const e = event([...known.values()].some((k) => k.state === 'running') ? 'progress' : 'complete', changed);
    if (e.state === 'complete') {
      emit(e);
      return e;
    }
    if (changed.length) emit(e);
  }
}

/** Updates the known subtasks from one status answer; returns the ids that changed. */
function merge(known: Map<string, Known>, subtasks: Subtask[]): string[] {
  const changed: string[] = [];
  for (const s of subtasks) {
    // Device-level statuses replace the entry of their plant task.
    if (s.id !== s.group) known.delete(s.group);
    const json = JSON.stringify(s.item);
    const prev = known.get(s.id);
    if (!prev || prev.json !== json || prev.state !== s.state) changed.push(s.id);
    known.set(s.id, { state: s.state, json, group: s.group });
  }
  return changed;
}
