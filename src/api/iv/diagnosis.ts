import { z } from 'zod';
import { FusionSolarError, invalidInput } from '../../client/errors';
import { execute } from '../core/planner';
import { boolInput, IV_QUOTA } from './params';
import { cancelTask, createTask, taskStatus } from './tasks';
import { ivPacer } from './pacer';
import { lostTask } from './recover';
import { DiagnosisRun, track } from './runs';
import { objects, type DiagnosisReport } from './report';
import { collect, finish, type DiagnosisResult } from './collect';
import { isObject } from '../core/normalise';
import { validate, zodToError } from '../core/validate';
import { defineOperation, type ExecContext, type OperationDef, type Params } from '../core/types';

/** runDiagnosis: create a scan, wait for it, collect faults, losses and every curve. */

const optionsSchema = z.object({
  pollInterval: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(5, 'must be at least 5 s (the reference advises 5-10 s)')
    .max(10, 'must be at most 10 s (the reference advises 5-10 s)')
    .default(8),
  maxMinutes: z.coerce
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1440, 'must be at most 1440')
    .default(60),
  chart: boolInput.default(false),
});

export type DiagnosisOptions = z.infer<typeof optionsSchema>;

export const DIAGNOSIS_OPTIONS = Object.keys(optionsSchema.shape) as readonly (keyof DiagnosisOptions)[];

export interface DiagnosisProgress {
  phase: 'scanning' | 'collecting';
  taskId: string;
  /** Percent of the scan (from taskStatus), then of the inverters whose curves are read. */
  process: number | null;
  done: number;
  total: number;
}

export interface DiagnosisContext extends ExecContext {
  /** Who started it (the node id), so a cancelTask message without a task id finds it. */
  owner?: string;
  onProgress?(p: DiagnosisProgress): void;
}

export const runDiagnosisOp = defineOperation<Params>({
  ...createTask,
  name: 'runDiagnosis',
  section: '9.4',
  summary:
    'Creates a scan, polls its status every 5-10 s, then returns one report with the faults, loss ' +
    "data and every string's I-V curve.",
  quota: IV_QUOTA,
  options: optionsSchema,
  // Ticked, the node gets a second output for the progress messages.
  settings: z.object({ progress: z.boolean().meta({ 'x-second-output': true }) }),
  // The workflow is runDiagnosis() below; the plain planner must never run it as createTask.
  precheck() {
    throw invalidInput(
      'operation',
      'runDiagnosis is a workflow: run it through the fusionsolar-iv node or runDiagnosis()',
    );
  },
});

function parseOptions(raw: Params): DiagnosisOptions {
  const res = optionsSchema.safeParse(raw);
  if (!res.success) throw zodToError(res.error, raw);
  return res.data;
}

function scanFinished(status: Params): boolean {
  const list = objects(status.list);
  if (list.length > 0) return list.every((s) => s.status !== null && s.status !== undefined);
  return typeof status.process === 'number' && status.process >= 100;
}

export async function runDiagnosis(input: Params, rawOptions: Params, ctx: DiagnosisContext): Promise<DiagnosisResult> {
  const options = parseOptions(rawOptions);
  const clock = ctx.client.clock;
  const params = validate(createTask, {
    cleanStatus: 0,
    environmentalParameters: 0,
    taskName: `Node-RED diagnosis ${new Date(clock.now()).toISOString()}`,
    ...input,
  });
  const run = new DiagnosisRun(ctx.owner);
  const untrack = track(run);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, run.signal]) : run.signal;
  const pacer = ivPacer(ctx.client);
  let calls = 0;
  const call = async (op: OperationDef, p: Params, sig: AbortSignal | undefined = signal): Promise<unknown> => {
    await pacer.take(sig);
    const r = await execute(op, p, { ...ctx, signal: sig });
    pacer.record(r.calls - 1);
    calls += r.calls;
    return r.payload;
  };
  /** Aborts from the node closing end the message with an error; a cancel ends it with a report. */
  const stopped = (err: unknown): boolean => {
    if (ctx.signal?.aborted) throw err;
    return run.cancel !== undefined;
  };
  const started = clock.now();
  const dns = params.dns as string[];
  const report: DiagnosisReport = {
    taskId: '',
    taskName: String(params.taskName),
    status: 'complete',
    dns,
    startTime: started,
    endTime: started,
    process: null,
    subtasks: [],
    faults: [],
    lossData: [],
    curves: [],
    errors: [],
  };
  try {
    let created: unknown;
    try {
      created = await call(createTask, params);
    } catch (err) {
      if (stopped(err)) return finish(report, 'canceled', clock.now(), calls, options);
      const lost = await lostTask(err, report.taskName, started, clock.now(), call);
      if (lost === undefined) throw err;
      created = { taskId: lost };
    }
    report.taskId = String(isObject(created) ? created.taskId : '');
    run.taskId = report.taskId;
    run.phase = 'scanning';
    // Cancelled while the task was being created: cancel it now that it has an id.
    if (run.cancel && !run.cancel.revoked) await call(cancelTask, { taskId: report.taskId }, ctx.signal);
    let status: Params = {};
    while (!run.cancel) {
      if (clock.now() - started > options.maxMinutes * 60_000) {
        throw new FusionSolarError('TIMEOUT', {
          details: { taskId: report.taskId },
          message:
            `runDiagnosis: task ${report.taskId} did not finish within ${options.maxMinutes} ` +
            `minutes; it keeps running on the server (query it with taskStatus)`,
        });
      }
      try {
        await clock.sleep(options.pollInterval * 1000, signal);
        status = (await call(taskStatus, { taskId: report.taskId })) as Params;
      } catch (err) {
        if (stopped(err)) break;
        throw err;
      }
      report.subtasks = objects(status.list);
      report.process = typeof status.process === 'number' ? status.process : null;
      const done = report.subtasks.filter((s) => s.status !== null && s.status !== undefined).length;
      ctx.onProgress?.({
        phase: 'scanning',
        taskId: report.taskId,
        process: report.process,
        done,
        total: report.subtasks.length,
      });
      if (scanFinished(status)) break;
    }
    // Cancelled elsewhere (another flow, the web UI): unfinished subtasks show status 2.
    const canceledOnServer = report.subtasks.some((s) => s.status === 2);
    if (run.cancel || canceledOnServer) return finish(report, 'canceled', clock.now(), calls, options);
    run.phase = 'collecting';
    await collect(report, call, ctx, stopped);
    return finish(report, run.cancel ? 'canceled' : 'complete', clock.now(), calls, options);
  } finally {
    untrack();
  }
}
