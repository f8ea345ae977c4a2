import type { ExecResult, OperationDef } from '../../src/api/core/types';
import type { QuotaInfo } from '../../src/client/governor';
import type { FusionSolarMessage, FusionSolarMeta, NodeAPI, NodeMessage, SendFn } from './types';

export interface Delivery {
  msg: FusionSolarMessage;
  send: SendFn;
  op: OperationDef;
  result: ExecResult;
  split: boolean;
  quota?: QuotaInfo;
  /** Extra outputs after the first, e.g. tracking. */
  outputs?: number;
}

export function meta(op: OperationDef, result: ExecResult, quota?: QuotaInfo): FusionSolarMeta {
  const m: FusionSolarMeta = { operation: op.name, calls: result.calls };
  if (result.total !== undefined) m.total = result.total;
  if (quota && quota.remaining !== undefined)
    m.quota = { endpoint: quota.endpoint, remaining: quota.remaining, resetAt: quota.resetAt };
  if (result.failed?.length) m.failed = result.failed;
  return result.meta ? { ...result.meta, ...m } : m;
}

/**
 * Puts the result on the message: the whole result in one message, or one message per
 * item with msg.topic and msg.parts so a Join node can rebuild the list.
 */
export function deliver(RED: NodeAPI, d: Delivery): void {
  const m = meta(d.op, d.result, d.quota);
  if (!d.split) {
    d.msg.payload = d.result.payload;
    d.msg.fusionsolar = m;
    d.send(d.msg);
    return;
  }
  const items = d.op.items
    ? d.op.items(d.result.payload)
    : Array.isArray(d.result.payload)
      ? d.result.payload
      : [d.result.payload];
  const key = d.op.topicKey;
  const base = { ...d.msg, payload: undefined };
  const id = RED.util.generateId();
  const out: NodeMessage[] = items.map((item, index) => {
    const copy = RED.util.cloneMessage(base) as FusionSolarMessage;
    copy.payload = item;
    const topic = key && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
    if (typeof topic === 'string' || typeof topic === 'number') copy.topic = String(topic);
    copy.parts = { id, index, count: items.length };
    copy.fusionsolar = { ...m, index, count: items.length };
    return copy;
  });
  d.send([out]);
}
