import type { Simulator } from '../server';
import type { SimDevice } from '../fleet';
import { causeOff, DRM, scheduleInverter, SWITCH } from '../physics-inverters';
import { controlState } from './control-state';

/**
 * An inverter as the control interfaces set it: switched off by 9.3.7, or stopped by a DRM
 * setting (drm0 shut down, drm5 no output) once that setting has been applied. Both are
 * kept in the plant physics' timeline (physics-inverters.ts), so the device's `off`, its
 * PV in real time and history follow them from the moment they take effect.
 */
export interface InverterModel {
  powerOff: boolean;
  drm?: { off: boolean; at: number };
}

export function inverterModel(sim: Simulator, dev: SimDevice): InverterModel {
  const state = controlState(sim);
  const known = state.inverters.get(dev.dn);
  if (known) return known;
  let drm: InverterModel['drm'];
  const m: InverterModel = {
    get powerOff() {
      return causeOff(sim, dev, SWITCH, sim.clock.now());
    },
    set powerOff(v: boolean) {
      scheduleInverter(sim, dev, SWITCH, sim.clock.now(), v === true);
    },
    get drm() {
      return drm;
    },
    // A new setting replaces the last one at once; it stops the inverter when it applies.
    set drm(v) {
      drm = v;
      scheduleInverter(sim, dev, DRM, sim.clock.now(), false);
      if (v) scheduleInverter(sim, dev, DRM, v.at, v.off);
    },
  };
  state.inverters.set(dev.dn, m);
  return m;
}
