import { z } from 'zod';
import type { Locale } from '../../client/error-catalogue';
import { MINUTE } from '../../client/quota/rules';
import { isObject, normaliseRecord, toNumber } from '../core/normalise';
import { codeList } from '../core/params';
import { pageOf } from '../core/planner';
import { snRegisterResultName } from '../core/reference-data';
import { defineOperation } from '../core/types';

/** 9.6.2.1: is a device SN registered, and is it bound to this installer account? */

export const SN_REGISTRATION_CHUNK = 50;

const params = z
  .object({
    sns: codeList(),
    account: z
      .union([z.string(), z.number()], { error: 'must be the username, email or phone of a management system user' })
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters')),
  })
  .strict();

export const snRegistration = defineOperation<z.infer<typeof params>>({
  name: 'snRegistration',
  endpoint: 'community/snIsRegister',
  section: '9.6.2.1',
  summary:
    'Whether device SNs are registered and bound to an installer account (result 0-3 with its ' +
    'meaning); 50 SNs per call.',
  changesDevices: false,
  quota: { limits: [{ count: 100, windowMs: MINUTE }] },
  params,
  fields: ['sns', 'account'],
  // The node's `account` property names its account node.
  properties: { account: 'userAccount' },
  batch: { chunk: { key: 'sns', size: SN_REGISTRATION_CHUNK } },
  normalise(data) {
    const items = pageOf(data).items;
    for (const item of items) {
      if (!isObject(item)) continue;
      normaliseRecord(item, { strings: ['sn', 'plantCreateTime'], times: ['plantCreateTime'] });
      item.result = toNumber(item.result);
      item.resultText = describeResult(item.result, 'en-us');
    }
    return items;
  },
  topicKey: 'sn',
});

function describeResult(result: unknown, locale: Locale): string | null {
  return result === null || result === undefined ? null : (snRegisterResultName(result as number, locale) ?? null);
}

/** Readable meanings in the account's language (English is set while normalising). */
export function localiseRegistrations(items: unknown, locale: Locale): void {
  if (locale === 'en-us' || !Array.isArray(items)) return;
  for (const item of items) if (isObject(item)) item.resultText = describeResult(item.result, locale);
}
