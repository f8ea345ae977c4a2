import { setMaxListeners } from 'node:events';
import { describeCode, interfaceOf } from '../../src/client/error-catalogue';
import { FusionSolarError, localise } from '../../src/client/errors';
import { translator, type Translate } from './i18n';
import { migrateConfig, type ConfigMigration } from './migrate';
import { Status } from './status';
import type { AccountNode, FlowNodeConfig, Node, NodeAPI } from './types';

export interface NodeBase<C> {
  config: C;
  t: Translate;
  status: Status;
  /** Aborted on close: queued calls (quota waits, polling) end with ABORTED. */
  closing: AbortController;
}

/** What every flow node does first: migrate its saved config, create itself, status, abort. */
export function startNode<C extends FlowNodeConfig>(
  RED: NodeAPI,
  node: Node,
  saved: C,
  steps: readonly ConfigMigration[],
): NodeBase<C> {
  const { config, newer, from, to } = migrateConfig(saved, steps);
  RED.nodes.createNode(node, config);
  const t = translator(RED);
  if (newer) node.warn(t('config.newer', { saved: from, known: to }));
  const closing = new AbortController();
  // Every queued message listens for the close: a burst of them is no leak.
  setMaxListeners(0, closing.signal);
  return { config, t, status: new Status(node, t), closing };
}

export function abortQueued(closing: AbortController): void {
  closing.abort(new FusionSolarError('ABORTED', { message: 'The node was closed before the call could be made' }));
}

/**
 * Any failure as the FusionSolarError a Catch node gets: in the account's language for
 * zh-cn (the server's language), otherwise our own codes in Node-RED's runtime language.
 */
export function nodeError(
  RED: NodeAPI,
  config: FlowNodeConfig,
  err: unknown,
  t: Translate = translator(RED),
): FusionSolarError {
  const raw =
    err instanceof FusionSolarError
      ? err
      : new FusionSolarError('FAILED', { message: (err as Error)?.message ?? String(err) });
  const locale = (RED.nodes.getNode(config.account) as AccountNode | null)?.locale;
  return locale === 'zh-cn' ? localise(raw, locale) : inRuntimeLanguage(raw, t);
}

/** Swaps the catalogue text of our own codes (QUOTA, INVALID_INPUT...) for the locale file's. */
function inRuntimeLanguage(err: FusionSolarError, t: Translate): FusionSolarError {
  const english = describeCode(err.code, 'en-us', interfaceOf(err.endpoint));
  const key = `errors.code.${err.code}`;
  const message = t(`${key}.message`);
  const solution = t(`${key}.solution`);
  if (!english || message.startsWith(key) || message === english.message) return err;
  const text = err.message === english.message ? message : `${err.message} (${message})`;
  return new FusionSolarError(err.code, {
    message: text,
    solution,
    retryAfter: err.retryAfter,
    endpoint: err.endpoint,
    field: err.field,
    httpStatus: err.httpStatus,
    details: err.details,
  });
}
