import { describeCode } from '../../client/error-catalogue';
import { FusionSolarError } from '../../client/errors';
import { DAY, MINUTE, type QuotaRule } from '../../client/quota/rules';
import { isObject, normaliseRecord, toNumber, type FieldSpec, type JsonObject } from '../core/normalise';
import type { ExecResult, OperationDef } from '../core/types';
import { text } from '../../text';

/** Shared by the control operations: their quotas and their per-item results. */

/** 9.3.4-9.3.8: "once per minute" for each northbound user. */
export const COMMAND_QUOTA: QuotaRule = { limits: [{ count: 1, windowMs: MINUTE }] };

/** 9.6.1.3/4/6/7: "10 times per minute and 1000 times per day". */
export const VPP_QUOTA: QuotaRule = {
  limits: [
    { count: 10, windowMs: MINUTE },
    { count: 1000, windowMs: DAY, kind: 'day' },
  ],
};

/** The items of a list answer; a single object (the reference sometimes says "Map") becomes one item. */
export function listOf(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.filter(isObject);
  if (isObject(data) && Array.isArray(data.list)) return data.list.filter(isObject);
  return isObject(data) ? [data] : [];
}

export function normaliseList(data: unknown, spec: FieldSpec, each?: (item: JsonObject) => void): JsonObject[] {
  return listOf(data).map((item) => {
    normaliseRecord(item, spec);
    each?.(item);
    return item;
  });
}

/** Items whose result field is not 0 (0 means succeeded in every control answer). */
export function failedBy(key: string) {
  return (result: unknown): unknown[] => listOf(result).filter((item) => toNumber(item[key]) !== 0);
}

export function countItems(result: unknown): number {
  return listOf(result).length;
}

/** 9.6.1.3 results are failCodes: name them so a flow need not look them up. */
export function resultMessage(code: unknown): string | undefined {
  const n = toNumber(code);
  if (n === null || n === 0) return undefined;
  return describeCode(n)?.message;
}

/** 9.3.8 `success` is documented as 0/1/2 but the example sends booleans: both become the integer. */
export function emsSuccess(v: unknown): number | null {
  if (v === true) return 0;
  if (v === false) return 1;
  return toNumber(v);
}

const WHAT: Readonly<Record<string, string>> = { plantCode: 'plant', dn: 'device', name: 'SmartLogger' };

function reasonOf(item: unknown): string {
  if (!isObject(item)) return 'failed';
  for (const k of ['resultMessage', 'message']) if (typeof item[k] === 'string' && item[k]) return item[k];
  return 'failed';
}

/**
 * A command's per-item outcome for the node: `total` is the number of items addressed; when
 * every item failed the message fails with a summary, every item kept in `details.failed`.
 */
export function settle(op: OperationDef, result: ExecResult): ExecResult {
  const total = op.itemCount?.(result.payload);
  if (total === undefined) return result;
  const failed = result.failed ?? [];
  if (total > 0 && failed.length >= total) {
    const key = op.topicKey ?? 'plantCode';
    const named = failed.slice(0, 3).map((i) => `${text(isObject(i) ? (i[key] ?? '?') : '?')}: ${reasonOf(i)}`);
    const more = failed.length > 3 ? `; and ${failed.length - 3} more` : '';
    const what = WHAT[key] ?? 'item';
    throw new FusionSolarError('FAILED', {
      endpoint: op.endpoint,
      message:
        `${op.name}: all ${failed.length} ${what}${failed.length === 1 ? '' : 's'} failed ` +
        `(${named.join('; ')}${more})`,
      details: { failed, payload: result.payload },
    });
  }
  return { ...result, total };
}
