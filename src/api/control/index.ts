import { emsMode, inverterPower, setDod } from './devices';
import { chargeDischarge, chargeDischargeStatus } from './dispatch';
import { drm, drmStatus } from './drm';
import { defaultSetting, defaultSettingStatus } from './grid';

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
