// What the node files use of the library at run time, in one module that nodes/shared/lazy.ts
// loads on first use. A node file imports only types from src/ at its top.
export {
  catalogueRules,
  deviceList,
  deviceListV6,
  editorOperation,
  editorSettings,
  NODE_OPERATIONS,
  operationsOf,
  plantList,
  plantListV6,
} from '../../src/api';
export { execute } from '../../src/api/core/planner';
export { validate } from '../../src/api/core/validate';
export { isObject } from '../../src/api/core/normalise';
export { RESERVED_KEYS } from '../../src/api/core/params';
export { DEVICE_TYPES } from '../../src/api/core/reference-data';
export { V6_DEVICE_TYPES } from '../../src/api/core/v6-reference';
export { sendRequest } from '../../src/api/request/send';
export { FusionSolarClient } from '../../src/client/client';
export {
  acquireClient,
  registryClock,
  releaseClient,
  retireClient,
  sharedSessionOf,
  suspendIdleClients,
} from '../../src/client/registry';
export { Monitor } from '../../src/monitor/monitor';
export { credentialsFor, crossSite, foreignSite } from '../fusionsolar-account/admin-guard';
export { listsView, refreshWait } from '../fusionsolar-account/lists-view';
export { quotaView } from '../fusionsolar-account/quota-view';
export { toClientConfig } from '../fusionsolar-account/settings';
export { monitorSettings } from '../fusionsolar-monitor/settings';
export { NODE_SETTINGS } from './node-settings';
