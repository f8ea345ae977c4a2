import { DEV, type SimDevice, type SimPlant } from './fleet';
import { dayStartSlot, localDay, plantKey, SLOT_MS, SLOTS_PER_DAY, slotLoad, slotOf, slotPv, unit } from './physics';
import {
  batteriesOf,
  flowsAt,
  integrate,
  limitsOf,
  type BatteryDrive,
  type Cursor,
  type Drives,
  type SlotBattery,
} from './physics-battery';
import { attachInverter, pvShare } from './physics-inverters';
import type { Simulator } from './server';

/**
 * The live batteries: one integration per plant, advanced to the simulator's clock whenever
 * anything reads it (real time, history, a battery's `soc` or `power`, a dispatch command).
 * The last two days of completed slots are kept so history shows what real time showed,
 * dispatches included. Older history runs the same model over the plant day from a seeded
 * morning SOC. Battery dispatch (control routes) starts and ends drives here.
 */

interface Track {
  cur: Cursor;
  trail: Map<number, SlotBattery[]>;
}

interface LiveState {
  tracks: Map<string, Track>;
  drives: Map<string, BatteryDrive[]>;
  /** SOC each battery had when the physics took it over. */
  initial: WeakMap<SimDevice, number>;
  attached: WeakSet<SimPlant>;
}

const TRAIL_SLOTS = 2 * SLOTS_PER_DAY;
const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;

function liveState(sim: Simulator): LiveState {
  let s = sim.state.get('physics.live') as LiveState | undefined;
  if (!s) {
    s = { tracks: new Map(), drives: new Map(), initial: new WeakMap(), attached: new WeakSet() };
    sim.state.set('physics.live', s);
  }
  return s;
}

export function drivesOf(sim: Simulator): Drives {
  const drives = liveState(sim).drives;
  return (dn) => drives.get(dn);
}

/**
 * Hands a plant's devices to the physics: a battery's `soc` (percent) and `power` (kW,
 * charging > 0, as the fleet documents it) and an inverter's `off` become live readings.
 */
export function attachPlant(sim: Simulator, plant: SimPlant): void {
  const s = liveState(sim);
  if (s.attached.has(plant)) return;
  s.attached.add(plant);
  for (const d of plant.devices) if (d.deviceTypeId === DEV.inverter) attachInverter(sim, d);
  batteriesOf(plant).forEach((b, i) => {
    s.initial.set(b, b.soc ?? 50);
    Object.defineProperty(b, 'soc', {
      enumerable: true,
      configurable: true,
      get: () => advance(sim, plant, sim.clock.now())?.cur.socs[i] ?? 50,
      // Set from outside (a test, an operator): the battery is now there.
      set: (v: number) => {
        const track = advance(sim, plant, sim.clock.now());
        if (track) track.cur.socs[i] = Math.min(100, Math.max(0, v));
      },
    });
    Object.defineProperty(b, 'power', {
      enumerable: true,
      configurable: true,
      get: () => round(0 - (batteryFlows(sim, plant, sim.clock.now())[i] ?? 0), 3),
      set: () => undefined,
    });
  });
}

/** Integrates the plant's live batteries up to `t`; undefined for a plant without batteries. */
export function advance(sim: Simulator, plant: SimPlant, t: number): Track | undefined {
  attachPlant(sim, plant);
  const bats = batteriesOf(plant);
  if (bats.length === 0) return undefined;
  const s = liveState(sim);
  let track = s.tracks.get(plant.plantCode);
  if (!track) {
    track = {
      cur: { at: t, socs: bats.map((b) => s.initial.get(b) ?? 50), energy: bats.map(() => 0) },
      trail: new Map(),
    };
    s.tracks.set(plant.plantCode, track);
  }
  const { cur, trail } = track;
  // After a long jump of the clock only the last two days matter: the SOC carries the rest.
  const horizon = (slotOf(t) - TRAIL_SLOTS) * SLOT_MS;
  if (cur.at < horizon) {
    cur.at = horizon;
    cur.energy = cur.energy.map(() => 0);
  }
  integrate(sim, plant, bats, cur, t, drivesOf(sim), (slot, res) => trail.set(slot, res));
  for (const k of trail.keys()) {
    if (k >= slotOf(t) - TRAIL_SLOTS) break;
    trail.delete(k);
  }
  return track;
}

/** Each battery's power (kW, > 0 discharging) at `t`. */
export function batteryFlows(sim: Simulator, plant: SimPlant, t: number): number[] {
  const track = advance(sim, plant, t);
  if (!track) return [];
  const slot = slotOf(t);
  const pv = slotPv(sim.options.seed, plant, slot) * pvShare(sim, plant, t);
  return flowsAt(batteriesOf(plant), track.cur.socs, t, pv, slotLoad(sim.options.seed, plant, slot), drivesOf(sim)).map(
    (f) => f.power,
  );
}

/** Starts a forced run of a battery; a drive still running is cut where this one starts. */
export function forceBattery(sim: Simulator, dev: SimDevice, drive: BatteryDrive): BatteryDrive {
  const plant = sim.fleet.plant(dev.plantCode);
  if (plant) advance(sim, plant, drive.from);
  const drives = liveState(sim).drives;
  const list = (drives.get(dev.dn) ?? []).filter((d) => d.until > drive.from - 2 * SLOTS_PER_DAY * SLOT_MS);
  for (const d of list) releaseBattery(d, drive.from);
  list.push(drive);
  drives.set(dev.dn, list);
  return drive;
}

/** Ends a drive at `at` (a stop command, a later task); self-consumption takes over. */
export function releaseBattery(drive: BatteryDrive, at: number): void {
  drive.until = Math.max(drive.from, Math.min(drive.until, at));
}

/** Battery slots for history: what real time saw when recent, else the day model. */
export function historyBatteries(
  sim: Simulator,
  plant: SimPlant,
  slot: number,
  memo: Map<string, SlotBattery[][]>,
): SlotBattery[] {
  const bats = batteriesOf(plant);
  if (bats.length === 0) return [];
  const seen = liveState(sim).tracks.get(plant.plantCode)?.trail.get(slot);
  if (seen) return seen;
  const day = localDay(plant, slot * SLOT_MS);
  const first = dayStartSlot(plant, day);
  const key = `${plant.plantCode}|${day}`;
  let run = memo.get(key);
  if (!run) {
    const socs = bats.map((b, i) => {
      const { socMin } = limitsOf(b);
      return socMin + (100 - socMin) * (0.2 + 0.6 * unit(sim.options.seed, plantKey(plant), day, 4 + i));
    });
    const slots: SlotBattery[][] = [];
    const cur: Cursor = { at: first * SLOT_MS, socs, energy: bats.map(() => 0) };
    integrate(
      sim,
      plant,
      bats,
      cur,
      (first + SLOTS_PER_DAY) * SLOT_MS,
      () => undefined,
      (_k, res) => slots.push(res),
    );
    run = slots;
    memo.set(key, run);
  }
  return run[slot - first];
}
