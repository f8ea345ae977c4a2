import { deviceList, plantList } from './lists';
import { deviceListV6, plantListV6 } from './v6';
import { withWorkflow } from '../core/types';

/** The operations of the fusionsolar-plants node, in the editor's order: V7's, then V6's. */
export const PLANTS_OPERATIONS = [plantList, deviceList, plantListV6, deviceListV6] as const;

for (const op of PLANTS_OPERATIONS) {
  const noun = op.name === 'plantList' ? 'status.plants' : 'status.devices';
  withWorkflow(op, {
    status: (r) => ({ key: noun, vars: { count: Array.isArray(r.payload) ? r.payload.length : 0 } }),
  });
}

export { deviceList, plantList } from './lists';
export { accountStations, deviceListV6, plantListV6 } from './v6';
