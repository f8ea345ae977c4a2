import { z } from 'zod';
import { codeList, noDuplicates } from '../core/params';
import { defaultBody } from '../core/planner';
import { idForBody, IV_QUOTA, pageNo, pageSize, taskIdInput } from './params';
import { eachItem, localeOf, nameFault, toCurve } from './normalise';
import { defineOperation } from '../core/types';

/** 9.4.5, 9.4.6 and 9.4.12: what a finished diagnosis found. */

const STRING_KPIS = [
  'stringTotalPEnergy',
  'stringFillFactor',
  'stcStringFillFactor',
  'stringVoc',
  'stcStringVoc',
  'stringIsc',
  'stcStringIsc',
  'stringVm',
  'stcStringVm',
  'stringIm',
  'stcStringIm',
  'stringPm',
  'stcStringPm',
  'stringVmVoc',
  'stringImIsc',
  'stringDegradationRate',
];

export const FAULT_SPEC = {
  // pvIndex is a String in the 9.4.5 table (a number elsewhere): left as the API sends it.
  numbers: ['invertRatedPower', 'faultCode', 'scanTime', ...STRING_KPIS],
  strings: [
    'plantName',
    'plantCode',
    'plantAddress',
    'inverterName',
    'inverterDN',
    'inverterSN',
    'invertVersion',
    'invertModel',
    'pvName',
    'faultName',
    'faultDetail',
    'faultSuggestion',
  ],
  // The 9.4.5 example spells two fields differently; OCR garbled two more.
  aliases: {
    inveterName: 'inverterName',
    stringImIoc: 'stringImIsc',
    stringlsc: 'stringIsc',
    stcStringlsc: 'stcStringIsc',
  },
} as const;

const pagedTask = z.object({ taskId: taskIdInput, pageNo, pageSize }).strict();
type PagedTask = z.infer<typeof pagedTask>;
const taskBody = (p: PagedTask): Record<string, unknown> => ({ ...defaultBody(p), taskId: idForBody(p.taskId) });

export const faultList = defineOperation<PagedTask>({
  name: 'faultList',
  endpoint: 'iv/scanTask/faultList',
  section: '9.4.5',
  summary:
    'Faulty strings of a finished task with their measured and STC-converted KPIs (normal strings are left out).',
  changesDevices: false,
  quota: IV_QUOTA,
  params: pagedTask,
  fields: ['taskId', 'pageNo', 'pageSize'],
  batch: { paged: { pageSize: 100 } },
  toBody: taskBody,
  normalise: (data, _p, ctx) =>
    eachItem(data, FAULT_SPEC, (f) => nameFault(f, 'faultCode', 'faultName', localeOf(ctx))),
  topicKey: 'inverterDN',
});

const curveParams = z
  .object({
    taskId: taskIdInput,
    dn: codeList().refine(noDuplicates, 'must not name an inverter twice'),
    pageNo,
    pageSize,
  })
  .strict();

export const curveData = defineOperation<z.infer<typeof curveParams>>({
  name: 'curveData',
  endpoint: 'iv/scanTask/ivdata',
  section: '9.4.6',
  summary:
    'I-V curves of the strings of one or more inverters: current, voltage and power arrays plus the ' +
    'maximum power point.',
  changesDevices: false,
  quota: IV_QUOTA,
  params: curveParams,
  fields: ['taskId', 'dn', 'pageNo', 'pageSize'],
  // The endpoint takes one DN: a list becomes one call (or one set of pages) per inverter.
  batch: { chunk: { key: 'dn', size: 1 }, paged: { pageSize: 100 } },
  toBody: (p) => ({ ...defaultBody(p), taskId: idForBody(p.taskId) }),
  normalise: (data, p) =>
    eachItem(data, { numbers: ['pvIndex'] }, (item) => {
      const curve = toCurve(item.current, item.voltage);
      if (item.dn === undefined) item.dn = p.dn[0];
      Object.assign(item, curve, { points: curve.current.length });
    }),
  topicKey: 'dn',
});

const lossParams = z
  .object({
    taskId: taskIdInput,
    pageNo,
    pageSize: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(5000, 'must be at most 5000')
      .optional(),
  })
  .strict();

export const LOSS_SPEC = {
  numbers: ['pvIndex', 'ivFaultCode', 'quantifyingLosses'],
  strings: ['communicateDevSN', 'inverterSN', 'inverterName', 'pvName'],
  // The table writes ...SN, the example ...Sn: both are kept, the table's spelling is filled.
  aliases: { communicateDevSn: 'communicateDevSN', inverterSn: 'inverterSN' },
} as const;

export const lossData = defineOperation<z.infer<typeof lossParams>>({
  name: 'lossData',
  endpoint: 'iv/scanTask/pvResultList',
  section: '9.4.12',
  summary: 'Diagnosis result and quantified loss of every string of a task (up to 5000 per page).',
  changesDevices: false,
  quota: IV_QUOTA,
  params: lossParams,
  fields: ['taskId', 'pageNo', 'pageSize'],
  batch: { paged: { pageSize: 5000 } },
  toBody: (p) => ({ ...defaultBody(p), taskId: idForBody(p.taskId) }),
  normalise: (data, _p, ctx) =>
    eachItem(data, LOSS_SPEC, (item) => nameFault(item, 'ivFaultCode', 'ivFaultName', localeOf(ctx))),
  topicKey: 'inverterSN',
});
