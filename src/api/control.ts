import { emsMode, inverterPower, setDod } from './control-devices';
import { chargeDischarge, chargeDischargeStatus } from './control-dispatch';
import { drm, drmStatus } from './control-drm';
import { defaultSetting, defaultSettingStatus } from './control-grid';

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

export { TRACKING } from './control-track-specs';
export { track, type TrackEvent } from './control-tracking';
export { nextRequestId } from './request-id';
export { settle } from './control-results';
