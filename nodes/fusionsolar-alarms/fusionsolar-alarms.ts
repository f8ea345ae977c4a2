import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/** V6 6.1.7: the current alarms of the account's plants. The catalogue entries say what each operation does. */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-alarms',
    operations: () => library().operationsOf('fusionsolar-alarms'),
  });
};
