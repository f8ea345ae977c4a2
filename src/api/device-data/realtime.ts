import { z } from 'zod';
import { FusionSolarError } from '../../client/errors';
import { DAY, MINUTE, dailyOneAMinute } from '../../client/quota/rules';
import { timeInput } from '../core/params';
import { defineOperation } from '../core/types';
import { REALTIME_TYPES } from '../core/v6-reference';
import { STATION_OTHER_NAMES } from '../core/v6-params';
import { collectTimeInput } from '../plant-data/v6';
import {
  ONE_WAY,
  oneWayToName,
  perType,
  runDevices,
  SELECTION_FIELDS,
  selectionShape,
  strictSelection,
} from './common';
import { mergeUnique, normaliseDeviceItems } from './items';

/** V6 6.1.6.1, 6.1.6.2 and 6.4.1: real-time and 5-minute device data. */

const required = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .refine((v) => v !== undefined && v !== null && v !== '', 'is required')
    .pipe(schema);

export const HISTORY_WINDOW_MS = 3 * DAY;

const realtimeParams = strictSelection(selectionShape(REALTIME_TYPES));
type RealtimeParams = z.infer<typeof realtimeParams>;

export const deviceRealtimeKpi = defineOperation<RealtimeParams>({
  name: 'deviceRealtimeKpi',
  api: 'v6',
  endpoint: 'thirdData/getDevRealKpi',
  section: 'V6 6.1.6.1',
  summary:
    'Real-time data of inverters, EMIs, meters, power sensors and batteries: one call per device type and 100 devices.',
  changesDevices: false,
  quota: { limits: [{ count: perType(REALTIME_TYPES, 100), windowMs: 5 * MINUTE }] },
  params: realtimeParams,
  fields: SELECTION_FIELDS,
  otherNames: STATION_OTHER_NAMES,
  batch: { chunk: { key: 'devIds', alt: ['sns'], size: 100 } },
  runCalls: (p, ctx, plain) => runDevices(p, ctx, plain, REALTIME_TYPES, 'deviceRealtimeKpi'),
  normalise: normaliseDeviceItems,
  topicKey: 'devId',
});

const historyParams = z
  .object({ ...selectionShape(REALTIME_TYPES), startTime: required(timeInput), endTime: required(timeInput) })
  .strict()
  .refine(oneWayToName, ONE_WAY)
  .refine((p) => p.startTime < p.endTime, { message: 'must be after startTime (failCode 20023)', path: ['endTime'] });
type HistoryParams = z.infer<typeof historyParams>;

export const deviceHistoryKpi = defineOperation<HistoryParams>({
  name: 'deviceHistoryKpi',
  api: 'v6',
  endpoint: 'thirdData/getDevHistoryKpi',
  section: 'V6 6.1.6.2',
  summary:
    '5-minute device data of a time range: 10 devices of one type and 3 days a call, windows merged without repeats.',
  changesDevices: false,
  quota: dailyOneAMinute(perType(REALTIME_TYPES, 10, 24)),
  params: historyParams,
  fields: [...SELECTION_FIELDS, 'startTime', 'endTime'],
  otherNames: STATION_OTHER_NAMES,
  batch: {
    chunk: { key: 'devIds', alt: ['sns'], size: 10 },
    window: { startKey: 'startTime', endKey: 'endTime', windowMs: HISTORY_WINDOW_MS },
  },
  runCalls: (p, ctx, plain) => runDevices(p, ctx, plain, REALTIME_TYPES, 'deviceHistoryKpi'),
  normalise: normaliseDeviceItems,
  merge: mergeUnique,
  topicKey: 'devId',
});

const fiveMinuteParams = z
  .object({ ...selectionShape(REALTIME_TYPES), collectTime: required(collectTimeInput('day')) })
  .strict()
  .refine(oneWayToName, ONE_WAY);
type FiveMinuteParams = z.infer<typeof fiveMinuteParams>;

export const deviceFiveMinuteKpi = defineOperation<FiveMinuteParams>({
  name: 'deviceFiveMinuteKpi',
  api: 'v6',
  endpoint: 'thirdData/getDevFiveMinutes',
  section: 'V6 6.4.1',
  summary:
    'To be offline: the 5-minute points of one day per device (accounts created on or before ' +
    '2022-06-30 only); use deviceHistoryKpi.',
  changesDevices: false,
  deprecated: 'deviceHistoryKpi',
  quota: { limits: [{ count: perType(REALTIME_TYPES, 100, 24), windowMs: DAY, kind: 'day' }] },
  params: fiveMinuteParams,
  fields: [...SELECTION_FIELDS, 'collectTime'],
  otherNames: STATION_OTHER_NAMES,
  batch: { chunk: { key: 'devIds', alt: ['sns'], size: 100 } },
  precheck(_p, ctx) {
    // The documented quotas are the new policy, i.e. a user created after 2022-06-30: the
    // reference (6.4) closes this endpoint to them. Older accounts use the custom or off profile.
    if ((ctx.client.config.quotaProfile ?? 'documented') === 'documented') {
      throw new FusionSolarError('NOT_AVAILABLE', {
        endpoint: 'thirdData/getDevFiveMinutes',
        field: 'operation',
        message:
          'deviceFiveMinuteKpi (getDevFiveMinutes) is to go offline and closed to API accounts ' +
          'created after 2022-06-30 (V6 reference 6.4): use deviceHistoryKpi. An older account may ' +
          'call it with the quota profile "custom" or "off".',
      });
    }
  },
  runCalls: (p, ctx, plain) => runDevices(p, ctx, plain, REALTIME_TYPES, 'deviceFiveMinuteKpi'),
  normalise: normaliseDeviceItems,
  merge: mergeUnique,
  topicKey: 'devId',
});
