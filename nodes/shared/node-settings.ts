import { ACCOUNT_SETTINGS } from '../../src/client/account-settings';
import { REQUEST_SETTINGS } from '../../src/api/request/settings';
import { MONITOR_SETTINGS } from '../../src/monitor/settings';

/** Node types with settings of their own, outside any operation: the editor gets their rules too. */
export const NODE_SETTINGS = {
  'fusionsolar-account': ACCOUNT_SETTINGS,
  'fusionsolar-request': REQUEST_SETTINGS,
  'fusionsolar-monitor': MONITOR_SETTINGS,
};
