import { TRACK_OPTION } from './options';
import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { commandList, drmSwitch, optional, required } from './params';
import { countItems, failedBy, normaliseList, VPP_QUOTA } from './results';
import { knownInverterCounts } from './inverters';
import { isObject } from '../core/normalise';
import { codeList } from '../core/params';
import { defineOperation } from '../core/types';

/** 9.6.1.6 / 9.6.1.7: Demand Response Mode switches of the plants' inverters, and their task status. */

export const DRM_SWITCHES = ['drm0', 'drm1', 'drm5'] as const;
type DrmKey = (typeof DRM_SWITCHES)[number];
export type Drms = Record<DrmKey, boolean>;

/** The reference calls `drms` a list but its example sends one object: both are accepted. */
const drms = z.unknown().transform((v, ctx): Drms => {
  const one: unknown = Array.isArray(v) && v.length === 1 ? v[0] : v;
  if (!isObject(one)) {
    ctx.addIssue({ code: 'custom', message: 'must be an object {drm0, drm1, drm5} of true/false switches' });
    return z.NEVER;
  }
  const unknown = Object.keys(one).filter((k) => !(DRM_SWITCHES as readonly string[]).includes(k));
  if (unknown.length) {
    ctx.addIssue({ code: 'custom', path: [unknown[0]], message: 'is not supported: only drm0, drm1 and drm5 are' });
    return z.NEVER;
  }
  const out = {} as Drms;
  for (const key of DRM_SWITCHES) {
    const value = drmSwitch(one[key]);
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: one[key] === undefined ? 'is required (true or false)' : 'must be true or false',
      });
      return z.NEVER;
    }
    out[key] = value;
  }
  return out;
});

/** `plantcodes` is lower-case in this interface only; the usual `plantCodes` is accepted too. */
const drmParams = z
  .object({
    plantcodes: optional(commandList(100, 'plant')),
    plantCodes: optional(commandList(100, 'plant')),
    drms: required(drms),
  })
  .strict()
  .transform((p, ctx) => {
    const plantcodes = p.plantcodes ?? p.plantCodes;
    if (!plantcodes) {
      ctx.addIssue({ code: 'custom', path: ['plantcodes'], message: 'is required' });
      return z.NEVER;
    }
    return { plantcodes, drms: p.drms };
  });

const MAX_INVERTERS = 200;

export const drm = defineOperation<z.infer<typeof drmParams>>({
  name: 'drm',
  endpoint: 'vpp/drm',
  section: '9.6.1.6',
  summary:
    'Sets the DRM switches (drm0 shut down, drm1 no grid consumption, drm5 no output) of the ' +
    'inverters of up to 100 plants.',
  changesDevices: true,
  quota: VPP_QUOTA,
  params: drmParams,
  fields: ['plantcodes', 'plantCodes', 'drms'],
  messageOnly: ['plantcodes'],
  options: TRACK_OPTION,
  precheck(p, ctx) {
    const counts = knownInverterCounts(ctx, p.plantcodes);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total > MAX_INVERTERS) {
      throw invalidInput(
        'plantcodes',
        `these plants have ${total} inverters (string and central, from today's device list); one ` +
          `DRM command may address at most ${MAX_INVERTERS} (failCode 20116)`,
      );
    }
  },
  // The API wants the switches as the strings "true"/"false".
  toBody: (p) => ({
    plantcodes: p.plantcodes.join(','),
    drms: Object.fromEntries(DRM_SWITCHES.map((k) => [k, String(p.drms[k])])),
  }),
  normalise: (data) =>
    normaliseList(data, {
      strings: ['remoteId', 'plantcode', 'plantCode', 'drm'],
      numbers: ['result'],
      aliases: { remoteld: 'remoteId', plantcode: 'plantCode' },
    }),
  topicKey: 'plantCode',
  failures: failedBy('result'),
  itemCount: countItems,
});

const drmStatusParams = z.object({ remoteIds: required(codeList({ max: 100 })) }).strict();

export const drmStatus = defineOperation<z.infer<typeof drmStatusParams>>({
  name: 'drmStatus',
  endpoint: 'vpp/drmStatus',
  section: '9.6.1.7',
  summary: 'Status of DRM setting tasks per inverter ("0" executing, "1" successful, "2" failed), up to 100 task ids.',
  changesDevices: false,
  quota: VPP_QUOTA,
  params: drmStatusParams,
  fields: ['remoteIds'],
  normalise: (data) =>
    normaliseList(data, { strings: ['remoteId', 'plantCode'], aliases: { remoteld: 'remoteId' } }, (item) => {
      item.devicesStatusInfo = normaliseList(item.devicesStatusInfo, {
        strings: ['dn', 'status', 'receivedTime', 'appliedTime'],
      });
    }),
  topicKey: 'plantCode',
});
