import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * 9.4: smart I-V curve diagnosis, its string configuration, and the runDiagnosis workflow. The catalogue entries say
 * what each operation does.
 */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, { type: 'fusionsolar-iv', operations: () => library().operationsOf('fusionsolar-iv') });
};
