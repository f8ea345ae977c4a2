import type { SimDevice, SimPlant } from './fleet';
import { slotLoad, slotOf, slotPv } from './physics';
import { batteriesOf, limitsOf } from './physics-battery';
import { pvShare } from './physics-inverters';
import { advance, batteryFlows } from './physics-live';
import type { Simulator } from './server';

/**
 * The plant as a whole at one moment, as real-time KPI reports it: PV of the running slot
 * less what stopped inverters would make, the load, and the batteries' power and SOC now
 * (dispatch included).
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

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

function weighted(bats: SimDevice[], value: (b: SimDevice, i: number) => number): number | null {
  const weight = bats.reduce((s, b) => s + limitsOf(b).kwh, 0);
  if (bats.length === 0 || weight <= 0) return null;
  return Math.round((bats.reduce((s, b, i) => s + value(b, i) * limitsOf(b).kwh, 0) / weight) * 10) / 10;
}

/** The plant at time `t` (now or later). */
export function plantState(sim: Simulator, plant: SimPlant, t: number): PlantState {
  const slot = slotOf(t);
  const socs = advance(sim, plant, t)?.cur.socs ?? [];
  const seed = sim.options.seed;
  const pv = round3(slotPv(seed, plant, slot) * pvShare(sim, plant, t));
  const load = slotLoad(seed, plant, slot);
  const bats = batteriesOf(plant);
  const batteryPower = round3(batteryFlows(sim, plant, t).reduce((s, p) => s + p, 0));
  return {
    slot,
    pvPower: pv,
    loadPower: load,
    batteryPower,
    meterPower: round3(pv + batteryPower - load),
    batterySOC: weighted(bats, (_b, i) => socs[i] ?? 50),
    batteryDOD: weighted(bats, (b) => b.dod ?? 90),
  };
}
