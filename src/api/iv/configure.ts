import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { timeInput } from '../core/params';
import { execute } from '../core/planner';
import { boolInput, dnInput, IV_QUOTA } from './params';
import { MODULE_NUMBERS, MODULE_REQUIRED_NUMBERS, moduleDetails } from './strings';
import { isObject, type JsonObject } from '../core/normalise';
import { defineOperation, type ExecContext } from '../core/types';

/** 9.4.9: writes the module details of an inverter's strings. */

/** A number or a numeric string; null and "" are refused rather than read as 0. */
const numberInput = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/, 'must be a number'),
    ],
    { error: 'must be a number' },
  )
  .transform(Number)
  .pipe(z.number().finite('must be a finite number'));
const positive = numberInput.pipe(z.number().positive('must be greater than 0'));
const wholeAtLeast1 = numberInput.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1'));

/** Module fields the reference marks mandatory in 9.4.9 (moduleId may supply them). */
export const MODULE_REQUIRED = ['moduleManufacturer', 'moduleModel', 'moduleType', ...MODULE_REQUIRED_NUMBERS] as const;

const stringItem = z
  .object({
    pvIndex: wholeAtLeast1,
    moduleId: wholeAtLeast1.optional(),
    moduleQuantity: wholeAtLeast1,
    is2in1String: numberInput.pipe(z.union([z.literal(0), z.literal(1)], { error: 'must be 0 (no) or 1 (yes)' })),
    moduleManufacturer: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').optional(),
    moduleModel: z.string({ error: 'must be a string' }).trim().min(1, 'must not be empty').optional(),
    moduleType: numberInput
      .pipe(
        z
          .number()
          .int('must be a whole number')
          .min(1, 'must be a module type 1-10')
          .max(10, 'must be a module type 1-10'),
      )
      .optional(),
    maxModulePower: positive.optional(),
    optimalModuleOperatingVoltage: positive.optional(),
    optimalModuleOperatingCurrent: positive.optional(),
    moduleOpenCircuitVoltage: positive.optional(),
    moduleShortCircuitCurrent: positive.optional(),
    maxPowerTemperatureCoefficient: numberInput.optional(),
    openCircuitVoltageTemperatureCoefficient: numberInput.optional(),
    shortCircuitCurrentTemperatureCoefficient: numberInput.optional(),
    cellQuantity: positive.optional(),
    moduleDegradationRateInFirstYear: numberInput.optional(),
    moduleDegradationRateFromSecondYear: numberInput.optional(),
    fillFactor: numberInput.optional(),
    nominalModuleEfficiency: numberInput.optional(),
    minWorkTemperature: numberInput.optional(),
    maxWorkTemperature: numberInput.optional(),
    gridConnectionDate: timeInput,
    isDefault: boolInput.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.moduleId !== undefined) return;
    for (const key of MODULE_REQUIRED) {
      if (item[key] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is required (or give moduleId to fill the module fields from moduleDetails)',
        });
    }
  });

export type StringConfiguration = z.infer<typeof stringItem>;

const configureParams = z
  .object({
    dn: dnInput,
    pvNum: wholeAtLeast1,
    configuration: z
      .array(stringItem, { error: 'must be a list of string configurations' })
      .min(1, 'must configure at least one string'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<number>();
    p.configuration.forEach((item, i) => {
      if (item.pvIndex > p.pvNum)
        ctx.addIssue({
          code: 'custom',
          path: ['configuration', i, 'pvIndex'],
          message: `must be at most pvNum (${p.pvNum})`,
        });
      if (seen.has(item.pvIndex))
        ctx.addIssue({
          code: 'custom',
          path: ['configuration', i, 'pvIndex'],
          message: 'must not configure the same string twice',
        });
      seen.add(item.pvIndex);
    });
  });

/**
 * Fills a string's module fields from a moduleDetails result; values the string already has
 * win. The library names the vendor `manufacturer`, the configuration `moduleManufacturer`.
 */
export function fillModuleFields<T extends Record<string, unknown>>(item: T, module: JsonObject): T {
  const out: Record<string, unknown> = { ...item };
  const source: JsonObject = { ...module, moduleManufacturer: module.moduleManufacturer ?? module.manufacturer };
  for (const key of ['moduleManufacturer', 'moduleModel', 'moduleType', ...MODULE_NUMBERS]) {
    if (out[key] === undefined && source[key] !== undefined && source[key] !== null) out[key] = source[key];
  }
  delete out.moduleId;
  return out as T;
}

async function fillFromLibrary(p: z.infer<typeof configureParams>, ctx: ExecContext): Promise<void> {
  const ids = [...new Set(p.configuration.flatMap((c) => (c.moduleId === undefined ? [] : [c.moduleId])))];
  const modules = new Map<number, JsonObject>();
  for (const id of ids) {
    const res = await execute(moduleDetails, { moduleId: id }, ctx);
    if (!isObject(res.payload)) throw invalidInput('moduleId', `module ${id} is not in the module library`);
    modules.set(id, res.payload);
  }
  p.configuration.forEach((item, i) => {
    if (item.moduleId === undefined) return;
    const id = item.moduleId;
    const filled = fillModuleFields(item, modules.get(id) as JsonObject);
    const missing = MODULE_REQUIRED.find((k) => filled[k] === undefined);
    if (missing)
      throw invalidInput(
        `configuration[${i}].${missing}`,
        `is missing from the details of module ${id}; give it explicitly`,
      );
    p.configuration[i] = filled;
  });
}

export const configureStrings = defineOperation<z.infer<typeof configureParams>>({
  name: 'configureStrings',
  endpoint: 'iv/pvConfig/configuration',
  section: '9.4.9',
  summary:
    'Writes the module details of all strings of an inverter (strings left out are cleared); ' +
    'moduleId fills them from the library.',
  changesDevices: true,
  quota: IV_QUOTA,
  params: configureParams,
  fields: ['dn', 'pvNum', 'configuration'],
  precheck: fillFromLibrary,
  toBody: (p) => ({
    dn: p.dn,
    pvNum: p.pvNum,
    configuration: p.configuration.map(({ moduleId: _unused, ...rest }) => rest),
  }),
  normalise: (data, p) =>
    data === null || data === undefined ? { dn: p.dn, configured: p.configuration.map((c) => c.pvIndex) } : data,
  topicKey: 'dn',
});
