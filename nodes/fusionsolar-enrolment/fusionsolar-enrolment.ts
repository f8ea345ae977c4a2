import { operationsOf } from '../../src/api';
import { runEnrolment } from '../../src/api/enrolment/workflow';
import { registerOperationNode, type OperationHooks } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.6.1.1, 9.6.1.2, 9.6.2.1: bring plants into the VPP and check device registrations. */
export = function register(RED: NodeAPI): void {
  const run: OperationHooks['run'] = (op, params, options, ctx) => runEnrolment(op, params, options, ctx, ctx.account.locale);
  registerOperationNode(RED, {
    type: 'fusionsolar-enrolment',
    operations: operationsOf('fusionsolar-enrolment'),
    hooks: { snEnrolment: { run }, acEnrolment: { run }, snRegistration: { run } },
    summary: (op, result, t) => {
      const count = Array.isArray(result.payload) ? result.payload.length : 0;
      if (result.failed?.length) return t('status.partial', { ok: count - result.failed.length, total: count });
      return t(op.name === 'snRegistration' ? 'status.sns' : 'status.enrolled', { count });
    },
  });
};
