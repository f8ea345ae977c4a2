import { DEV, type SimDevice, type SimPlant } from './fleet';
import { dayStartSlot, localDay, plantKey, SLOT_MS, SLOTS_PER_DAY, slotLoad, slotPv, unit } from './physics';
import type { Simulator } from './server';

/**
 * Batteries: self-consumption by default (PV surplus charges, deficit discharges) within
 * power and SOC limits. The live SOC is the battery device's `soc`, advanced slot by slot
 * up to the simulator's clock; the last two days of slots are kept so history agrees with
 * what real time showed. Older history runs the same model over the plant day from a seeded
 * morning SOC.
 *
 * Extension point for battery dispatch (control node, issue 5): `setBatteryPolicy` installs
 * a policy that decides a battery's power for each live slot (kW, > 0 discharge, < 0
 * charge; undefined leaves the slot to self-consumption). Limits still apply. A command may
 * also set the device's `soc` directly; `plantState` (physics-state.ts) reads it.
 */

export interface BatterySlot {
  plant: SimPlant;
  battery: SimDevice;
  slot: number;
  /** Slot start, epoch ms. */
  start: number;
  soc: number;
  pv: number;
  load: number;
}
export type BatteryPolicy = (s: BatterySlot) => number | undefined;

/** One battery over one slot: average power (kW, > 0 discharging) and SOC at the slot's end. */
export interface SlotBattery {
  power: number;
  soc: number;
}

interface Track {
  /** Next slot to integrate. */
  slot: number;
  trail: Map<number, SlotBattery[]>;
}

export interface BatteryState {
  tracks: Map<string, Track>;
  policies: Map<string, BatteryPolicy>;
}

const TRAIL_SLOTS = 2 * SLOTS_PER_DAY;

export function batteryState(sim: Simulator): BatteryState {
  let s = sim.state.get('plant-data.battery') as BatteryState | undefined;
  if (!s) {
    s = { tracks: new Map(), policies: new Map() };
    sim.state.set('plant-data.battery', s);
  }
  return s;
}

export function setBatteryPolicy(sim: Simulator, dn: string, policy: BatteryPolicy | undefined): void {
  if (policy) batteryState(sim).policies.set(dn, policy);
  else batteryState(sim).policies.delete(dn);
}

export function batteriesOf(plant: SimPlant): SimDevice[] {
  return plant.devices.filter((d) => d.deviceTypeId === DEV.battery);
}

export function limitsOf(b: SimDevice): { maxKw: number; kwh: number; socMin: number } {
  const kwh = b.usableCapacity ?? b.ratedCapacity ?? 5;
  return { maxKw: (b.ratedCapacity ?? kwh) / 2, kwh, socMin: 100 - (b.dod ?? 90) };
}

/** Applies the limits to a wanted power over one slot. */
function step(b: SimDevice, soc: number, wantKw: number): SlotBattery {
  const { maxKw, kwh, socMin } = limitsOf(b);
  let p = Math.max(-maxKw, Math.min(maxKw, wantKw));
  if (p < 0) p = Math.max(p, (-Math.max(0, 100 - soc) / 100) * kwh * 12);
  else p = Math.min(p, (Math.max(0, soc - socMin) / 100) * kwh * 12);
  p = Math.round(p * 1000) / 1000;
  return { power: p, soc: Math.min(100, Math.max(0, soc - (p / 12 / kwh) * 100)) };
}

/** Every battery of the plant over one slot, in turn, sharing what PV and load leave. */
export function slotBatteries(sim: Simulator, plant: SimPlant, slot: number, socs: number[], policies?: Map<string, BatteryPolicy>): SlotBattery[] {
  const seed = sim.options.seed;
  const pv = slotPv(seed, plant, slot);
  const load = slotLoad(seed, plant, slot);
  let net = pv - load;
  return batteriesOf(plant).map((battery, i) => {
    const wanted = policies?.get(battery.dn)?.({ plant, battery, slot, start: slot * SLOT_MS, soc: socs[i], pv, load });
    const r = step(battery, socs[i], wanted ?? -net);
    net += r.power;
    return r;
  });
}

/** Integrates the live batteries of a plant up to (not including) `toSlot`. */
export function advance(sim: Simulator, plant: SimPlant, toSlot: number): void {
  const bats = batteriesOf(plant);
  if (bats.length === 0) return;
  const st = batteryState(sim);
  let track = st.tracks.get(plant.plantCode);
  if (!track) {
    track = { slot: toSlot, trail: new Map() };
    st.tracks.set(plant.plantCode, track);
  }
  // After a long jump of the clock only the last two days matter: SOC carries the rest.
  for (let k = Math.max(track.slot, toSlot - TRAIL_SLOTS); k < toSlot; k++) {
    const res = slotBatteries(sim, plant, k, bats.map((b) => b.soc ?? 50), st.policies);
    res.forEach((r, i) => (bats[i].soc = r.soc));
    track.trail.set(k, res);
  }
  track.slot = Math.max(track.slot, toSlot);
  for (const k of track.trail.keys()) {
    if (k >= toSlot - TRAIL_SLOTS) break;
    track.trail.delete(k);
  }
}

/** Battery slots for history: what real time saw when recent, else the day model. */
export function historyBatteries(sim: Simulator, plant: SimPlant, slot: number, memo: Map<string, SlotBattery[][]>): SlotBattery[] {
  const bats = batteriesOf(plant);
  if (bats.length === 0) return [];
  const seen = batteryState(sim).tracks.get(plant.plantCode)?.trail.get(slot);
  if (seen) return seen;
  const day = localDay(plant, slot * SLOT_MS);
  const first = dayStartSlot(plant, day);
  const key = `${plant.plantCode}|${day}`;
  let run = memo.get(key);
  if (!run) {
    run = [];
    let socs = bats.map((b, i) => {
      const { socMin } = limitsOf(b);
      return socMin + (100 - socMin) * (0.2 + 0.6 * unit(sim.options.seed, plantKey(plant), day, 4 + i));
    });
    for (let i = 0; i < SLOTS_PER_DAY; i++) {
      const res = slotBatteries(sim, plant, first + i, socs);
      run.push(res);
      socs = res.map((r) => r.soc);
    }
    memo.set(key, run);
  }
  return run[slot - first];
}
