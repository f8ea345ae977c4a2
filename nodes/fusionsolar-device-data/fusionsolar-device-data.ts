import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * V6 6.1.6, 6.3.1, 6.4.1: device data of inverters, meters, power sensors, EMIs and batteries. The catalogue entries
 * say what each operation does.
 */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-device-data',
    operations: () => library().operationsOf('fusionsolar-device-data'),
  });
};
