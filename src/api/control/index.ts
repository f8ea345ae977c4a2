import { emsMode, inverterPower, setDod } from './devices';
import { chargeDischarge, chargeDischargeStatus } from './dispatch';
import { drm, drmStatus } from './drm';
import { defaultSetting, defaultSettingStatus } from './grid';
import { commandStatus, runCommand } from './command';
import { withWorkflow } from '../core/types';

// Every command runs as a workflow (per-item outcome; three of them can be tracked). Set
// here because the tracker reads the status operations of the modules that define them.
for (const op of [chargeDischarge, setDod, inverterPower, emsMode, defaultSetting, drm]) {
  withWorkflow(op, { workflow: (p, o, ctx) => runCommand(op, p, o, ctx), status: (r) => commandStatus(op, r) });
}
for (const op of [chargeDischargeStatus, defaultSettingStatus, drmStatus])
  withWorkflow(op, { status: (r) => commandStatus(op, r) });

/** The operations of the fusionsolar-control node, in the editor's order. */
export const CONTROL_OPERATIONS = [
  chargeDischarge,
  chargeDischargeStatus,
  setDod,
  inverterPower,
  emsMode,
  defaultSetting,
  defaultSettingStatus,
  drm,
  drmStatus,
] as const;

export { TRACKING } from './track-specs';
export { track, type TrackEvent } from './tracking';
export { nextRequestId } from './request-id';
export { settle } from './results';
export { emsMode, inverterPower, setDod } from './devices';
export { chargeDischarge, chargeDischargeStatus } from './dispatch';
export { drm, drmStatus } from './drm';
export { defaultSetting, defaultSettingStatus } from './grid';
