import type { Simulator } from '../server';
import type { SimQuota } from '../types';
import { dod, devOnOff, ems } from './control-devices';
import { chargeAndDischarge, chargeAndDischargeStatus } from './control-dispatch';
import { drm, drmStatus } from './control-drm';
import { plantDefaultSetting, plantDefaultSettingStatus } from './control-grid';

/** 9.3.4-9.3.8 and 9.6.1.3/4/6/7 with their documented per-user limits. */

const MINUTE = 60_000;
/** 9.3.4-9.3.8: once per minute. */
const ONCE_A_MINUTE: SimQuota[] = [{ count: 1, windowMs: MINUTE }];
/** 9.6.1.x: 10 a minute (407); the 1000 a day answer 20618 in the handlers. */
const TEN_A_MINUTE: SimQuota[] = [{ count: 10, windowMs: MINUTE }];

export function registerControl(sim: Simulator): void {
  sim.route('vpp/chargeAndDischarge', chargeAndDischarge, { quota: ONCE_A_MINUTE, command: true });
  sim.route('vpp/chargeAndDischargeStatus', chargeAndDischargeStatus, { quota: ONCE_A_MINUTE });
  sim.route('vpp/dod', dod, { quota: ONCE_A_MINUTE, command: true });
  sim.route('vpp/devOnOff', devOnOff, { quota: ONCE_A_MINUTE, command: true });
  sim.route('vpp/ems', ems, { quota: ONCE_A_MINUTE, command: true });
  sim.route('vpp/plantDefaultSetting', plantDefaultSetting, { quota: TEN_A_MINUTE, command: true });
  sim.route('vpp/plantDefaultSettingStatus', plantDefaultSettingStatus, { quota: TEN_A_MINUTE });
  sim.route('vpp/drm', drm, { quota: TEN_A_MINUTE, command: true });
  sim.route('vpp/drmStatus', drmStatus, { quota: TEN_A_MINUTE });
}
