import { z } from 'zod';
import { MINUTE, DAY } from '../../client/quota/rules';
import { isObject, normaliseRecord } from '../core/normalise';
import { timeInput } from '../core/params';
import type { ExecContext, ExecResult, Params } from '../core/types';
import { defineOperation, withWorkflow } from '../core/types';
import {
  ALARM_DEVICE_TYPES,
  ALARM_LANGUAGES,
  ALARM_LEVELS,
  ALARM_STATUSES,
  ALARM_TYPES,
  deviceTypeName,
  nameOf,
} from '../core/v6-reference';
import type { NamedMap } from '../core/reference-data';
import { numberList, optional, optionalFilter, STATION_OTHER_NAMES, stationCodes } from '../core/v6-params';
import { accountStations } from '../plants/v6';

/** V6 6.1.7: the current (active) alarms of the plants' devices. */

/** Without a beginTime, alarms raised in the last year (the server keeps only current alarms). */
export const DEFAULT_SPAN_MS = 365 * DAY;

const english = (table: NamedMap) => (n: number) => nameOf(table, n, 'en-us');

const params = z
  .object({
    stationCodes: optional(stationCodes),
    beginTime: optional(timeInput),
    endTime: optional(timeInput),
    language: optionalFilter(
      z.enum(ALARM_LANGUAGES, { error: `must be one of ${ALARM_LANGUAGES.join(', ')} (failCode 20025)` }),
    ),
    status: optionalFilter(numberList([1, 2, 3, 4, 5, 6], 'an alarm status', english(ALARM_STATUSES))),
    levels: optionalFilter(numberList([1, 2, 3, 4], 'an alarm severity', english(ALARM_LEVELS))),
    devTypes: optionalFilter(
      numberList(ALARM_DEVICE_TYPES, 'a device type of the alarm interface', (n) => deviceTypeName(n, 'en-us')),
    ),
    types: optionalFilter(numberList([1, 2, 3, 4, 5], 'an alarm type', english(ALARM_TYPES))),
    devName: optional(z.string({ error: 'must be a device name (string)' }).max(256, 'must be at most 256 characters')),
  })
  .strict()
  .refine((p) => p.beginTime === undefined || p.endTime === undefined || p.beginTime <= p.endTime, {
    message: 'must not be before beginTime (failCode 20023)',
    path: ['endTime'],
  });
type P = z.infer<typeof params>;

function languageOf(ctx: ExecContext): (typeof ALARM_LANGUAGES)[number] {
  return ctx.client.config.locale === 'zh-cn' ? 'zh_CN' : 'en_US';
}

function toBody(p: Params): Params {
  const body: Params = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) body[k] = Array.isArray(v) ? v.join(',') : v;
  return body;
}

async function run(p: P, ctx: ExecContext, plain: (sets: Params[]) => Promise<ExecResult>): Promise<ExecResult> {
  const now = ctx.client.clock.now();
  const endTime = p.endTime ?? Math.max(now, p.beginTime ?? 0);
  const filled: Params = {
    ...p,
    endTime,
    beginTime: p.beginTime ?? Math.max(0, endTime - DEFAULT_SPAN_MS),
    language: p.language ?? languageOf(ctx),
  };
  if (p.stationCodes) return plain([filled]);
  const all = await accountStations(ctx);
  if (all.codes.length === 0) return { payload: [], calls: all.calls, total: 0 };
  const r = await plain([{ ...filled, stationCodes: all.codes }]);
  return { ...r, calls: r.calls + all.calls };
}

const NUMBERS = ['alarmId', 'causeId', 'alarmType', 'devTypeId', 'lev', 'status', 'raiseTime'] as const;
const STRINGS = [
  'stationCode',
  'stationName',
  'alarmName',
  'alarmCause',
  'devName',
  'esnCode',
  'repairSuggestion',
] as const;

function normalise(data: unknown, _p: Params, ctx: ExecContext): unknown {
  const locale = ctx.client.config.locale;
  const list = Array.isArray(data) ? data : [];
  for (const a of list) {
    if (!isObject(a)) continue;
    normaliseRecord(a, { numbers: NUMBERS, strings: STRINGS });
    const names: Array<[string, string | undefined]> = [
      ['levName', nameOf(ALARM_LEVELS, a.lev, locale)],
      ['statusName', nameOf(ALARM_STATUSES, a.status, locale)],
      ['alarmTypeName', nameOf(ALARM_TYPES, a.alarmType, locale)],
      ['devTypeName', typeof a.devTypeId === 'number' ? deviceTypeName(a.devTypeId, locale) : undefined],
    ];
    for (const [k, v] of names) if (v && a[k] === undefined) a[k] = v;
  }
  return list;
}

export const alarmList = defineOperation<P>({
  name: 'alarmList',
  api: 'v6',
  endpoint: 'thirdData/getAlarmList',
  section: 'V6 6.1.7',
  summary:
    'Current alarms of the plants (all plants when none given), filtered by time, status, severity, ' +
    'device type, alarm type and device name.',
  changesDevices: false,
  quota: { limits: [{ count: (c) => Math.ceil(c.plants / 100), windowMs: 30 * MINUTE }] },
  params: params,
  fields: ['stationCodes', 'beginTime', 'endTime', 'language', 'status', 'levels', 'devTypes', 'types', 'devName'],
  otherNames: STATION_OTHER_NAMES,
  batch: { chunk: { key: 'stationCodes', size: 100 } },
  precheck(p, ctx) {
    if (p.stationCodes) ctx.client.learnFleet({ plants: p.stationCodes.length });
  },
  runCalls: run,
  toBody,
  normalise,
  topicKey: 'stationCode',
});

export const ALARM_OPERATIONS = [alarmList];

withWorkflow(alarmList, {
  status: (r) => ({ key: 'status.alarms', vars: { count: Array.isArray(r.payload) ? r.payload.length : 0 } }),
});
