import { library } from '../shared/lazy';
import { registerOperationNode } from '../shared/operation-node';
import type { NodeAPI } from '../shared/types';

/**
 * 9.6.1.1, 9.6.1.2, 9.6.2.1: bring plants into the VPP and check
 * device registrations. The catalogue entries say what each operation does.
 */
export = function register(RED: NodeAPI): void {
  registerOperationNode(RED, {
    type: 'fusionsolar-enrolment',
    operations: () => library().operationsOf('fusionsolar-enrolment'),
  });
};
