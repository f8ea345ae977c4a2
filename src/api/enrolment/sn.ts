import { z } from 'zod';
import { MINUTE } from '../../client/quota/rules';
import { enrolmentItems, failedItems } from './items';
import { defineOperation } from '../core/types';

/** 9.6.1.1: plants join the VPP by the SN of one of their devices and the owner's identity. */

export const SN_ENROLMENT_CHUNK = 1000;

/** Owner identities: empty or null means "not given", as in the reference's example. */
const contact = z
  .union([z.string(), z.null()], { error: 'must be a string' })
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined))
  .pipe(z.string().max(256, 'must be at most 256 characters').optional());

const device = z
  .object(
    {
      // An SN of digits may start with 0: only a string keeps it.
      sn: z
        .string({ error: 'must be a string (an SN may start with 0)' })
        .trim()
        .min(1, 'must not be empty')
        .max(64, 'must be at most 64 characters'),
      username: contact,
      email: contact,
      phone: contact,
    },
    { error: 'must be an object { sn, username, email, phone }' },
  )
  .strict()
  .refine((d) => d.username !== undefined || d.email !== undefined || d.phone !== undefined, {
    message: 'needs at least one of username, email or phone of the plant owner',
  });

const params = z
  .object({
    devices: z
      .array(device, { error: 'must be an array of { sn, username, email, phone }' })
      .min(1, 'must name at least one device'),
  })
  .strict();

export const snEnrolment = defineOperation<z.infer<typeof params>>({
  name: 'snEnrolment',
  endpoint: 'vpp/snEnrolment',
  section: '9.6.1.1',
  summary:
    "Registers plants to the VPP by a device SN and the owner's username, email or phone; 1000 devices per call.",
  // Registers plants to the account: no device setting or state changes (see README).
  changesDevices: false,
  writes: true,
  quota: { limits: [{ count: 1, windowMs: MINUTE }], lane: true },
  params,
  fields: ['devices'],
  batch: { chunk: { key: 'devices', size: SN_ENROLMENT_CHUNK } },
  toBody: (p) => ({ devices: p.devices }),
  normalise: (data) => enrolmentItems(data, 'sn'),
  topicKey: 'sn',
  failures: failedItems,
  itemCount: (result) => (Array.isArray(result) ? result.length : 0),
});
