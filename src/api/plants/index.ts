import { deviceList, plantList } from './lists';

/** The operations of the fusionsolar-plants node, in the editor's order. */
export const PLANTS_OPERATIONS = [plantList, deviceList] as const;

export { deviceList, plantList } from './lists';
