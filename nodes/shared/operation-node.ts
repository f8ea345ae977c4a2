import type {
  ExecResult,
  OperationDef,
  Params,
  StatusText,
  WorkflowContext,
  WorkflowProgress,
} from '../../src/api/core/types';
import { FusionSolarError, invalidInput } from '../../src/client/errors';
import type { FusionSolarClient } from '../../src/client/client';
import { isObject } from '../../src/api/core/normalise';
import { accountOf } from './account-ref';
import { library, once } from './lazy';
import { watchAccount } from './account-status';
import { deliver } from './output';
import { resolveParams } from './resolve';
import type { Translate } from './i18n';
import { migrationsOf, type ConfigMigration } from './migrate';
import { abortQueued, nodeError, startNode } from './node-base';
import type { DoneFn, FlowNodeConfig, FusionSolarMessage, Node, NodeAPI, NodeMessageInFlow, SendFn } from './types';

export interface OperationNodeSpec {
  type: string;
  /** Or a function giving them at the first node made, so registering loads no catalogue. */
  operations: readonly OperationDef[] | (() => readonly OperationDef[]);
  /** The type's saved-config history; the package's table (migrate.ts) unless given. */
  migrations?: readonly ConfigMigration[];
}

/**
 * Registers a flow node type that runs catalogue operations. Every operation node type of
 * the package is one call of this: the catalogue entry says what the node does.
 */
export function registerOperationNode(RED: NodeAPI, spec: OperationNodeSpec): void {
  const steps = spec.migrations ?? migrationsOf(spec.type);
  const { operations } = spec;
  const ops = once(() => (typeof operations === 'function' ? operations() : operations));
  function OperationNode(this: Node, saved: FlowNodeConfig): void {
    const node = this;
    const { config, t, status, closing } = startNode(RED, node, saved, steps);
    // The catalogue loads while the flow starts, not on the first message.
    ops();
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
        const { optionNames, inputNames, settingNames } = namesOf(op);
        const resolved = await resolveParams(RED, node, config, inputNames, msg, op);
        const options: Params = {};
        for (const k of optionNames) {
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
        // The input as it came, for second-output messages built from it after delivery.
        let base: FusionSolarMessage | undefined;
        // `early`: the workflow delivers before its follow-up, whose messages need the input as
        // it came. Once the workflow has ended nothing follows, so no copy is made (the copy of
        // a 100-code input was a tenth of what the node adds to a call).
        const deliverNow = (result: ExecResult, early = false): void => {
          delivered = true;
          if (early) base = RED.util.cloneMessage<FusionSolarMessage>(msg);
          deliver(RED, {
            msg,
            send,
            op,
            result,
            split: config.split === true,
            quota: client.governor.info(op.endpoint),
          });
          status.ok(text(t, op.status ? op.status(result) : summary(result)));
        };
        const settings: Params = {};
        for (const k of settingNames) settings[k] = config[k];
        const ctx: WorkflowContext = {
          client,
          signal: closing.signal,
          onQuotaWait: (ms) => status.waiting(ms / 1000),
          owner: node.id,
          locale: account.locale,
          fromMessage: isObject(msg.payload) ? Object.keys(msg.payload) : [],
          settings,
          annotate: (meta) => {
            msg.fusionsolar = { ...(msg.fusionsolar ?? { operation: op.name, calls: 0 }), ...meta };
          },
          deliver: (result) => deliverNow(result, true),
          progress: (p) => {
            if (p.output) send([null, outputMessage(RED, p.output, base ?? msg)]);
            status[p.status.kind](text(t, p.status));
          },
        };
        status.busy(op.name);
        const result = op.workflow
          ? await op.workflow(resolved, options, ctx)
          : await library().execute(op, resolved, ctx);
        if (!delivered) deliverNow(result);
        done();
      } catch (err) {
        const e = nodeError(RED, config, err, t);
        msg.fusionsolar = {
          ...(msg.fusionsolar ?? {}),
          operation: opName,
          calls: msg.fusionsolar?.calls ?? 0,
          error: e.toJSON(),
        };
        const quota = e.endpoint && watched ? watched.governor.info(e.endpoint) : undefined;
        if (quota?.remaining !== undefined)
          msg.fusionsolar.quota = { endpoint: quota.endpoint, remaining: quota.remaining, resetAt: quota.resetAt };
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

interface OperationNames {
  optionNames: readonly string[];
  /** Fields, then node-only options: what a message or the node's settings may give. */
  inputNames: readonly string[];
  settingNames: readonly string[];
}

const names = new WeakMap<OperationDef, OperationNames>();

/** An operation's parameter names, worked out once rather than for every message. */
function namesOf(op: OperationDef): OperationNames {
  let n = names.get(op);
  if (!n) {
    const optionNames = op.options ? Object.keys(op.options.shape) : [];
    n = {
      optionNames,
      inputNames: [...op.fields, ...optionNames],
      settingNames: op.settings ? Object.keys(op.settings.shape) : [],
    };
    names.set(op, n);
  }
  return n;
}

/**
 * The node's operation of that name on the account's interface. A name of the other
 * interface only (control on V6, alarms on V7) fails before any call, saying so.
 */
export function pickOperation(
  ops: readonly OperationDef[],
  name: unknown,
  api: 'v7' | 'v6',
  t: Translate,
): OperationDef {
  for (const o of ops) if (o.name === name && (o.api ?? 'v7') === api) return o;
  const own = ops.filter((o) => (o.api ?? 'v7') === api);
  const names = [...new Set(own.map((o) => o.name))].join(', ');
  const other = ops.find((o) => o.name === name);
  if (other) {
    throw invalidInput(
      'operation',
      t('errors.otherInterface', {
        operation: String(name),
        theirs: (other.api ?? 'v7').toUpperCase(),
        ours: api.toUpperCase(),
        operations: names || '-',
      }),
    );
  }
  throw invalidInput('operation', t('errors.unknownOperation', { operations: names, got: JSON.stringify(name) }));
}

function summary(result: ExecResult): StatusText {
  if (result.failed?.length && result.total !== undefined)
    return { key: 'status.partial', vars: { ok: result.total - result.failed.length, total: result.total } };
  if (Array.isArray(result.payload)) return { key: 'status.items', vars: { count: result.payload.length } };
  return { key: 'status.ok' };
}

/** A catalogue status in the node's language; a value may be a status text itself. */
function text(t: Translate, s: StatusText): string {
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(s.vars ?? {})) vars[k] = typeof v === 'object' ? text(t, v) : v;
  return t(s.key, vars);
}

function outputMessage(
  RED: NodeAPI,
  out: NonNullable<WorkflowProgress['output']>,
  input: FusionSolarMessage,
): FusionSolarMessage {
  const msg: FusionSolarMessage = out.copyInput ? RED.util.cloneMessage(input) : { _msgid: RED.util.generateId() };
  msg.payload = out.payload;
  if (out.topic !== undefined) msg.topic = out.topic;
  msg.fusionsolar = out.fusionsolar as FusionSolarMessage['fusionsolar'];
  return msg;
}
