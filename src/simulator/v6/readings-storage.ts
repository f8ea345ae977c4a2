import { dayStartSlot, localDay, plantKey, unit } from '../physics';
import { batteriesOf, limitsOf } from '../physics-battery';
import { drivesOf } from '../physics-live';
import type { JsonObject } from '../types';
import { sumThrough, type Ctx, type Moment } from './context';
import { T, type V6Device } from './devices';
import { code, outAll } from './values';

/**
 * 6.2.6 residential battery (39) and C&I ESS (41), read from the V7 physics: the same SOC
 * and power as V7's real-time KPI and its battery commands. `ch_discharge_power` is W,
 * > 0 charging; `ch_discharge_model` 1 while a forced charge or discharge runs, else 4.
 */

export function storageMap(ctx: Ctx, d: V6Device, m: Moment): JsonObject {
  const { sim } = ctx;
  const plant = d.plant;
  const bats = batteriesOf(plant);
  const i = d.dev ? bats.indexOf(d.dev) : -1;
  const b = m.bats[i];
  const dev = d.dev;
  if (!b || !dev) return {};
  const { maxKw } = limitsOf(dev);
  const chargeW = -b.power * 1000;
  const today = sumThrough(ctx, plant, dayStartSlot(plant, localDay(plant, m.t)), m.live ? m.slot - 1 : m.slot);
  const soh = 98.5 + unit(sim.options.seed, plantKey(plant), i, 39) * 1.5;
  const base = {
    ch_discharge_power: chargeW,
    battery_soc: b.soc,
    battery_soh: soh,
    charge_cap: today.charge[i] ?? 0,
    discharge_cap: today.discharge[i] ?? 0,
  };
  if (d.devTypeId === T.ess) return { ...outAll(sim, plant, base, 3), run_state: code(sim, plant, 1) };
  const forced = (drivesOf(sim)(dev.dn) ?? []).some((x) => x.from <= m.t && m.t < x.until);
  return {
    ...outAll(sim, plant, {
      ...base,
      max_charge_power: maxKw * 1000,
      max_discharge_power: maxKw * 1000,
      busbar_u: 360 + b.soc * 0.8,
    }),
    battery_status: code(sim, plant, Math.abs(chargeW) > 1 ? 2 : 1),
    ch_discharge_model: code(sim, plant, forced ? 1 : 4),
    run_state: code(sim, plant, 1),
  };
}
