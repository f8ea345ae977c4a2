import { plantKey, unit } from '../physics';
import type { JsonObject } from '../types';
import type { Ctx, Moment } from './context';
import { registersAt } from './counters';
import { T, type V6Device } from './devices';
import { code, outAll } from './values';

/**
 * 6.2.6 grid meter (17) and power sensor (47) at the grid connection: active power > 0 is
 * fed into the grid; `active_cap` counts the energy drawn from the grid, `reverse_active_cap`
 * what was fed in. The grid meter sends kW as the reference says, in quirks mode W as
 * 24.7.0 changed it; the power sensor always W.
 */

function gridKw(m: Moment): number {
  return m.plantPv + m.bats.reduce((s, b) => s + b.power, 0) - m.load;
}

export function gridMap(ctx: Ctx, d: V6Device, m: Moment): JsonObject {
  const { sim } = ctx;
  const plant = d.plant;
  const kw = gridKw(m);
  const reg = registersAt(ctx, plant, m.live ? m.slot - 1 : m.slot);
  const noise = (salt: number): number => unit(sim.options.seed, plantKey(plant), m.slot, 17, salt);
  const v = (base: number, salt: number): number => base * (0.985 + 0.03 * noise(salt));
  const q = kw * 0.05;
  const pf = Math.abs(kw) > 1e-3 ? Math.abs(kw) / Math.hypot(kw, q) : 1;
  if (d.devTypeId === T.powerSensor) {
    const u = v(230, 1);
    return {
      ...outAll(sim, plant, {
        meter_u: u,
        meter_i: (Math.abs(kw) * 1000) / u,
        active_power: kw * 1000,
        reactive_power: q * 1000,
        power_factor: pf,
        grid_frequency: 49.97 + noise(2) * 0.06,
        active_cap: reg.import,
        reverse_active_cap: reg.export,
      }),
      meter_status: code(sim, plant, 1),
      run_state: code(sim, plant, 1),
    };
  }
  const watts = sim.options.quirks;
  const p = (x: number): number => (watts ? x * 1000 : x);
  const phaseI = (Math.abs(kw) * 1000) / (3 * 230);
  const tariffs: Record<string, null> = {};
  for (const dir of ['positive', 'reverse'])
    for (const kind of ['active', 'reactive'])
      for (const band of ['peak', 'power', 'valley', 'top']) tariffs[`${dir}_${kind}_${band}`] = null;
  return {
    ...outAll(sim, plant, {
      ab_u: v(400, 3),
      bc_u: v(400, 4),
      ca_u: v(400, 5),
      a_u: v(230, 6),
      b_u: v(230, 7),
      c_u: v(230, 8),
      a_i: phaseI,
      b_i: phaseI,
      c_i: phaseI,
      active_power: p(kw),
      active_power_a: kw / 3,
      active_power_b: kw / 3,
      active_power_c: kw / 3,
      reactive_power: q,
      reactive_power_a: q / 3,
      reactive_power_b: q / 3,
      reactive_power_c: q / 3,
      power_factor: pf,
      total_apparent_power: Math.hypot(kw, q),
      grid_frequency: 49.97 + noise(9) * 0.06,
      active_cap: reg.import,
      reverse_active_cap: reg.export,
      forward_reactive_cap: reg.import * 0.05,
      reverse_reactive_cap: reg.export * 0.05,
      // Tariff registers stay empty unless a tariff is configured on the meter.
      ...tariffs,
    }),
    run_state: code(sim, plant, 1),
  };
}
