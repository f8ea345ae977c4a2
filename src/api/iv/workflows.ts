import type { ExecResult, OperationDef, StatusText } from '../core/types';
import { withWorkflow } from '../core/types';
import { runDiagnosis, runDiagnosisOp, type DiagnosisProgress } from './diagnosis';
import type { DiagnosisReport } from './report';
import { cancelDiagnoses } from './runs';
import { cancelTask } from './tasks';

/**
 * The I-V workflows: runDiagnosis reports progress on the status and, when the node has a
 * second output, as messages there; cancelTask also reaches the node's running diagnoses.
 */

const listed = (r: ExecResult): StatusText =>
  Array.isArray(r.payload) ? { key: 'status.items', vars: { count: r.payload.length } } : { key: 'status.ok' };

export function attachIvWorkflows(ops: readonly OperationDef[]): void {
  for (const op of ops) withWorkflow(op, { status: listed });
  withWorkflow(runDiagnosisOp, {
    workflow(params, options, ctx) {
      const onProgress = (p: DiagnosisProgress): void => {
        ctx.progress({
          status:
            p.phase === 'scanning'
              ? { kind: 'busy', key: 'status.running', vars: { progress: Math.round(p.process ?? 0) } }
              : { kind: 'busy', key: 'status.ivCollecting', vars: { done: p.done, total: p.total } },
          ...(ctx.settings.progress === true
            ? {
                output: {
                  topic: 'progress',
                  payload: p,
                  fusionsolar: { operation: 'runDiagnosis', calls: 0, taskId: p.taskId },
                },
              }
            : {}),
        });
      };
      return runDiagnosis(params, options, {
        client: ctx.client,
        signal: ctx.signal,
        onQuotaWait: ctx.onQuotaWait,
        owner: ctx.owner,
        onProgress,
      });
    },
    status(result) {
      const report = result.payload as DiagnosisReport;
      if (report.status === 'canceled') return { key: 'status.canceled' };
      return {
        key: 'status.ivReport',
        vars: {
          curves: report.curves.length,
          faults: { key: 'status.ivFaults', vars: { count: report.faults.length } },
        },
      };
    },
  });
  withWorkflow(cancelTask, {
    workflow: (params, _options, ctx) => cancelDiagnoses(params, ctx.owner, ctx),
    status: () => ({ key: 'status.canceled' }),
  });
}
