import { dayStartSlot, localDay, plantKey, unit } from '../physics';
import type { JsonObject } from '../types';
import { sumThrough, type Ctx, type Moment } from './context';
import { irradianceOf } from './flows';
import type { V6Device } from './devices';
import { code, outAll } from './values';

/** 6.2.6 EMI (10): the irradiance the plant's PV follows, temperatures and wind. */
export function emiMap(ctx: Ctx, d: V6Device, m: Moment): JsonObject {
  const { sim } = ctx;
  const plant = d.plant;
  const irr = irradianceOf(sim, plant, m.slot);
  const noise = (salt: number): number => unit(sim.options.seed, plantKey(plant), m.slot, 10, salt);
  const today = sumThrough(ctx, plant, dayStartSlot(plant, localDay(plant, m.t)), m.live ? m.slot - 1 : m.slot);
  const ambient = 12 + irr / 80 + noise(1) * 2;
  // kWh/m² to MJ/m²: x 3.6.
  const total = today.irradiation * 3.6;
  return {
    ...outAll(sim, plant, {
      temperature: ambient,
      pv_temperature: ambient + irr / 35,
      wind_speed: 1 + noise(2) * 5,
      wind_direction: Math.floor(noise(3) * 360),
      radiant_total: total,
      radiant_line: irr,
      horiz_radiant_line: irr * 0.88,
      horiz_radiant_total: total * 0.88,
    }),
    run_state: code(sim, plant, 1),
  };
}
