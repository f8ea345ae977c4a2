import { FusionSolarError, invalidInput } from '../../client/errors';
import { execute } from '../core/planner';
import { cancelTask } from './tasks';
import { validate } from '../core/validate';
import type { ExecContext, ExecResult, Params } from '../core/types';

/**
 * Diagnoses in progress, so a cancelTask message can reach them: with a taskId it cancels
 * that task (and ends the diagnosis waiting on it); without one it cancels every diagnosis
 * the same node started.
 */
export class DiagnosisRun {
  taskId?: string;
  phase: 'creating' | 'scanning' | 'collecting' = 'creating';
  /** Set once a cancel was asked for; `revoked` when the server task is already cancelled. */
  cancel?: { revoked: boolean };
  private readonly controller = new AbortController();

  constructor(readonly owner: string | undefined) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  requestCancel(revoked: boolean): void {
    if (this.cancel) return;
    this.cancel = { revoked };
    this.controller.abort(new FusionSolarError('ABORTED', { message: 'The diagnosis was cancelled' }));
  }
}

const running = new Set<DiagnosisRun>();

export function track(run: DiagnosisRun): () => void {
  running.add(run);
  return () => running.delete(run);
}

export function runsOf(owner: string): DiagnosisRun[] {
  return [...running].filter((r) => r.owner === owner);
}

/** cancelTask through a node: the API call, plus telling the diagnoses it concerns. */
export async function cancelDiagnoses(params: Params, owner: string, ctx: ExecContext): Promise<ExecResult> {
  if (params.taskId !== undefined && params.taskId !== '') {
    const id = validate(cancelTask, params).taskId as string;
    const result = await execute(cancelTask, params, ctx);
    for (const run of running) if (run.taskId === id) run.requestCancel(true);
    return result;
  }
  const mine = runsOf(owner);
  if (mine.length === 0) throw invalidInput('taskId', 'is required: this node has no diagnosis running to cancel');
  const outcome: Params[] = [];
  let calls = 0;
  for (const run of mine) {
    if (run.phase !== 'scanning' || run.taskId === undefined) {
      // Still creating (the diagnosis cancels the task once it has its id) or already collecting.
      run.requestCancel(false);
      outcome.push({ taskId: run.taskId ?? null, canceled: true, phase: run.phase });
      continue;
    }
    const result = await execute(cancelTask, { taskId: run.taskId }, ctx);
    calls += result.calls;
    run.requestCancel(true);
    outcome.push({ taskId: run.taskId, canceled: true, phase: run.phase });
  }
  return { payload: outcome, calls, total: outcome.length };
}
