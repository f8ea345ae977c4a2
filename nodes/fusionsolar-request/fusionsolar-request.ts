import { accountOf } from '../shared/account-ref';
import { library } from '../shared/lazy';
import { watchAccount } from '../shared/account-status';
import { migrationsOf } from '../shared/migrate';
import { abortQueued, nodeError, startNode } from '../shared/node-base';
import type {
  DoneFn,
  FlowNodeConfig,
  FusionSolarMessage,
  Node,
  NodeAPI,
  NodeMessageInFlow,
  SendFn,
} from '../shared/types';
import { text } from '../../src/text';

interface RequestConfig extends FlowNodeConfig {
  method?: string;
  path?: string;
}

interface RequestMessage extends FusionSolarMessage {
  method?: unknown;
  path?: unknown;
}

/** Errors raised before anything reached the server. */
const NOT_SENT = new Set(['INVALID_INPUT', 'CONTROL_DISABLED', 'QUOTA', 'NO_ACCOUNT', 'ABORTED', 'LOGIN_REJECTED']);

/** Any path of the account's server with its session and quota: msg.path and msg.method win. */
export = function register(RED: NodeAPI): void {
  function FusionSolarRequest(this: Node, saved: RequestConfig): void {
    const node = this;
    const { config, t, status, closing } = startNode(RED, node, saved, migrationsOf('fusionsolar-request'));
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchAccount(accountOf(RED, config).client, status, t);
    } catch {
      // No usable account yet: the first message says so.
    }

    const handle = async (msgIn: NodeMessageInFlow, send: SendFn, done: DoneFn): Promise<void> => {
      const msg = msgIn as RequestMessage;
      try {
        const { client } = accountOf(RED, config);
        if (client.session.state === 'rejected') status.error(t('status.loginRejected'));
        const method = msg.method !== undefined && msg.method !== '' ? msg.method : config.method;
        const path = msg.path !== undefined && msg.path !== '' ? msg.path : config.path;
        status.busy(text(method || 'POST').toUpperCase());
        const res = await library().sendRequest(client, {
          method,
          path,
          payload: msg.payload,
          signal: closing.signal,
          onQuotaWait: (ms) => status.waiting(ms / 1000),
        });
        msg.payload = res.data;
        msg.fusionsolar = {
          operation: 'request',
          calls: 1,
          method: res.method,
          path: res.path,
          endpoint: res.endpoint,
          response: res.envelope,
          ...(res.quota.remaining !== undefined
            ? { quota: { endpoint: res.quota.endpoint, remaining: res.quota.remaining, resetAt: res.quota.resetAt } }
            : {}),
        };
        send(msg);
        status.ok(`${res.method} ${t('status.ok')}`);
        done();
      } catch (err) {
        const e = nodeError(RED, config, err, t);
        msg.fusionsolar = { operation: 'request', calls: NOT_SENT.has(e.code) ? 0 : 1, error: e.toJSON() };
        status.failed(e);
        done(e);
      }
    };
    // handle() settles every message itself (done or done(err)): nothing to catch here.
    node.on('input', (msgIn, send, done) => void handle(msgIn, send, done));

    node.on('close', (_removed: boolean, done: () => void) => {
      abortQueued(closing);
      unwatch?.();
      status.clear();
      done();
    });
  }
  RED.nodes.registerType('fusionsolar-request', FusionSolarRequest);
};
