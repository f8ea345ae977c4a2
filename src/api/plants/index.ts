import { deviceList, plantList } from './lists';
import { deviceListV6, plantListV6 } from './v6';

/** The operations of the fusionsolar-plants node, in the editor's order: V7's, then V6's. */
export const PLANTS_OPERATIONS = [plantList, deviceList, plantListV6, deviceListV6] as const;

export { deviceList, plantList } from './lists';
export { accountStations, deviceListV6, plantListV6 } from './v6';
