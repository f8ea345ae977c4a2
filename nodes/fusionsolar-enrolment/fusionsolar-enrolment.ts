import { library } from '../shared/lazy';
import type { Params } from '../../src/api/core/types';
import { registerOperationNode, type HookContext, type OperationHooks } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * `account` is the node property naming the FusionSolar account node, so the node's default
 * for snRegistration's `account` parameter is saved as `userAccount`; msg.payload.account wins.
 */
function registrationAccount(params: Params, options: Params, ctx: HookContext): Params {
  const payload = ctx.msg.payload;
  const given = typeof payload === 'object' && payload !== null && Object.prototype.hasOwnProperty.call(payload, 'account');
  const out = { ...params };
  if (!given) {
    delete out.account;
    if (options.userAccount !== undefined) out.account = options.userAccount;
  }
  return out;
}

/** 9.6.1.1, 9.6.1.2, 9.6.2.1: bring plants into the VPP and check device registrations. */
export = function register(RED: NodeAPI): void {
  const run: OperationHooks['run'] = (op, params, options, ctx) => library().runEnrolment(op, params, options, ctx, ctx.account.locale);
  registerOperationNode(RED, {
    type: 'fusionsolar-enrolment',
    operations: () => library().operationsOf('fusionsolar-enrolment'),
    hooks: {
      snEnrolment: { run },
      acEnrolment: { options: ['nmi'], run },
      snRegistration: { options: ['userAccount'], prepare: registrationAccount, run },
    },
    summary: (op, result, t) => {
      const count = Array.isArray(result.payload) ? result.payload.length : 0;
      if (result.failed?.length) return t('status.partial', { ok: count - result.failed.length, total: count });
      return t(op.name === 'snRegistration' ? 'status.sns' : 'status.enrolled', { count });
    },
  });
};
