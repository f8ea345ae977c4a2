import { FusionSolarError } from '../../client/errors';
import type { Caller } from './collect';
import { objects } from './report';
import { listTasks } from './tasks';

/** Failures after which the server may have created the task although no id came back. */
const MAYBE_CREATED = new Set(['ETIMEDOUT', 'ECONNRESET', 'EMPTY_RESPONSE', 'BAD_RESPONSE', 'HTTP', 'OUTCOME_UNKNOWN']);

/** Clock difference between this host and the server tolerated when matching the creation time. */
const SKEW_MS = 2 * 60_000;

/**
 * createTask is not idempotent: a scan the server started before its answer was lost keeps
 * the plants busy (30033 for the next diagnosis) and nobody would read its results. Finds
 * it by its exact name among the tasks created since the diagnosis started, so the run goes
 * on with it. No match, several matches or a failing lookup: undefined (keep the error).
 */
export async function lostTask(
  err: unknown,
  taskName: string,
  since: number,
  now: number,
  call: Caller,
): Promise<string | undefined> {
  if (!(err instanceof FusionSolarError) || !MAYBE_CREATED.has(err.code)) return undefined;
  let list: ReturnType<typeof objects>;
  try {
    list = objects(await call(listTasks, { taskName, startTime: since - SKEW_MS, endTime: now + SKEW_MS }));
  } catch {
    return undefined;
  }
  const hits = list.filter((t) => t.taskName === taskName && t.taskId !== undefined && t.taskId !== null);
  return hits.length === 1 ? String(hits[0].taskId) : undefined;
}
