import { z } from 'zod';
import { dailyOneAMinute } from '../../client/quota/rules';
import type { OperationDef } from '../core/types';
import { defineOperation } from '../core/types';
import { REPORT_TYPES } from '../core/v6-reference';
import { STATION_OTHER_NAMES } from '../core/v6-params';
import { collectTimeInput, type Period } from '../plant-data/v6';
import { ONE_WAY, oneWayToName, perType, runDevices, SELECTION_FIELDS, selectionShape } from './common';
import { mergeUnique, normaliseDeviceItems } from './items';

/** V6 6.1.6.3-6.1.6.5: daily, monthly and yearly device data of inverters and batteries. */

const required = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .refine((v) => v !== undefined && v !== null && v !== '', 'is required')
    .pipe(schema);

function report(name: string, path: string, section: string, period: Period, summary: string): OperationDef {
  const params = z
    .object({ ...selectionShape(REPORT_TYPES), collectTime: required(collectTimeInput(period)) })
    .strict()
    .refine(oneWayToName, ONE_WAY);
  type P = z.infer<typeof params>;
  return defineOperation<P>({
    name,
    api: 'v6',
    endpoint: `thirdData/${path}`,
    section,
    summary,
    changesDevices: false,
    quota: dailyOneAMinute(perType(REPORT_TYPES, 100, 24)),
    params: params,
    fields: [...SELECTION_FIELDS, 'collectTime'],
    otherNames: STATION_OTHER_NAMES,
    batch: { chunk: { key: 'devIds', alt: ['sns'], size: 100 } },
    runCalls: (p, ctx, plain) => runDevices(p, ctx, plain, REPORT_TYPES, name),
    normalise: normaliseDeviceItems,
    merge: mergeUnique,
    topicKey: 'devId',
  });
}

export const deviceDayKpi = report(
  'deviceDayKpi',
  'getDevKpiDay',
  'V6 6.1.6.3',
  'month',
  'Daily device data of the month containing collectTime (device time zone): inverter yield and ' +
    'specific energy, battery charge and discharge.',
);
export const deviceMonthKpi = report(
  'deviceMonthKpi',
  'getDevKpiMonth',
  'V6 6.1.6.4',
  'year',
  'Monthly device data of the year containing collectTime (device time zone).',
);
export const deviceYearKpi = report(
  'deviceYearKpi',
  'getDevKpiYear',
  'V6 6.1.6.5',
  'all',
  'Yearly device data of every year since the device was connected.',
);
