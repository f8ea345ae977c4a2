import type { ExecContext, ExecResult, OperationDef, Params } from '../../src/api/core/types';
import { FusionSolarError, invalidInput } from '../../src/client/errors';
import type { FusionSolarClient } from '../../src/client/client';
import { accountOf } from './account-ref';
import { library, once } from './lazy';
import { watchAccount } from './account-status';
import { deliver } from './output';
import { resolveParams } from './resolve';
import type { Status } from './status';
import type { Translate } from './i18n';
import { migrationsOf, type ConfigMigration } from './migrate';
import { abortQueued, nodeError, startNode } from './node-base';
import type { AccountNode, DoneFn, FlowNodeConfig, FusionSolarMessage, Node, NodeAPI, NodeMessageInFlow, SendFn } from './types';

export interface HookContext extends ExecContext {
  RED: NodeAPI;
  node: Node;
  config: FlowNodeConfig;
  msg: FusionSolarMessage;
  send: SendFn;
  status: Status;
  account: AccountNode;
  t: Translate;
  /** Sends the result on the first output now, before a long workflow; the node then only ends the message. */
  deliver(result: ExecResult): void;
}

/** Per-operation behaviour beyond "validate, call, merge" (node options, workflows). */
export interface OperationHooks {
  /** Node-level options, resolved like parameters but never sent to the API. */
  options?: readonly string[];
  /** Turns options and parameters into the parameters to execute; may fail with invalidInput. */
  prepare?(params: Params, options: Params, ctx: HookContext): Promise<Params> | Params;
  /** Replaces the standard execution (workflows such as runDiagnosis, tracking). */
  run?(op: OperationDef, params: Params, options: Params, ctx: HookContext): Promise<ExecResult>;
}

type Hooks = Readonly<Record<string, OperationHooks>>;

export interface OperationNodeSpec {
  type: string;
  /** Or a function giving them at the first node made, so registering loads no catalogue. */
  operations: readonly OperationDef[] | (() => readonly OperationDef[]);
  hooks?: Hooks | (() => Hooks);
  /** Status text for a finished call, e.g. "250 plants". */
  summary?(op: OperationDef, result: ExecResult, t: Translate): string;
  /** The type's saved-config history; the package's table (migrate.ts) unless given. */
  migrations?: readonly ConfigMigration[];
}

/**
 * Registers a flow node type that runs catalogue operations. Every node type of the
 * package is one call of this with its operations and hooks: nodes stay thin.
 */
export function registerOperationNode(RED: NodeAPI, spec: OperationNodeSpec): void {
  const steps = spec.migrations ?? migrationsOf(spec.type);
  const { operations, hooks: hooksOf } = spec;
  const ops = once(() => (typeof operations === 'function' ? operations() : operations));
  const allHooks = once(() => (typeof hooksOf === 'function' ? hooksOf() : hooksOf));
  function OperationNode(this: Node, saved: FlowNodeConfig): void {
    const node = this;
    const { config, t, status, closing } = startNode(RED, node, saved, steps);
    // The catalogue loads while the flow starts, not on the first message.
    ops();
    allHooks();
    let unsubscribe: (() => void) | undefined;
    let watched: FusionSolarClient | undefined;

    const watch = (client: FusionSolarClient): void => {
      if (watched === client) return;
      unsubscribe?.();
      watched = client;
      unsubscribe = watchAccount(client, status, t);
    };
    try {
      watch(accountOf(RED, config).client);
    } catch {
      status.error(t('status.noAccount'));
    }

    // Messages still running, so a closing node can end each with done(err) before it goes.
    const inFlight = new Set<Promise<void>>();
    const handle = async (msgIn: NodeMessageInFlow, send: SendFn, done: DoneFn): Promise<void> => {
      const msg = msgIn as FusionSolarMessage;
      const opName = typeof msg.operation === 'string' && msg.operation ? msg.operation : config.operation;
      try {
        const { account, client } = accountOf(RED, config);
        watch(client);
        const op = pickOperation(ops(), opName, client.api, t);
        const hooks = allHooks()?.[op.name];
        const resolved = await resolveParams(RED, node, config, [...op.fields, ...(hooks?.options ?? [])], msg, op.aliases);
        const options: Params = {};
        for (const k of hooks?.options ?? []) {
          if (k in resolved) options[k] = resolved[k];
          delete resolved[k];
        }
        if (op.changesDevices && !client.allowControl) {
          // Validation first: a command payload can be checked before control is enabled.
          library().validate(op, resolved);
          throw new FusionSolarError('CONTROL_DISABLED', {
            endpoint: op.endpoint,
            message: t('errors.controlDisabled', { operation: op.name }),
          });
        }
        let delivered = false;
        const deliverNow = (result: ExecResult): void => {
          delivered = true;
          deliver(RED, { msg, send, op, result, split: config.split === true, quota: client.governor.info(op.endpoint) });
          status.ok(spec.summary ? spec.summary(op, result, t) : summary(result, t));
        };
        const ctx: HookContext = {
          client, RED, node, config, msg, send, status, account, t,
          signal: closing.signal,
          onQuotaWait: (ms) => status.waiting(ms / 1000),
          deliver: deliverNow,
        };
        const params = hooks?.prepare ? await hooks.prepare(resolved, options, ctx) : resolved;
        status.busy(op.name);
        const result = hooks?.run ? await hooks.run(op, params, options, ctx) : await library().execute(op, params, ctx);
        if (!delivered) deliverNow(result);
        done();
      } catch (err) {
        const e = nodeError(RED, config, err, t);
        msg.fusionsolar = { ...(msg.fusionsolar ?? {}), operation: opName, calls: msg.fusionsolar?.calls ?? 0, error: e.toJSON() };
        const quota = e.endpoint && watched ? watched.governor.info(e.endpoint) : undefined;
        if (quota?.remaining !== undefined) msg.fusionsolar.quota = { endpoint: quota.endpoint, remaining: quota.remaining, resetAt: quota.resetAt };
        status.failed(e);
        done(e);
      }
    };
    node.on('input', (msgIn, send, done) => {
      const running = handle(msgIn, send, done);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    });

    node.on('close', (_removed: boolean, done: () => void) => {
      abortQueued(closing);
      unsubscribe?.();
      // Queued calls end at once with ABORTED; a call on the wire ends with its answer or timeout.
      void Promise.allSettled([...inFlight]).then(() => {
        status.clear();
        done();
      });
    });
  }
  RED.nodes.registerType(spec.type, OperationNode);
}

/**
 * The node's operation of that name on the account's interface. A name of the other
 * interface only (control on V6, alarms on V7) fails before any call, saying so.
 */
export function pickOperation(ops: readonly OperationDef[], name: unknown, api: 'v7' | 'v6', t: Translate): OperationDef {
  const own = ops.filter((o) => (o.api ?? 'v7') === api);
  const op = own.find((o) => o.name === name);
  if (op) return op;
  const names = [...new Set(own.map((o) => o.name))].join(', ');
  const other = ops.find((o) => o.name === name);
  if (other) {
    throw invalidInput('operation', t('errors.otherInterface', { operation: String(name), theirs: (other.api ?? 'v7').toUpperCase(), ours: api.toUpperCase(), operations: names || '-' }));
  }
  throw invalidInput('operation', t('errors.unknownOperation', { operations: names, got: JSON.stringify(name) }));
}

function summary(result: ExecResult, t: Translate): string {
  if (result.failed?.length && result.total !== undefined) {
    return t('status.partial', { ok: result.total - result.failed.length, total: result.total });
  }
  if (Array.isArray(result.payload)) return t('status.items', { count: result.payload.length });
  return t('status.ok');
}
