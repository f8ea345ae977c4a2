import { invalidInput } from '../../src/client/errors';
import { library } from './lazy';
import type { FlowNodeConfig, Node, NodeAPI, NodeMessageInFlow } from './types';
import type { OperationDef } from '../../src/api/core/types';

/** TypedInput types whose value is read as written; others are evaluated per message. */
const LITERAL_TYPES = new Set(['str', undefined, '']);

function evaluate(RED: NodeAPI, node: Node, value: unknown, type: string, msg: NodeMessageInFlow): Promise<unknown> {
  return new Promise((resolve, reject) => {
    RED.util.evaluateNodeProperty(value as string, type, node, msg, (err: Error | null, result: unknown) =>
      err ? reject(err) : resolve(result),
    );
  });
}

/** What a node property holds: the value as written, or one TypedInput must evaluate per message. */
type Setting = { value: unknown } | { evaluate: () => Promise<unknown> } | undefined;

/**
 * The node's setting for one parameter, TypedInput-aware; undefined when left empty. A literal
 * is returned as it is, without a promise: most settings are literals, and a message passes
 * every field of its operation through here.
 */
function setting(RED: NodeAPI, node: Node, config: FlowNodeConfig, field: string, msg: NodeMessageInFlow): Setting {
  const raw = config[field];
  if (raw === undefined || raw === null || raw === '') return undefined;
  const type = config[`${field}Type`] as string | undefined;
  if (LITERAL_TYPES.has(type)) return { value: raw };
  return {
    evaluate: async () => {
      const v = await evaluate(RED, node, raw, type as string, msg);
      return v === '' ? undefined : v;
    },
  };
}

/** The node's setting for one parameter, TypedInput-aware; undefined when left empty. */
export async function configValue(
  RED: NodeAPI,
  node: Node,
  config: FlowNodeConfig,
  field: string,
  msg: NodeMessageInFlow,
): Promise<unknown> {
  const s = setting(RED, node, config, field, msg);
  return s === undefined ? undefined : 'value' in s ? s.value : s.evaluate();
}

/** msg.payload as request parameters: an object, or nothing for a trigger such as an inject's timestamp. */
export function payloadParams(payload: unknown): Record<string, unknown> {
  if (
    payload === undefined ||
    payload === null ||
    payload === '' ||
    typeof payload === 'number' ||
    typeof payload === 'boolean'
  )
    return {};
  if (typeof payload !== 'object' || Array.isArray(payload) || Buffer.isBuffer(payload)) {
    throw invalidInput('payload', 'must be an object of request parameters (or empty to use the node settings)');
  }
  const own = payload as Record<string, unknown>;
  for (const key of Object.keys(own))
    if (library().RESERVED_KEYS.includes(key)) throw invalidInput(key, 'is not an allowed parameter name');
  return own;
}

/**
 * One table for every parameter: msg.payload wins, then the node's setting, then nothing
 * (the operation's schema supplies defaults and says what is missing). `properties` names
 * the node property of a field whose own name the node already uses.
 */
export async function resolveParams(
  RED: NodeAPI,
  node: Node,
  config: FlowNodeConfig,
  fields: readonly string[],
  msg: NodeMessageInFlow,
  names: Pick<OperationDef, 'properties' | 'otherNames'> = {},
): Promise<Record<string, unknown>> {
  const fromMsg = payloadParams(msg.payload);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(fromMsg)) if (fromMsg[k] !== undefined) out[k] = fromMsg[k];
  const aliases = names.otherNames ?? {};
  const aliasNames = Object.keys(aliases);
  // A field the message gives under another name (V6 plantCodes for stationCodes) is not also read from the node.
  const given = new Set(Object.keys(out).map((k) => aliases[k] ?? k));
  // Settings TypedInput evaluates (msg, flow, env, JSONata...), awaited in field order.
  let pending: Array<[string, () => Promise<unknown>]> | undefined;
  for (const field of fields) {
    if (given.has(field)) continue;
    const s = setting(RED, node, config, names.properties?.[field] ?? field, msg);
    if (s === undefined) continue;
    if ('value' in s) out[field] = s.value;
    else (pending ??= []).push([field, s.evaluate]);
  }
  if (pending) for (const [key, evaluateSetting] of pending) setOrDrop(out, key, await evaluateSetting());
  // A node saved with the other interface's name (plantCodes) still supplies the field.
  for (const alias of aliasNames) {
    if (out[aliases[alias]] !== undefined || out[alias] !== undefined) continue;
    const v = await configValue(RED, node, config, alias, msg);
    if (v !== undefined) out[alias] = v;
  }
  return { ...out };
}

function setOrDrop(out: Record<string, unknown>, key: string, v: unknown): void {
  if (v !== undefined) out[key] = v;
}
