import type { Clock } from '../clock';
import { FusionSolarError } from '../client/errors';
import type { QuotaInfo } from '../client/quota/info';

/** One thing the monitor polls: a plant real-time round, a device type, alarms, a backfill. */
export interface Job {
  /** Key in the lasting state. */
  readonly name: string;
  /** The governor's budget it spends. */
  readonly endpoint: string;
  /** When it next wants to run (ms); Infinity when it has nothing to do. */
  due(): number;
  run(signal: AbortSignal): Promise<void>;
}

export interface SchedulerHooks {
  clock: Clock;
  info(endpoint: string): QuotaInfo;
  /** A job failed: report it; the job runs again after `retryAt`. */
  onError(job: Job, err: FusionSolarError): void;
  onRun(job: Job): void;
}

/** How long a monitor steps aside when another node's calls are queued for the same budget. */
export const YIELD_MS = 1000;

/**
 * Runs each job at its own due time, each in its own loop so a long quota wait of one does
 * not delay the others. The governor stays the judge: a job only goes when nobody else is
 * queued for its budget (a user's manual call goes first, and its answer counts as the
 * monitor's reading), and a job whose call fails waits out `retryAfter` before trying again.
 */
export class Scheduler {
  private readonly wakers = new Set<() => void>();
  private readonly retryAt = new Map<string, number>();

  constructor(private readonly hooks: SchedulerHooks) {}

  /** Something changed (new plants, a setting): every loop looks at its due time again. */
  wake(): void {
    for (const w of [...this.wakers]) w();
  }

  next(job: Job): number {
    return Math.max(job.due(), this.retryAt.get(job.name) ?? 0);
  }

  start(jobs: readonly Job[], signal: AbortSignal): Promise<void> {
    return Promise.all(jobs.map((j) => this.loop(j, signal))).then(() => undefined);
  }

  private async loop(job: Job, signal: AbortSignal): Promise<void> {
    const { clock } = this.hooks;
    while (!signal.aborted) {
      const now = clock.now();
      const at = this.next(job);
      if (at > now) {
        await this.pause(Number.isFinite(at) ? at - now : 3_600_000, signal);
        continue;
      }
      // Another node's operation still running reads these plants too: its answers come first.
      const info = this.hooks.info(job.endpoint);
      if ((info.queued ?? 0) > 0 || (info.active ?? 0) > 0) {
        await this.pause(YIELD_MS, signal);
        continue;
      }
      this.retryAt.delete(job.name);
      try {
        this.hooks.onRun(job);
        await job.run(signal);
        // One job's round can make another due (the backfill waits for the first real-time round).
        this.wake();
      } catch (err) {
        if (signal.aborted) break;
        const e =
          err instanceof FusionSolarError
            ? err
            : new FusionSolarError('FAILED', { message: (err as Error)?.message ?? String(err) });
        // Without a retryAfter (network, server error) the job waits one of its own periods.
        this.retryAt.set(job.name, clock.now() + (e.retryAfter ?? 0));
        this.hooks.onError(job, e);
        if (!e.retryAfter) await this.pause(YIELD_MS * 60, signal);
      }
    }
  }

  /** Sleeps on the clock until `ms` passed, wake() was called, or the monitor stops. */
  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    const stop = new AbortController();
    const onAbort = (): void => stop.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const waker = (): void => stop.abort();
    this.wakers.add(waker);
    try {
      await this.hooks.clock.sleep(ms, stop.signal);
    } catch {
      // Woken or stopped: the loop looks again.
    } finally {
      this.wakers.delete(waker);
      signal.removeEventListener('abort', onAbort);
    }
  }
}
