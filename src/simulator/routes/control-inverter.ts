import type { Simulator } from '../server';
import type { SimDevice } from '../fleet';
import { controlState } from './control-state';

/**
 * An inverter's `off` as the real-time routes read it: switched off by 9.3.7, or stopped by a
 * DRM setting (drm0 shut down, drm5 no output) once that setting has been applied.
 */
export interface InverterModel {
  powerOff: boolean;
  drm?: { off: boolean; at: number };
}

export function inverterModel(sim: Simulator, dev: SimDevice): InverterModel {
  const state = controlState(sim);
  const known = state.inverters.get(dev.dn);
  if (known) return known;
  const m: InverterModel = { powerOff: dev.off === true };
  state.inverters.set(dev.dn, m);
  Object.defineProperty(dev, 'off', {
    enumerable: true,
    configurable: true,
    get: () => m.powerOff || (!!m.drm && m.drm.off && sim.clock.now() >= m.drm.at),
    set: (v: boolean) => {
      m.powerOff = v === true;
    },
  });
  return m;
}
