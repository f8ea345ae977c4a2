import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * V7 9.3.1-9.3.3, 9.5.1, 9.6.1.5 and V6 6.1.4: plant information, real-time, history, reports, rated data. The
 * catalogue entries say what each operation does.
 */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-plant-data',
    operations: () => library().operationsOf('fusionsolar-plant-data'),
  });
};
