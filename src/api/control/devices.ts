import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { choice, commandList, required, wholeNumber } from './params';
import { COMMAND_QUOTA, countItems, emsSuccess, failedBy, listOf, normaliseList } from './results';
import { EMS_CONTROL_TYPES } from '../core/reference-data';
import { defineOperation } from '../core/types';

/** 9.3.6-9.3.8: battery DoD, inverter power on/off and the plant's EMS mode. */

const dodParams = z
  .object({
    dns: required(commandList(100, 'battery')),
    dod: required(wholeNumber(0, 100)),
  })
  .strict();

export const setDod = defineOperation<z.infer<typeof dodParams>>({
  name: 'setDod',
  endpoint: 'vpp/dod',
  section: '9.3.6',
  summary: 'Sets the depth of discharge of up to 100 batteries; each reports the DoD it accepted (setDOD).',
  changesDevices: true,
  quota: COMMAND_QUOTA,
  params: dodParams,
  fields: ['dns', 'dod'],
  normalise: (data) => normaliseList(data, { strings: ['dn'], numbers: ['result', 'setDOD'] }),
  topicKey: 'dn',
  failures: failedBy('result'),
  itemCount: countItems,
});

const powerParams = z
  .object({
    dns: required(commandList(100, 'inverter')),
    controlType: required(choice([1, 2] as const)),
  })
  .strict();

export const inverterPower = defineOperation<z.infer<typeof powerParams>>({
  name: 'inverterPower',
  endpoint: 'vpp/devOnOff',
  section: '9.3.7',
  summary: 'Switches up to 100 inverters on (controlType 1) or off (controlType 2).',
  changesDevices: true,
  quota: COMMAND_QUOTA,
  params: powerParams,
  fields: ['dns', 'controlType'],
  normalise: (data) => normaliseList(data, { strings: ['dn'], numbers: ['result'] }),
  topicKey: 'dn',
  failures: failedBy('result'),
  itemCount: countItems,
});

const EMS_CODES = Object.keys(EMS_CONTROL_TYPES).map(Number);

const emsParams = z
  .object({
    dn: required(
      z
        .string({ error: 'must be the plant DN as a string' })
        .trim()
        .min(1, 'is required')
        // The same bound as every code of a code list (params.ts), so a runaway string never reaches the API.
        .max(256, 'must be at most 256 characters')
        .refine((v) => !v.includes(','), 'takes one plant DN per call'),
    ),
    // The editor offers the unsupported modes greyed out, as the reference lists them.
    controlType: required(choice(EMS_CODES)).meta({
      'x-unsupported': EMS_CODES.filter((c) => !EMS_CONTROL_TYPES[c]?.supported),
    }),
  })
  .strict();

export const emsMode = defineOperation<z.infer<typeof emsParams>>({
  name: 'emsMode',
  endpoint: 'vpp/ems',
  section: '9.3.8',
  summary: "Sets the EMS control mode of a plant's SmartLoggers (only 6, scheduled charge/discharge, is supported).",
  changesDevices: true,
  quota: COMMAND_QUOTA,
  params: emsParams,
  fields: ['dn', 'controlType'],
  precheck(p) {
    const type = EMS_CONTROL_TYPES[p.controlType];
    if (type && !type.supported) {
      throw invalidInput(
        'controlType',
        `${p.controlType} (${type.en}) is marked "not supported" in reference 9.3.8; only 6 ` +
          `(scheduled charge/discharge) is accepted`,
      );
    }
  },
  normalise: (data) =>
    normaliseList(data, { strings: ['name', 'message'] }, (item) => {
      item.success = emsSuccess(item.success);
    }),
  topicKey: 'name',
  // 2 is "partially succeeded": the SmartLogger took the mode, so it does not count as failed.
  failures: (result) => listOf(result).filter((item) => item.success === 1 || item.success === null),
  itemCount: countItems,
});
