import type { FusionSolarClient } from '../../src/client/client';
import { FusionSolarError } from '../../src/client/errors';
import type { AccountNode, FlowNodeConfig, NodeAPI } from './types';

/** The account a flow node points at, or a clear error saying what is missing. */
export function accountOf(RED: NodeAPI, config: FlowNodeConfig): { account: AccountNode; client: FusionSolarClient } {
  const account = config.account ? (RED.nodes.getNode(config.account) as AccountNode | null) : null;
  if (!account) throw new FusionSolarError('NO_ACCOUNT', { field: 'account', message: 'account: no FusionSolar account is configured for this node' });
  if (!account.client) {
    throw new FusionSolarError('NO_ACCOUNT', { field: 'account', message: `account: ${account.problem ?? 'the account is incomplete'}` });
  }
  return { account, client: account.client };
}
