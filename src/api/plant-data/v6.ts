import { z } from 'zod';
import { MINUTE, dailyOneAMinute } from '../../client/quota/rules';
import { isObject, normaliseMap, normaliseRecord, toNumber } from '../core/normalise';
import { timeInput } from '../core/params';
import type { ExecContext, OperationDef } from '../core/types';
import { defineOperation } from '../core/types';
import { HEALTH_STATES, nameOf } from '../core/v6-reference';
import { PLANT_CODES_ROW, STATION_OTHER_NAMES, stationCodes } from '../core/v6-params';
import { ALL_PLANTS_OPTION } from './options';

/** V6 6.1.4: real-time plant data and the hourly, daily, monthly and yearly reports. */

const required = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .refine((v) => v !== undefined && v !== null && v !== '', 'is required')
    .pipe(schema);

const codes = required(stationCodes);

function learnFleet(list: readonly string[], ctx: ExecContext): void {
  ctx.client.learnFleet({ plants: list.length });
}

function eachItem(data: unknown, fn: (item: Record<string, unknown>) => void): unknown {
  if (Array.isArray(data)) for (const item of data) if (isObject(item)) fn(item);
  return data;
}

const realtimeParams = z.object({ stationCodes: codes }).strict();

export const realtimeKpiV6 = defineOperation<z.infer<typeof realtimeParams>>({
  name: 'realtimeKpi',
  api: 'v6',
  endpoint: 'thirdData/getStationRealKpi',
  section: 'V6 6.1.4.1',
  summary: 'Real-time plant data: yield today, this month and in total, revenue, health state; 100 plants a call.',
  changesDevices: false,
  quota: {
    limits: [
      { count: (c) => Math.ceil(c.plants / 100), windowMs: 5 * MINUTE },
      { count: 1, windowMs: MINUTE },
    ],
    lane: true,
  },
  params: realtimeParams,
  fields: ['stationCodes'],
  otherNames: STATION_OTHER_NAMES,
  properties: PLANT_CODES_ROW,
  options: ALL_PLANTS_OPTION,
  batch: { chunk: { key: 'stationCodes', size: 100 } },
  precheck: (p, ctx) => learnFleet(p.stationCodes, ctx),
  normalise: (data, _p, ctx) =>
    eachItem(data, (item) => {
      normaliseRecord(item, { strings: ['stationCode'] });
      if (!isObject(item.dataItemMap)) return;
      normaliseMap(item.dataItemMap, 'all-numeric');
      const name = nameOf(HEALTH_STATES, item.dataItemMap.real_health_state, ctx.client.config.locale);
      if (name) item.dataItemMap.real_health_state_name = name;
    }),
  topicKey: 'stationCode',
});

export type Period = 'day' | 'month' | 'year' | 'all';

/**
 * A date without a time ("2024-05", "2024-05-01") names a local period: sent as noon UTC in
 * its middle, it lands in that period in every plant's time zone (UTC-11 to UTC+11), whether
 * the server reads it in the plant's zone (the reference) or in UTC (as some clients report).
 * Instants (epoch ms, Date, ISO with a time) are sent as they are: the server picks the
 * period containing them in the plant's time zone.
 */
export function collectTimeInput(period: Period) {
  return z.unknown().transform((v, ctx) => {
    if (typeof v === 'string') {
      const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\s*$/.exec(v);
      if (m) {
        const [year, month, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
        if (month !== undefined && (month < 1 || month > 12)) return fail(ctx, 'has a month outside 01-12');
        if (day !== undefined && (day < 1 || day > 31)) return fail(ctx, 'has a day outside 01-31');
        if (period === 'day' && day === undefined)
          return fail(ctx, 'must name a day (YYYY-MM-DD) or an instant: hourKpi returns the hours of one day');
        if (period === 'month' && month === undefined)
          return fail(ctx, 'must name a month (YYYY-MM) or an instant: dayKpi returns the days of one month');
        return Date.UTC(year, (month ?? 7) - 1, day ?? (month ? 15 : 1), 12);
      }
    }
    const parsed = timeInput.safeParse(v);
    if (!parsed.success) return fail(ctx, parsed.error.issues[0].message);
    return parsed.data;
  });
}

function fail(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

function report(name: string, path: string, section: string, period: Period, summary: string): OperationDef {
  const params = z.object({ stationCodes: codes, collectTime: required(collectTimeInput(period)) }).strict();
  return defineOperation<z.infer<typeof params>>({
    name,
    api: 'v6',
    endpoint: `thirdData/${path}`,
    section,
    summary,
    changesDevices: false,
    quota: dailyOneAMinute((c) => Math.ceil(c.plants / 100) + 24),
    params,
    fields: ['stationCodes', 'collectTime'],
    otherNames: STATION_OTHER_NAMES,
    properties: PLANT_CODES_ROW,
    options: ALL_PLANTS_OPTION,
    batch: { chunk: { key: 'stationCodes', size: 100 } },
    precheck: (p, ctx) => learnFleet(p.stationCodes, ctx),
    normalise: (data) =>
      eachItem(data, (item) => {
        normaliseRecord(item, { strings: ['stationCode'] });
        item.collectTime = toNumber(item.collectTime);
        normaliseMap(item.dataItemMap, 'all-numeric');
      }),
    topicKey: 'stationCode',
  });
}

export const hourKpi = report(
  'hourKpi',
  'getKpiStationHour',
  'V6 6.1.4.2',
  'day',
  'Hourly plant data of the day containing collectTime (plant time zone): irradiation, theoretical ' +
    'and inverter yield, feed-in, revenue.',
);
export const dayKpi = report(
  'dayKpi',
  'getKpiStationDay',
  'V6 6.1.4.3',
  'month',
  'Daily plant data of the month containing collectTime (plant time zone): yield, feed-in, ' +
    'consumption, PR, specific energy, revenue, savings.',
);
export const monthKpi = report(
  'monthKpi',
  'getKpiStationMonth',
  'V6 6.1.4.4',
  'year',
  'Monthly plant data of the year containing collectTime (plant time zone).',
);
export const yearKpi = report(
  'yearKpi',
  'getKpiStationYear',
  'V6 6.1.4.5',
  'all',
  'Yearly plant data of every year since the plant was built.',
);
