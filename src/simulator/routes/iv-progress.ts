import type { SimSubtask, SimTask } from './iv-state';

/**
 * How far a task is at a given time, computed from its plan instead of ticking timers, so
 * the virtual clock can jump any distance. Inverters scan four at a time, one group per
 * 100 s slot; the strings of one inverter scan together and finish half a second apart. A
 * scan itself is short (4 s plus 0.5 s a string, 3 s for a failed inverter): a small task
 * of up to four inverters ends within about 10 s, so a demo or an end-to-end run on the
 * real clock sees a whole diagnosis, while bigger tasks still span several polls.
 */

const FIRST_START_MS = 2_000;
const GROUP_MS = 100_000;
const GROUP_SIZE = 4;
const SCAN_MS = 4_000;
const STRING_GAP_MS = 500;
const FAILED_MS = 3_000;

export function planSubtasks(
  dns: string[],
  strings: (dn: string) => number,
  failed: (dn: string) => boolean,
  createdAt: number,
  newId: () => string,
): SimSubtask[] {
  const out: SimSubtask[] = [];
  dns.forEach((dn, k) => {
    const start = createdAt + FIRST_START_MS + Math.floor(k / GROUP_SIZE) * GROUP_MS;
    const isFailed = failed(dn);
    for (let pvIndex = 1; pvIndex <= strings(dn); pvIndex++) {
      const end = isFailed ? start + FAILED_MS : start + SCAN_MS + (pvIndex - 1) * STRING_GAP_MS;
      out.push({ subTaskId: newId(), dn, pvIndex, start, end, failed: isFailed });
    }
  });
  return out;
}

export interface SubtaskView {
  /** 0 succeeded, 1 failed, 2 canceled; null while pending or scanning. */
  status: number | null;
  startTime: number | null;
  endTime: number | null;
}

export function subtaskView(task: SimTask, s: SimSubtask, now: number): SubtaskView {
  const canceled = task.canceledAt !== undefined && task.canceledAt < s.end;
  if (canceled)
    return {
      status: 2,
      startTime: (task.canceledAt as number) >= s.start ? s.start : null,
      endTime: task.canceledAt as number,
    };
  if (now >= s.end) return { status: s.failed ? 1 : 0, startTime: s.start, endTime: s.end };
  return { status: null, startTime: now >= s.start ? s.start : null, endTime: null };
}

export interface TaskView {
  executed: number;
  total: number;
  process: number;
  /** 9.4.1 taskStatus: 0 incomplete, 1 complete, 2 canceled. */
  taskStatus: number;
  endTime: number | null;
}

export function taskView(task: SimTask, now: number): TaskView {
  const views = task.subtasks.map((s) => subtaskView(task, s, now));
  const executed = views.filter((v) => v.status !== null).length;
  const total = views.length;
  const done = executed === total;
  const canceled = task.canceledAt !== undefined && task.canceledAt <= now;
  return {
    executed,
    total,
    process: total ? Math.round((executed / total) * 1000) / 10 : 100,
    taskStatus: canceled ? 2 : done ? 1 : 0,
    endTime: done ? Math.max(...views.map((v) => v.endTime ?? 0)) : null,
  };
}

/** Every subtask has run (or was cancelled): fault list and loss data exist from then on. */
export function executed(task: SimTask, now: number): boolean {
  return task.subtasks.every((s) => subtaskView(task, s, now).status !== null);
}
