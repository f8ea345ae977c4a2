import type { SimPlant } from '../fleet';
import { SLOT_MS, SLOTS_PER_DAY, slotLoad, slotOf, slotPv } from '../physics';
import type { SlotBattery } from '../physics-battery';
import { advance, batteryFlows, historyBatteries } from '../physics-live';
import { livePv, pvShare } from '../physics-inverters';
import type { Simulator } from '../server';
import { add, empty, slotFlows, type Flows } from './flows';

/**
 * What one request reads of a plant at one moment: the running slot for real time, a
 * completed slot for history. Battery day models and running sums are kept for the
 * request, so a history of 864 rows does not redo a day for each.
 */

export interface Ctx {
  sim: Simulator;
  now: number;
  memo: Map<string, SlotBattery[][]>;
  prefixes: Map<string, Flows[]>;
  /** Plant energies of this request, per plant and time. */
  energy: Map<string, { energy: { dayEnergy: number; monthEnergy: number; totalEnergy: number }; today: number }>;
}

export interface Moment {
  /** The reading's time: now, or the slot's start. */
  t: number;
  slot: number;
  live: boolean;
  /** Plant PV with every inverter running, kW. */
  pv: number;
  /** Plant PV less stopped inverters, kW. */
  plantPv: number;
  load: number;
  /** Per battery: kW (> 0 discharging) and SOC, %. */
  bats: { power: number; soc: number }[];
}

export function newCtx(sim: Simulator, now: number): Ctx {
  return { sim, now, memo: new Map(), prefixes: new Map(), energy: new Map() };
}

export function liveMoment(ctx: Ctx, plant: SimPlant): Moment {
  const { sim, now } = ctx;
  const slot = slotOf(now);
  const pv = slotPv(sim.options.seed, plant, slot);
  const socs = advance(sim, plant, now)?.cur.socs ?? [];
  const flows = batteryFlows(sim, plant, now);
  return {
    t: now,
    slot,
    live: true,
    pv,
    plantPv: pv * pvShare(sim, plant, now),
    load: slotLoadOf(sim, plant, slot),
    bats: flows.map((power, i) => ({ power, soc: socs[i] ?? 50 })),
  };
}

export function slotMoment(ctx: Ctx, plant: SimPlant, slot: number): Moment {
  const { sim } = ctx;
  const bats: SlotBattery[] = historyBatteries(sim, plant, slot, ctx.memo);
  return {
    t: slot * SLOT_MS,
    slot,
    live: false,
    pv: slotPv(sim.options.seed, plant, slot),
    plantPv: livePv(sim, plant, slot),
    load: slotLoadOf(sim, plant, slot),
    bats: bats.map((b) => ({ power: b.power, soc: b.soc })),
  };
}

function slotLoadOf(sim: Simulator, plant: SimPlant, slot: number): number {
  return slotLoad(sim.options.seed, plant, slot);
}

/** Completed slots never change once the live track has passed them: their sums are kept between requests. */
const KEPT = 'v6.prefixes';
const KEPT_MAX = 50_000;

function kept(sim: Simulator): Map<string, Flows[]> {
  let m = sim.state.get(KEPT) as Map<string, Flows[]> | undefined;
  if (!m || m.size > KEPT_MAX) {
    m = new Map();
    sim.state.set(KEPT, m);
  }
  return m;
}

/**
 * Running sums over the completed slots of the 288 from `first`: entry i covers first..first+i.
 * A poll adds only the slots completed since the last one, so a day of 5-minute polls of a
 * large fleet costs each slot once instead of once per poll.
 */
export function prefixOf(ctx: Ctx, plant: SimPlant, first: number): Flows[] {
  const key = `${plant.plantCode}|${first}`;
  let p = ctx.prefixes.get(key);
  if (!p) {
    advance(ctx.sim, plant, ctx.now);
    const shared = kept(ctx.sim);
    p = shared.get(key) ?? [];
    const last = Math.min(first + SLOTS_PER_DAY, slotOf(ctx.now));
    if (first + p.length < last) {
      // A new array: a request still holding the old one keeps the slots of its own moment.
      p = [...p];
      let acc = p[p.length - 1] ?? empty(plant);
      for (let k = first + p.length; k < last; k++) {
        acc = add(acc, slotFlows(ctx.sim, plant, k, ctx.memo));
        p.push(acc);
      }
      shared.set(key, p);
    }
    ctx.prefixes.set(key, p);
  }
  return p;
}

/** Sum of the completed slots from `first` through `slot` (empty when `slot` < `first`). */
export function sumThrough(ctx: Ctx, plant: SimPlant, first: number, slot: number): Flows {
  if (slot < first) return empty(plant);
  const p = prefixOf(ctx, plant, first);
  return p[Math.min(slot - first, p.length - 1)] ?? empty(plant);
}
