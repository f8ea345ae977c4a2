import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * 9.3.4-9.3.8, 9.6.1.3/4/6/7: battery dispatch, DoD, inverter on/off, EMS, grid defaults, DRM. The catalogue entries
 * say what each operation does.
 */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-control',
    operations: () => library().operationsOf('fusionsolar-control'),
  });
};
