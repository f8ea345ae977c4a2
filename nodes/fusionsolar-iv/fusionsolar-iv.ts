import { library } from '../shared/lazy';
import type { DiagnosisReport } from '../../src/api/iv/report';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.4: smart I-V curve diagnosis, its string configuration, and the runDiagnosis workflow. */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-iv',
    operations: () => library().operationsOf('fusionsolar-iv'),
    hooks: () => library().ivHooks,
    summary(op, result, t) {
      if (op.name === 'runDiagnosis') {
        const report = result.payload as DiagnosisReport;
        if (report.status === 'canceled') return t('status.canceled');
        return t('status.ivReport', { curves: report.curves.length, faults: t('status.ivFaults', { count: report.faults.length }) });
      }
      if (op.name === 'cancelTask') return t('status.canceled');
      return Array.isArray(result.payload) ? t('status.items', { count: result.payload.length }) : t('status.ok');
    },
  });
};
