import { z } from 'zod';
import { DAY, MINUTE, dailyOneAMinute } from '../../client/quota/rules';
import { codeList, distinct } from '../core/params';
import { isObject, normaliseRecord, toNumber, type FieldSpec } from '../core/normalise';
import { learnZones, offsetOf } from './zones';
import { defineOperation } from '../core/types';
import { ALL_PLANTS_OPTION } from './options';

/** 9.3.1, 9.3.2 and 9.6.1.5: what a plant is and what it does right now. */

export const CHUNK = 100;

/** A missing parameter says "is required" rather than which types it accepts. */
export function required<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .refine((v) => v !== undefined && v !== null && v !== '', 'is required')
    .pipe(schema);
}

/**
 * Any number of plant codes (chunked by 100). A repeated code is sent once and answered
 * once: the reference documents 20608 only for 9.6.1.3, and 9.3.3's own example repeats a code.
 */
export const plantCodes = required(codeList().transform(distinct));

export const plantCodesParams = z.object({ plantCodes }).strict();
type PlantCodesParams = z.infer<typeof plantCodesParams>;

/** The OCR'd reference spells dataItemMap "dataltemMap"; keep one canonical key. */
export function canonicalKey(item: Record<string, unknown>, ocr: string, real: string): void {
  if (ocr in item) {
    if (item[real] === undefined) item[real] = item[ocr];
    delete item[ocr];
  }
}

function eachItem(data: unknown, fn: (item: Record<string, unknown>) => void): unknown {
  if (Array.isArray(data)) for (const item of data) if (isObject(item)) fn(item);
  return data;
}

const infoSpec = {
  numbers: [
    'longitude',
    'latitude',
    'inverterPower',
    'capacity',
    'pvPower',
    'batteryInstallCapacity',
    'batteryUsableCapacity',
  ],
  strings: ['plantCode', 'address', 'installationTime', 'inverterModel', 'batteryModel'],
  times: ['installationTime'],
} as const;

export const plantInfo = defineOperation<PlantCodesParams>({
  name: 'plantInfo',
  endpoint: 'vpp/plants',
  section: '9.3.1',
  summary: 'Basic plant information: location, installation time, inverter and battery ratings and models.',
  changesDevices: false,
  quota: dailyOneAMinute((c) => Math.ceil(c.plants / 100) * 10 + 24),
  params: plantCodesParams,
  fields: ['plantCodes'],
  options: ALL_PLANTS_OPTION,
  batch: { chunk: { key: 'plantCodes', size: CHUNK } },
  normalise: (data) => eachItem(data, (item) => normaliseRecord(item, infoSpec)),
  learn(result, _p, ctx) {
    if (!Array.isArray(result)) return;
    const zones: Array<[string, number]> = [];
    for (const item of result) {
      if (!isObject(item)) continue;
      const offset = offsetOf(item.installationTime);
      if (offset !== undefined && typeof item.plantCode === 'string') zones.push([item.plantCode, offset]);
    }
    learnZones(ctx.client, zones);
  },
  topicKey: 'plantCode',
});

export const REALTIME_NUMBERS = [
  'dayEnergy',
  'monthEnergy',
  'totalEnergy',
  'pvPower',
  'meterPower',
  'pmeterPower',
  'batteryPower',
  'loadPower',
  'batterySOC',
  'batteryDOD',
  'healthState',
] as const;

// Built once: a spec literal per item was two allocations for each of up to 100 plants a call.
const PLANT_CODE: FieldSpec = { strings: ['plantCode'] };
const REALTIME_SPEC: FieldSpec = { numbers: REALTIME_NUMBERS, aliases: { pmeterPower: 'meterPower' } };

export const realtimeKpi = defineOperation<PlantCodesParams>({
  name: 'realtimeKpi',
  endpoint: 'vpp/plantRealtimeKpi',
  section: '9.3.2',
  summary:
    'Real-time plant data: energy today, this month and in total; PV, grid meter, battery and load power; SOC; health.',
  changesDevices: false,
  quota: { limits: [{ count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE }] },
  params: plantCodesParams,
  fields: ['plantCodes'],
  options: ALL_PLANTS_OPTION,
  batch: { chunk: { key: 'plantCodes', size: CHUNK } },
  normalise: (data) =>
    eachItem(data, (item) => {
      normaliseRecord(item, PLANT_CODE);
      canonicalKey(item, 'dataltemMap', 'dataItemMap');
      // The table names the grid meter "meterPower", the example "pmeterPower": fill meterPower from either.
      if (isObject(item.dataItemMap)) normaliseRecord(item.dataItemMap, REALTIME_SPEC);
    }),
  topicKey: 'plantCode',
});

const RATED_NUMBERS = ['ratedActivePower', 'ratedApparentPower', 'ratedReactivePowerP', 'ratedReactivePowerN'] as const;

interface RatedData {
  total: number;
  plantRatedData: Record<string, unknown>[];
}

/** A map `{total, plantRatedData}`; a bare list is accepted too, as other list endpoints send. */
function normaliseRated(data: unknown): RatedData {
  const list = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.plantRatedData)
      ? data.plantRatedData
      : [];
  const items = list
    .filter(isObject)
    .map((item) => normaliseRecord(item, { numbers: RATED_NUMBERS, strings: ['plantCode'] }));
  const extra = isObject(data) ? data : {};
  const total = toNumber(extra.total);
  return { ...extra, total: total ?? items.length, plantRatedData: items };
}

export const ratedData = defineOperation<PlantCodesParams>({
  name: 'ratedData',
  endpoint: 'vpp/plantRatedData',
  section: '9.6.1.5',
  summary: 'Rated plant data: rated active and apparent power and the positive and negative rated reactive power.',
  changesDevices: false,
  quota: {
    limits: [
      { count: 10, windowMs: MINUTE },
      { count: 500, windowMs: DAY, kind: 'day' },
    ],
  },
  params: plantCodesParams,
  fields: ['plantCodes'],
  options: ALL_PLANTS_OPTION,
  batch: { chunk: { key: 'plantCodes', size: CHUNK } },
  normalise: (data) => normaliseRated(data),
  merge: (parts) =>
    (parts as RatedData[]).reduce<RatedData>(
      (acc, part) => ({
        ...acc,
        ...part,
        total: acc.total + part.total,
        plantRatedData: [...acc.plantRatedData, ...part.plantRatedData],
      }),
      { total: 0, plantRatedData: [] },
    ),
  items: (result) =>
    isObject(result) && Array.isArray(result.plantRatedData) ? (result.plantRatedData as unknown[]) : [],
  topicKey: 'plantCode',
});
