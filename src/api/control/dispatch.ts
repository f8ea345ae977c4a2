import { TRACK_OPTION } from './options';
import { z } from 'zod';
import { choice, commandList, decimal, optional, required, requestIdInput, wholeNumber } from './params';
import { COMMAND_QUOTA, countItems, failedBy, normaliseList } from './results';
import { nextRequestId } from './request-id';
import { defineOperation, type Params } from '../core/types';

/** 9.3.4 / 9.3.5: forced charge and discharge of the plants' batteries, and its task status. */

const FORCED = [1, 2];

const chargeParams = z
  .object({
    plantCodes: required(commandList(100, 'plant')),
    dispatchSwitch: required(choice([0, 1, 2] as const)),
    controlType: optional(choice([1, 2] as const)),
    targetSOC: optional(decimal(0, 100, 6)),
    dispatchTime: optional(wholeNumber(0, 1440)),
    powerDispatch: optional(wholeNumber(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
    requestID: optional(requestIdInput),
  })
  .strict()
  .superRefine((p, ctx) => {
    // Stopping (0) ignores the control fields, so a node set up for charging can still stop.
    if (!FORCED.includes(p.dispatchSwitch)) return;
    const issue = (path: string, message: string): void => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.controlType === undefined)
      issue('controlType', 'is required for forced charge or discharge (1 SOC control, 2 duration control)');
    // The reference says when each is mandatory, never that the other is forbidden: extras are sent as given.
    if (p.controlType === 1 && p.targetSOC === undefined)
      issue('targetSOC', 'is required with SOC control (controlType 1)');
    if (p.controlType === 2 && p.dispatchTime === undefined)
      issue('dispatchTime', 'is required with duration control (controlType 2)');
    if (p.powerDispatch !== undefined) {
      if (p.dispatchSwitch === 1 && p.powerDispatch <= 0)
        issue('powerDispatch', 'must be greater than 0 W for forced charge (dispatchSwitch 1)');
      if (p.dispatchSwitch === 2 && p.powerDispatch >= 0)
        issue('powerDispatch', 'must be less than 0 W for forced discharge (dispatchSwitch 2)');
    }
  })
  .transform((p) => ({ ...p, requestID: p.requestID ?? nextRequestId() }));

type ChargeParams = z.infer<typeof chargeParams>;

function chargeBody(p: ChargeParams): Params {
  const body: Params = { plantCodes: p.plantCodes.join(','), dispatchSwitch: p.dispatchSwitch, requestID: p.requestID };
  if (!FORCED.includes(p.dispatchSwitch)) return body;
  body.controlType = p.controlType;
  if (p.targetSOC !== undefined) body.targetSOC = p.targetSOC;
  if (p.dispatchTime !== undefined) body.dispatchTime = p.dispatchTime;
  if (p.powerDispatch !== undefined) body.powerDispatch = p.powerDispatch;
  return body;
}

const subtaskSpec = { strings: ['plantCode', 'sn', 'remoteID'], aliases: { remoteId: 'remoteID' } } as const;

export const chargeDischarge = defineOperation<ChargeParams>({
  name: 'chargeDischarge',
  endpoint: 'vpp/chargeAndDischarge',
  section: '9.3.4',
  summary: 'Forced charge or discharge of the batteries of up to 100 plants, by target SOC or duration.',
  changesDevices: true,
  quota: COMMAND_QUOTA,
  params: chargeParams,
  fields: ['plantCodes', 'dispatchSwitch', 'controlType', 'targetSOC', 'dispatchTime', 'powerDispatch', 'requestID'],
  options: TRACK_OPTION,
  toBody: chargeBody,
  // Each item carries the requestID so a flow (or one message per plant) can query the task later.
  normalise: (data, p) =>
    normaliseList(data, { ...subtaskSpec, numbers: ['dispatchResult'] }, (item) => {
      item.requestID = p.requestID;
    }),
  topicKey: 'plantCode',
  failures: failedBy('dispatchResult'),
  itemCount: countItems,
});

const statusParams = z.object({ requestID: required(requestIdInput) }).strict();

export const chargeDischargeStatus = defineOperation<z.infer<typeof statusParams>>({
  name: 'chargeDischargeStatus',
  endpoint: 'vpp/chargeAndDischargeStatus',
  section: '9.3.5',
  summary: 'Status of each subtask of a charge/discharge task (0 complete, 1 in progress, 2 timed out or failed).',
  changesDevices: false,
  quota: COMMAND_QUOTA,
  params: statusParams,
  fields: ['requestID'],
  // The reference documents execStartTime/execEndTime; its second example says startTime/endTime.
  normalise: (data) =>
    normaliseList(data, {
      strings: [...subtaskSpec.strings, 'message', 'execStartTime', 'execEndTime'],
      numbers: ['status', 'chargedCapacity', 'dischargedCapacity'],
      aliases: { ...subtaskSpec.aliases, startTime: 'execStartTime', endTime: 'execEndTime' },
    }),
  topicKey: 'plantCode',
});
