import { z } from 'zod';
import { dailyOneAMinute } from '../../client/quota/rules';
import { codeList, oneOf, pageNoInput } from '../core/params';
import { isObject, normaliseMap, normaliseRecord, toNumber } from '../core/normalise';
import { pageOf } from '../core/planner';
import { DEVICE_TYPES } from '../core/reference-data';
import { learnInverters } from '../control/inverters';
import { learnV7Devices } from './v7-cache';
import { defineOperation } from '../core/types';

/** 9.2 Configuration management: the plant and device lists everything else starts from. */

const PAGE_SIZES = [50, 100] as const;

const plantSpec = {
  numbers: ['longitude', 'latitude', 'capacity'],
  strings: ['plantCode', 'plantName', 'plantAddress', 'contactPerson', 'contactMethod', 'gridConnectionDate'],
  times: ['gridConnectionDate'],
} as const;

function normalisePage(data: unknown, each: (item: Record<string, unknown>) => void): unknown {
  for (const item of pageOf(data).items) if (isObject(item)) each(item);
  if (isObject(data))
    for (const k of ['total', 'pageCount', 'pageNo', 'pageSize']) if (k in data) data[k] = toNumber(data[k]);
  return data;
}

const plantListParams = z
  .object({
    plantNames: codeList({ max: 100 }).optional(),
    pageNo: pageNoInput,
    pageSize: oneOf(PAGE_SIZES).optional(),
  })
  .strict();

export const plantList = defineOperation<z.infer<typeof plantListParams>>({
  name: 'plantList',
  endpoint: 'plants',
  section: '9.2.1',
  summary: 'Plants of the account: every page merged, or the plants with the given names.',
  changesDevices: false,
  quota: dailyOneAMinute((c) => Math.ceil(c.plants / 50) * 10 + 24),
  params: plantListParams,
  fields: ['plantNames', 'pageNo', 'pageSize'],
  // A name query is answered in one call: paging it would repeat the same names.
  batch: { paged: { pageSize: 100, skipWhen: ['plantNames'] } },
  toBody(p) {
    if (p.plantNames) return { plantNames: p.plantNames.join(',') };
    return { pageNo: p.pageNo, pageSize: p.pageSize ?? 100 };
  },
  normalise: (data) => normalisePage(data, (p) => normaliseRecord(p, plantSpec)),
  learn(result, params, ctx) {
    if (params.plantNames || params.pageNo !== undefined || !Array.isArray(result)) return;
    ctx.client.learnFleet({ plants: result.length, fullPlantList: true });
    ctx.client.memory.plantList = { at: ctx.client.clock.now(), value: result };
  },
  topicKey: 'plantCode',
});

const DEVICE_TYPE_IDS = new Set(DEVICE_TYPES.map((t) => t.id));
/** No plant holds more devices than this: a device list that pages past it is repeating itself. */
const MAX_DEVICES_PER_PLANT = 10_000;

const DEVICE_NUMERIC = ['ratedCapacity', 'usableCapacity', 'dod', 'ratedPower', 'optimizerNumber'];
const deviceSpec = {
  numbers: ['deviceTypeId'],
  strings: ['plantCode', 'dn', 'sn', 'deviceName'],
  aliases: { dataltemMap: 'dataItemMap' },
} as const;

const deviceListParams = z
  .object({
    plantCodes: codeList(),
    deviceTypeId: z.coerce
      .number({ error: 'must be a device type id number' })
      .refine(
        (id) => DEVICE_TYPE_IDS.has(id),
        `must be a device type id of reference chapter 10 (${[...DEVICE_TYPE_IDS].join(', ')})`,
      )
      // The refinement is invisible to JSON Schema: the editor checks a saved id against this list.
      .meta({ enum: [...DEVICE_TYPE_IDS] })
      .optional(),
    pageNo: pageNoInput,
    pageSize: oneOf(PAGE_SIZES).optional(),
  })
  .strict();

export const deviceList = defineOperation<z.infer<typeof deviceListParams>>({
  name: 'deviceList',
  endpoint: 'devices',
  section: '9.2.2',
  summary: 'Devices of the given plants: chunked by 100 plants, every page merged.',
  changesDevices: false,
  quota: dailyOneAMinute((c) => Math.ceil(c.devices / 50) * 10 + 24),
  params: deviceListParams,
  fields: ['plantCodes', 'deviceTypeId', 'pageNo', 'pageSize'],
  // 9.2.2's example answers with a bare array: that is the whole list, never page 2.
  batch: {
    chunk: { key: 'plantCodes', size: 100 },
    paged: {
      pageSize: 100,
      bareIsWhole: true,
      maxItems: (p) => (Array.isArray(p.plantCodes) ? p.plantCodes.length : 1) * MAX_DEVICES_PER_PLANT,
    },
  },
  normalise: (data) =>
    normalisePage(data, (d) => {
      normaliseRecord(d, deviceSpec);
      if ('dataltemMap' in d) delete d.dataltemMap;
      normaliseMap(d.dataItemMap, DEVICE_NUMERIC);
    }),
  learn(result, params, ctx) {
    if (!Array.isArray(result) || params.pageNo !== undefined) return;
    if (params.deviceTypeId === undefined) ctx.client.learnFleet({ devices: result.length });
    // Complete lists of these plants tell DRM how many inverters each has, without a call of its own.
    learnInverters(ctx, params.plantCodes, result, params.deviceTypeId);
    if (params.deviceTypeId === undefined) learnV7Devices(ctx.client, params.plantCodes, result);
  },
  topicKey: 'dn',
});
