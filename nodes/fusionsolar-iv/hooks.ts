import { runDiagnosis, type DiagnosisProgress } from '../../src/api/iv/diagnosis';
import { cancelDiagnoses } from '../../src/api/iv/runs';
import type { OperationHooks } from '../shared/operation-node';
import type { FusionSolarMessage } from '../shared/types';

/**
 * Node glue of the I-V workflows: runDiagnosis reports progress on the status and, when the
 * node has a second output, as messages there; cancelTask also reaches running diagnoses.
 */
export const ivHooks: Readonly<Record<string, OperationHooks>> = {
  runDiagnosis: {
    run(_op, params, options, ctx) {
      const progressOutput = ctx.config.progress === true;
      const onProgress = (p: DiagnosisProgress): void => {
        ctx.status.busy(p.phase === 'scanning' ? ctx.t('status.running', { progress: Math.round(p.process ?? 0) }) : ctx.t('status.ivCollecting', { done: p.done, total: p.total }));
        if (progressOutput) {
          const msg: FusionSolarMessage = { _msgid: ctx.RED.util.generateId(), topic: 'progress', payload: p, fusionsolar: { operation: 'runDiagnosis', calls: 0, taskId: p.taskId } };
          ctx.send([null, msg]);
        }
      };
      return runDiagnosis(params, options, { client: ctx.client, signal: ctx.signal, onQuotaWait: ctx.onQuotaWait, owner: ctx.node.id, onProgress });
    },
  },
  cancelTask: {
    run: (_op, params, _options, ctx) => cancelDiagnoses(params, ctx.node.id, ctx),
  },
};
