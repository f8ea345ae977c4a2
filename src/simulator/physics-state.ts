import type { SimDevice, SimPlant } from './fleet';
import { slotLoad, slotOf, slotPv } from './physics';
import { advance, batteriesOf, batteryState, limitsOf, slotBatteries } from './physics-battery';
import type { Simulator } from './server';

/**
 * The plant as a whole at one moment: what real-time KPI reports and what battery dispatch
 * (control node) reads before and after a command.
 */

export interface PlantState {
  slot: number;
  pvPower: number;
  loadPower: number;
  /** > 0 discharging, < 0 charging, kW. */
  batteryPower: number;
  /** > 0 feeding the grid, < 0 drawing from it, kW. */
  meterPower: number;
  batterySOC: number | null;
  batteryDOD: number | null;
}

function weighted(bats: SimDevice[], value: (b: SimDevice) => number): number | null {
  const weight = bats.reduce((s, b) => s + limitsOf(b).kwh, 0);
  if (bats.length === 0 || weight <= 0) return null;
  return Math.round((bats.reduce((s, b) => s + value(b) * limitsOf(b).kwh, 0) / weight) * 10) / 10;
}

/** The plant at time `t` (now or later): powers of the running slot and the live SOC. */
export function plantState(sim: Simulator, plant: SimPlant, t: number): PlantState {
  const slot = slotOf(t);
  advance(sim, plant, slot);
  const seed = sim.options.seed;
  const pv = slotPv(seed, plant, slot);
  const load = slotLoad(seed, plant, slot);
  const bats = batteriesOf(plant);
  const res = slotBatteries(sim, plant, slot, bats.map((b) => b.soc ?? 50), batteryState(sim).policies);
  const batteryPower = Math.round(res.reduce((s, r) => s + r.power, 0) * 1000) / 1000;
  return {
    slot,
    pvPower: pv,
    loadPower: load,
    batteryPower,
    meterPower: Math.round((pv + batteryPower - load) * 1000) / 1000,
    batterySOC: weighted(bats, (b) => b.soc ?? 50),
    batteryDOD: weighted(bats, (b) => b.dod ?? 90),
  };
}
