import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.3.4-9.3.8, 9.6.1.3/4/6/7: battery dispatch, DoD, inverter on/off, EMS, grid defaults, DRM. */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-control',
    operations: () => library().operationsOf('fusionsolar-control'),
    hooks: () => library().CONTROL_HOOKS,
    summary(op, result, t) {
      if (op.itemCount && result.total !== undefined) {
        return t('status.partial', { ok: result.total - (result.failed?.length ?? 0), total: result.total });
      }
      return Array.isArray(result.payload) ? t('status.items', { count: result.payload.length }) : t('status.ok');
    },
  });
};
