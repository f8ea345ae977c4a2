import { z } from 'zod';
import { codeList, noDuplicates, oneOf, timeInput } from '../core/params';
import { defaultBody } from '../core/planner';
import { boolInput, idForBody, IV_QUOTA, pageNo, pageSize, taskIdInput } from './params';
import { eachItem, normaliseIds } from './normalise';
import { isObject } from '../core/normalise';
import { defineOperation } from '../core/types';

/** 9.4.1-9.4.4: the I-V diagnosis tasks themselves. */

const TASK_NUMBERS = [
  'startTime',
  'endTime',
  'faultCount',
  'unitCount',
  'deviceCount',
  'process',
  'cleanStatus',
  'environmentalParameters',
  'modulePlaneIrradiance',
  'moduleBackSurfaceTemperature',
  'scanPointNum',
  'taskStatus',
];

const listTasksParams = z
  .object({
    pageNo,
    pageSize,
    taskName: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(256, 'must be at most 256 characters')
      .optional(),
    startTime: timeInput.optional(),
    endTime: timeInput.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.startTime === undefined) !== (p.endTime === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [p.startTime === undefined ? 'startTime' : 'endTime'],
        message: 'is required: startTime and endTime must be set together',
      });
    } else if (p.startTime !== undefined && p.endTime !== undefined && p.startTime >= p.endTime) {
      ctx.addIssue({
        code: 'custom',
        path: ['endTime'],
        message: 'must be later than startTime (tasks are matched in [startTime, endTime))',
      });
    }
  });

export const listTasks = defineOperation<z.infer<typeof listTasksParams>>({
  name: 'listTasks',
  endpoint: 'iv/tasks',
  section: '9.4.1',
  summary: 'I-V diagnosis tasks: every page merged, filtered by name (fuzzy) and creation time.',
  changesDevices: false,
  quota: IV_QUOTA,
  params: listTasksParams,
  fields: ['taskName', 'startTime', 'endTime', 'pageNo', 'pageSize'],
  batch: { paged: { pageSize: 100 } },
  normalise: (data) =>
    eachItem(data, { numbers: TASK_NUMBERS, strings: ['taskName'] }, (t) => normaliseIds(t, ['taskId'])),
  topicKey: 'taskId',
});

const createTaskParams = z
  .object({
    taskName: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(256, 'must be at most 256 characters'),
    dns: codeList({ max: 100 }).refine(noDuplicates, 'must not name an inverter twice'),
    cleanStatus: oneOf([0, 1] as const, 'must be 0 (not cleaned) or 1 (cleaned)'),
    environmentalParameters: oneOf([0, 1] as const, 'must be 0 (automatic) or 1 (manual)'),
    modulePlaneIrradiance: z.coerce
      .number({ error: 'must be a number' })
      .min(600, 'must be at least 600 W/m² (range [600, 1500])')
      .max(1500, 'must be at most 1500 W/m² (range [600, 1500])')
      .optional(),
    moduleBackSurfaceTemperature: z.coerce
      .number({ error: 'must be a number' })
      .min(0, 'must be at least 0 °C (range [0, 100])')
      .max(100, 'must be at most 100 °C (range [0, 100])')
      .optional(),
    scanPointNum: z.coerce
      .number({ error: 'must be 128' })
      .refine((n) => n === 128, 'must be 128 (the only number of scan points the API supports)')
      .default(128),
    needQuantifyLosses: boolInput.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    // Mandatory with manual parameters; with automatic ones the
    // reference calls them optional, so they are sent as given.
    for (const key of ['modulePlaneIrradiance', 'moduleBackSurfaceTemperature'] as const) {
      if (p.environmentalParameters === 1 && p[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is required when environmentalParameters is 1 (manual)',
        });
      }
    }
  });

export type CreateTaskParams = z.infer<typeof createTaskParams>;

export const createTask = defineOperation<CreateTaskParams>({
  name: 'createTask',
  endpoint: 'iv/scanTask',
  section: '9.4.2',
  summary: 'Starts an I-V scan of up to 100 inverters; returns the task id (20030 when irradiance is too low).',
  // A scan moves the inverters off their maximum power point while it runs.
  changesDevices: true,
  quota: IV_QUOTA,
  params: createTaskParams,
  fields: [
    'taskName',
    'dns',
    'cleanStatus',
    'environmentalParameters',
    'modulePlaneIrradiance',
    'moduleBackSurfaceTemperature',
    'scanPointNum',
    'needQuantifyLosses',
  ],
  normalise(data) {
    if (isObject(data)) normaliseIds(data, ['taskId']);
    return data;
  },
  topicKey: 'taskId',
});

const taskIdOnly = z.object({ taskId: taskIdInput }).strict();

export const cancelTask = defineOperation<z.infer<typeof taskIdOnly>>({
  name: 'cancelTask',
  endpoint: 'iv/revokeTask',
  section: '9.4.3',
  summary: 'Cancels an I-V diagnosis task that has not finished (a completed task cannot be cancelled).',
  // Ends a scan, which only returns the inverters to normal operation: a write, not a control.
  changesDevices: false,
  writes: true,
  quota: IV_QUOTA,
  params: taskIdOnly,
  fields: ['taskId'],
  toBody: (p) => ({ taskId: idForBody(p.taskId) }),
  normalise: (data, p) => (data === null || data === undefined ? { taskId: p.taskId, canceled: true } : data),
});

const taskStatusParams = z.object({ taskId: taskIdInput, pageNo, pageSize }).strict();

export const SUBTASK_SPEC = {
  numbers: ['sequenceNo', 'startTime', 'endTime', 'status', 'failCause'],
  strings: ['plantName', 'inverterName', 'inverterDN', 'pvName', 'failDesc', 'failRepairSuggestion'],
} as const;

export const taskStatus = defineOperation<z.infer<typeof taskStatusParams>>({
  name: 'taskStatus',
  endpoint: 'iv/scanTask/status',
  section: '9.4.4',
  summary: 'Progress of a task and the state of each subtask (one per string); poll every 5-10 s.',
  changesDevices: false,
  quota: IV_QUOTA,
  params: taskStatusParams,
  fields: ['taskId', 'pageNo', 'pageSize'],
  batch: { paged: { pageSize: 100, keep: ['process'] } },
  toBody: (p) => ({ ...defaultBody(p), taskId: idForBody(p.taskId) }),
  normalise: (data) => eachItem(data, SUBTASK_SPEC, (s) => normaliseIds(s, ['subTaskId'])),
  merge: (parts, p) => ({ taskId: p.taskId, ...(isObject(parts[0]) ? parts[0] : { list: [] }) }),
  items: (result) => (isObject(result) && Array.isArray(result.list) ? (result.list as unknown[]) : []),
  topicKey: 'inverterDN',
});
