import type { FusionSolarClient } from '../../src/client/client';
import { FusionSolarError } from '../../src/client/errors';
import { translator } from './i18n';
import type { AccountNode, FlowNodeConfig, NodeAPI } from './types';

/** The account a flow node points at, or a clear error saying what is missing. */
export function accountOf(RED: NodeAPI, config: FlowNodeConfig): { account: AccountNode; client: FusionSolarClient } {
  const account = config.account ? (RED.nodes.getNode(config.account) as AccountNode | null) : null;
  if (!account)
    throw new FusionSolarError('NO_ACCOUNT', {
      field: 'account',
      message: `account: ${translator(RED)('errors.noAccount')}`,
    });
  if (!account.client) {
    throw new FusionSolarError('NO_ACCOUNT', {
      field: 'account',
      message: `account: ${account.problem ?? translator(RED)('errors.incompleteAccount')}`,
    });
  }
  return { account, client: account.client };
}
