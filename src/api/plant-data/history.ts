import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { DAY } from '../../client/quota/rules';
import { timeInput } from '../core/params';
import { isObject } from '../core/normalise';
import { CHUNK, plantCodes, required } from './current';
import { checkDailyBudget, HISTORY_QUOTA, WINDOW_MS } from './limits';
import { mergeHistory, normaliseHistory, normalisePoints } from './points';
import { learnZones, offsetOf, zoneOf } from './zones';
import { planCalls } from '../core/planner';
import { defineOperation, type Batch } from '../core/types';
import { HISTORY_OPTIONS } from './options';

/** 9.3.3 history and its predecessor 9.5.1: 5-minute points, at most 24 hours per call. */

const ORDER = { path: ['endTime'], message: 'must be later than startTime (failCode 20023)' };

const historyParams = z
  .object({ plantCodes, startTime: required(timeInput), endTime: required(timeInput) })
  .strict()
  .refine((p) => p.endTime > p.startTime, ORDER);
type HistoryParams = z.infer<typeof historyParams>;

const historyBatch: Batch = {
  chunk: { key: 'plantCodes', size: CHUNK },
  window: { startKey: 'startTime', endKey: 'endTime', windowMs: WINDOW_MS },
};

export const historyKpi = defineOperation<HistoryParams>({
  name: 'historyKpi',
  endpoint: 'vpp/plantHistoryKpi',
  section: '9.3.3',
  summary:
    '5-minute plant data (energy flows, battery SOC, grid voltages) for any range within the latest ' +
    '365 days, fetched in 24-hour windows.',
  changesDevices: false,
  quota: HISTORY_QUOTA,
  params: historyParams,
  fields: ['plantCodes', 'startTime', 'endTime'],
  options: HISTORY_OPTIONS,
  batch: historyBatch,
  precheck(p, ctx) {
    const calls = planCalls(historyBatch, p).length;
    checkDailyBudget('vpp/plantHistoryKpi', HISTORY_QUOTA, calls, Math.ceil(p.plantCodes.length / CHUNK), ctx);
  },
  normalise: (data) => normaliseHistory(data),
  merge: (parts, p) => mergeHistory(parts, p.plantCodes),
  learn(result, _p, ctx) {
    if (!Array.isArray(result)) return;
    const zones: Array<[string, number]> = [];
    for (const plant of result as unknown[]) {
      if (!isObject(plant)) continue;
      const last: unknown = Array.isArray(plant.dataItem) ? plant.dataItem[plant.dataItem.length - 1] : undefined;
      const offset = isObject(last) ? offsetOf(last.dataTime) : undefined;
      if (offset !== undefined) zones.push([String(plant.plantCode), offset]);
    }
    learnZones(ctx.client, zones);
  },
  topicKey: 'plantCode',
});

const fiveMinuteParams = z
  .object({
    plantCode: required(
      z
        .string({ error: 'must be one plant code (a string)' })
        .trim()
        .min(1, 'is required')
        .max(256, 'must be at most 256 characters')
        .refine((s) => !s.includes(','), 'must be a single plant code: this interface takes one plant per call'),
    ),
    startTime: required(timeInput),
    endTime: required(timeInput),
  })
  .strict()
  .refine((p) => p.endTime > p.startTime, ORDER);
type FiveMinuteParams = z.infer<typeof fiveMinuteParams>;

/** Calendar day number of a time in a zone given as minutes east of UTC. */
function dayIn(t: number, offsetMin: number): number {
  return Math.floor((t + offsetMin * 60_000) / DAY);
}

export const fiveMinuteKpi = defineOperation<FiveMinuteParams>({
  name: 'fiveMinuteKpi',
  endpoint: 'vpp/plantFiveMinutesKpi',
  section: '9.5.1',
  summary: '5-minute data of one plant for one day (to-be-offline interface: use historyKpi).',
  deprecated:
    'To-be-offline interface (reference 9.5, estimated offline date 2023-06-30; closed to users ' +
    'registered after 2022-06-30): use historyKpi (vpp/plantHistoryKpi, 9.3.3) instead.',
  changesDevices: false,
  quota: HISTORY_QUOTA,
  params: fiveMinuteParams,
  fields: ['plantCode', 'startTime', 'endTime'],
  precheck(p, ctx) {
    const offset = zoneOf(ctx.client, p.plantCode);
    // [startTime, endTime) on one plant day: the last included millisecond is endTime - 1.
    const sameDay =
      offset === undefined
        ? p.endTime - p.startTime <= DAY
        : dayIn(p.startTime, offset) === dayIn(p.endTime - 1, offset);
    if (!sameDay) {
      throw invalidInput(
        'endTime',
        "must be on the same day as startTime in the plant's time zone (reference 9.5.1): use " +
          'historyKpi for longer ranges',
      );
    }
    checkDailyBudget('vpp/plantFiveMinutesKpi', HISTORY_QUOTA, 1, 1, ctx);
  },
  normalise: (data) => normalisePoints(data),
});
