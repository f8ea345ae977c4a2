import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** 9.2: the plant list and device list of the account. The catalogue entries say what each operation does. */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-plants',
    operations: () => library().operationsOf('fusionsolar-plants'),
  });
};
