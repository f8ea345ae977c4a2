import { TRACK_OPTION } from './options';
import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { commandList, decimal, optional, required, taskIdText } from './params';
import { countItems, failedBy, listOf, normaliseList, resultMessage, VPP_QUOTA } from './results';
import { plantCapacities } from './lookup';
import { isObject, normaliseRecord } from '../core/normalise';
import { codeList } from '../core/params';
import { defineOperation } from '../core/types';

/** 9.6.1.3 / 9.6.1.4: the plant default task (grid feed-in limit and power gradient) and its status. */

/** "More than three decimal places ... will be rounded off" (9.6.1.3): rounded here, not refused. */
const FEED_IN = decimal(-1000, Number.MAX_SAFE_INTEGER, 3, true);
const GRADIENT = decimal(0.1, 5000, 3, true);

const task = z
  .object(
    {
      plantCode: required(
        z
          .string({ error: 'must be a plant code' })
          .trim()
          .min(1, 'is required')
          .max(256, 'must be at most 256 characters'),
      ),
      maxFeedGridPower: optional(FEED_IN),
      activePowerVariationGradient: optional(GRADIENT),
    },
    { error: 'must be an object with plantCode, maxFeedGridPower and/or activePowerVariationGradient' },
  )
  .strict();

type Task = z.infer<typeof task>;

const defaultParams = z
  .object({
    tasks: optional(z.array(task, { error: 'must be a list of tasks' })),
    plantCodes: optional(commandList(100, 'plant')),
    maxFeedGridPower: optional(FEED_IN),
    activePowerVariationGradient: optional(GRADIENT),
  })
  .strict()
  .transform((p, ctx) => {
    // Top-level values apply to every task lacking its own: the node's settings fill a plain list of plants.
    const base: Task[] | undefined = p.tasks ?? p.plantCodes?.map((plantCode) => ({ plantCode }));
    const fail = (path: (string | number)[], message: string): typeof z.NEVER => {
      ctx.addIssue({ code: 'custom', path, message });
      return z.NEVER;
    };
    if (!base || base.length === 0)
      return fail(
        ['tasks'],
        'is required: a list of {plantCode, maxFeedGridPower, activePowerVariationGradient}, or ' +
          'plantCodes with the values',
      );
    if (base.length > 100) return fail(['tasks'], 'at most 100 plants are allowed per call');
    const seen = new Set<string>();
    const tasks: Task[] = [];
    for (const [i, t] of base.entries()) {
      if (seen.has(t.plantCode))
        return fail(['tasks', i, 'plantCode'], `repeats plant ${t.plantCode}: each plant may appear once`);
      seen.add(t.plantCode);
      const full: Task = {
        plantCode: t.plantCode,
        maxFeedGridPower: t.maxFeedGridPower ?? p.maxFeedGridPower,
        activePowerVariationGradient: t.activePowerVariationGradient ?? p.activePowerVariationGradient,
      };
      if (full.maxFeedGridPower === undefined && full.activePowerVariationGradient === undefined) {
        return fail(['tasks', i], 'needs maxFeedGridPower or activePowerVariationGradient (at least one)');
      }
      tasks.push(full);
    }
    return { tasks };
  });

export const defaultSetting = defineOperation<z.infer<typeof defaultParams>>({
  name: 'defaultSetting',
  endpoint: 'vpp/plantDefaultSetting',
  section: '9.6.1.3',
  summary:
    'Enables the scheduled task and sets the default maximum grid feed-in power and active power ' +
    'gradient of up to 100 plants.',
  changesDevices: true,
  quota: VPP_QUOTA,
  params: defaultParams,
  fields: ['tasks', 'plantCodes', 'maxFeedGridPower', 'activePowerVariationGradient'],
  options: TRACK_OPTION,
  async precheck(p, ctx) {
    // Only a positive limit can exceed a capacity: the plant list is read only then.
    if (!p.tasks.some((t) => (t.maxFeedGridPower ?? 0) > 0)) return;
    const capacities = await plantCapacities(ctx);
    for (const [i, t] of p.tasks.entries()) {
      const capacity = capacities.get(t.plantCode);
      if (capacity !== undefined && t.maxFeedGridPower !== undefined && t.maxFeedGridPower > capacity) {
        throw invalidInput(
          `tasks[${i}].maxFeedGridPower`,
          `must be at most the capacity of plant ${t.plantCode} (${capacity} kWp)`,
        );
      }
    }
  },
  toBody: (p) => ({
    tasks: p.tasks.map((t) => {
      const out: Record<string, unknown> = { plantCode: t.plantCode };
      if (t.maxFeedGridPower !== undefined) out.maxFeedGridPower = t.maxFeedGridPower;
      if (t.activePowerVariationGradient !== undefined)
        out.activePowerVariationGradient = t.activePowerVariationGradient;
      return out;
    }),
  }),
  normalise(data) {
    if (!isObject(data)) return data;
    normaliseRecord(data, { strings: ['requestId'] });
    data.tasks = normaliseList(data.tasks, { strings: ['plantCode'], numbers: ['result'] }, (t) => {
      const text = resultMessage(t.result);
      if (text) t.resultMessage = text;
    });
    return data;
  },
  items: (result) => (isObject(result) ? listOf(result.tasks) : []),
  topicKey: 'plantCode',
  failures: (result) => (isObject(result) ? failedBy('result')(result.tasks) : []),
  itemCount: (result) => (isObject(result) ? countItems(result.tasks) : 0),
});

const defaultStatusParams = z
  .object({
    requestId: required(taskIdText),
    plantCodes: optional(codeList()),
  })
  .strict();

export const defaultSettingStatus = defineOperation<z.infer<typeof defaultStatusParams>>({
  name: 'defaultSettingStatus',
  endpoint: 'vpp/plantDefaultSettingStatus',
  section: '9.6.1.4',
  summary: 'Status of a plant default task per plant ("0" executing, "1" successful, "2" failed).',
  changesDevices: false,
  quota: VPP_QUOTA,
  params: defaultStatusParams,
  fields: ['requestId', 'plantCodes'],
  normalise: (data) =>
    normaliseList(data, {
      strings: ['plantCode', 'status', 'receivedTime', 'appliedTime'],
      numbers: ['maxFeedGridPower', 'activePowerVariationGradient'],
    }),
  topicKey: 'plantCode',
});
