import { FusionSolarError } from '../../client/errors';
import { isObject, normaliseRecord } from '../core/normalise';
import { pageOf } from '../core/planner';
import type { OperationDef } from '../core/types';
import { text } from '../../text';

/**
 * Per-item results of the enrolment interfaces (9.6.1.1, 9.6.1.2): every registration has its
 * own `success` and `errorMsg`, so a call that succeeded may still have failed for some items.
 */

const TRUE = new Set(['true', '1']);
const FALSE = new Set(['false', '0']);

/** `success` of one item: booleans, or the strings and numbers some servers send instead. */
export function toBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim().toLowerCase() : '';
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}

/** Normalises one call's registration results; `key` is the field naming the item. */
export function enrolmentItems(data: unknown, key: string): unknown[] {
  const items = pageOf(data).items;
  for (const item of items) {
    if (!isObject(item)) continue;
    normaliseRecord(item, { strings: [key, 'errorMsg', 'plantCode', 'plantName'] });
    item.success = toBool(item.success);
  }
  return items;
}

/** Items whose registration did not succeed (anything but `success: true`). */
export function failedItems(result: unknown): unknown[] {
  return Array.isArray(result) ? result.filter((i) => !isObject(i) || i.success !== true) : [];
}

/** An item the server never saw because its call failed: the call's error is its reason. */
export function unsentItem(key: string, id: string, err: FusionSolarError): Record<string, unknown> {
  return { [key]: id, success: false, errorMsg: err.message, errorCode: err.code, plantCode: null, plantName: null };
}

/** The error of a message in which every item failed: a summary, with every item in `details`. */
export function allFailedError(op: OperationDef, failed: unknown[], key: string): FusionSolarError {
  const named = failed.slice(0, 3).map((i) => {
    const item = isObject(i) ? i : {};
    const reason = typeof item.errorMsg === 'string' && item.errorMsg ? item.errorMsg : 'no reason given';
    return `${text(item[key] ?? '?')}: ${reason}`;
  });
  const more = failed.length > 3 ? `; and ${failed.length - 3} more` : '';
  return new FusionSolarError('FAILED', {
    endpoint: op.endpoint,
    message:
      `${op.name}: all ${failed.length} registration${failed.length === 1 ? '' : 's'} failed ` +
      `(${named.join('; ')}${more})`,
    details: { failed },
  });
}
