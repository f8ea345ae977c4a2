import { deviceList, plantList } from './lists';
import { withWorkflow } from '../core/types';

/** The operations of the fusionsolar-plants node, in the editor's order. */
export const PLANTS_OPERATIONS = [plantList, deviceList] as const;

for (const op of PLANTS_OPERATIONS) {
  const noun = op === plantList ? 'status.plants' : 'status.devices';
  withWorkflow(op, { status: (r) => ({ key: noun, vars: { count: Array.isArray(r.payload) ? r.payload.length : 0 } }) });
}

export { deviceList, plantList, PLANT_LIST_CACHE } from './lists';
