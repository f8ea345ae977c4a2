import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.2: the plant list and device list of the account. */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-plants',
    operations: () => library().operationsOf('fusionsolar-plants'),
    summary: (op, result, t) =>
      t(op.name === 'plantList' ? 'status.plants' : 'status.devices', { count: Array.isArray(result.payload) ? result.payload.length : 0 }),
  });
};
