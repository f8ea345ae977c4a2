import { z } from 'zod';
import { codeList, distinct, noDuplicates, oneOf } from '../core/params';
import { IV_QUOTA, pageNo, pageSize } from './params';
import { eachItem } from './normalise';
import { isObject, normaliseRecord, type JsonObject } from '../core/normalise';
import { defineOperation } from '../core/types';

/** 9.4.7, 9.4.8, 9.4.10 and 9.4.11: string configurations and the PV module library. */

/** Module characteristics 9.4.9 marks mandatory for a string (moduleId may supply them). */
export const MODULE_REQUIRED_NUMBERS = [
  'maxModulePower',
  'optimalModuleOperatingVoltage',
  'optimalModuleOperatingCurrent',
  'moduleOpenCircuitVoltage',
  'moduleShortCircuitCurrent',
  'maxPowerTemperatureCoefficient',
  'openCircuitVoltageTemperatureCoefficient',
  'shortCircuitCurrentTemperatureCoefficient',
  'cellQuantity',
  'moduleDegradationRateInFirstYear',
  'moduleDegradationRateFromSecondYear',
] as const;

/** Module characteristics, as 9.4.8, 9.4.9 and 9.4.11 name them. */
export const MODULE_NUMBERS = [
  ...MODULE_REQUIRED_NUMBERS,
  'fillFactor',
  'nominalModuleEfficiency',
  'minWorkTemperature',
  'maxWorkTemperature',
] as const;

const stringConfigsParams = z
  .object({
    pageNo,
    pageSize,
    inverterName: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(256, 'must be at most 256 characters')
      .optional(),
    configStatus: oneOf([0, 1] as const, 'must be 0 (not configured) or 1 (configured)').optional(),
    plantCodes: codeList().transform(distinct).optional(),
  })
  .strict();

export const stringConfigs = defineOperation<z.infer<typeof stringConfigsParams>>({
  name: 'stringConfigs',
  endpoint: 'iv/pvConfig',
  section: '9.4.7',
  summary: 'String configuration status and number of PV strings of every inverter, optionally filtered.',
  changesDevices: false,
  quota: IV_QUOTA,
  params: stringConfigsParams,
  fields: ['inverterName', 'configStatus', 'plantCodes', 'pageNo', 'pageSize'],
  batch: { paged: { pageSize: 100 } },
  normalise: (data) =>
    eachItem(data, { numbers: ['configStatus', 'pvNum'], strings: ['dn', 'sn', 'plantName', 'inverterName'] }),
  topicKey: 'dn',
});

export const STRING_DETAIL_SPEC = {
  numbers: [
    'pvIndex',
    'devId',
    'moduleQuantity',
    'is2in1String',
    'moduleType',
    'gridConnectionDate',
    ...MODULE_NUMBERS,
  ],
  strings: ['dn', 'moduleManufacturer', 'moduleModel'],
  aliases: { devld: 'devId' },
} as const;

const dnListParams = z.object({ dn: codeList().refine(noDuplicates, 'must not name an inverter twice') }).strict();

export const stringDetails = defineOperation<z.infer<typeof dnListParams>>({
  name: 'stringDetails',
  endpoint: 'iv/pvConfig/detail',
  section: '9.4.8',
  summary: 'Module details of the configured strings of one or more inverters (one call per inverter).',
  changesDevices: false,
  quota: IV_QUOTA,
  params: dnListParams,
  fields: ['dn'],
  batch: { chunk: { key: 'dn', size: 1 } },
  normalise: (data) => eachItem(data, STRING_DETAIL_SPEC),
  topicKey: 'dn',
});

const noParams = z.object({}).strict();

export const moduleLibrary = defineOperation<z.infer<typeof noParams>>({
  name: 'moduleLibrary',
  endpoint: 'iv/pvConfig/modules',
  section: '9.4.10',
  summary: 'PV modules and vendors available for string configuration (changes rarely: keep it).',
  changesDevices: false,
  quota: IV_QUOTA,
  params: noParams,
  fields: [],
  normalise: (data) =>
    eachItem(data, { numbers: ['id', 'moduleType', 'modulePower'], strings: ['manufacturer', 'moduleModel'] }),
  topicKey: 'id',
});

/** 9.4.11's table says `manufacturer`, its example `moduleManufacturer`: both are filled. */
export function normaliseModule(rec: JsonObject): JsonObject {
  normaliseRecord(rec, {
    numbers: ['id', 'moduleType', ...MODULE_NUMBERS],
    strings: ['manufacturer', 'moduleManufacturer', 'moduleModel', 'abbreviation'],
  });
  if (rec.manufacturer === undefined && rec.moduleManufacturer !== undefined) rec.manufacturer = rec.moduleManufacturer;
  if (rec.moduleManufacturer === undefined && rec.manufacturer !== undefined) rec.moduleManufacturer = rec.manufacturer;
  return rec;
}

/**
 * The API calls it `id` (accepted in msg.payload); the node
 * property is `moduleId` because `id` is every Node-RED node's own id.
 */
const moduleIdParams = z
  .object({
    moduleId: z.coerce
      .number({ error: 'must be a module id number' })
      .int('must be a whole number')
      .positive('must be a module id from moduleLibrary'),
  })
  .strict();

export const moduleDetails = defineOperation<z.infer<typeof moduleIdParams>>({
  name: 'moduleDetails',
  endpoint: 'iv/pvConfig/module',
  section: '9.4.11',
  summary: 'Electrical characteristics of one PV module of the library, ready for configureStrings.',
  changesDevices: false,
  quota: IV_QUOTA,
  params: moduleIdParams,
  fields: ['moduleId'],
  inputAliases: { id: 'moduleId' },
  toBody: (p) => ({ id: p.moduleId }),
  normalise: (data) => (isObject(data) ? normaliseModule(data) : data),
  topicKey: 'id',
});
