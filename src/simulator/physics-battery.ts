import { DEV, type SimDevice, type SimPlant } from './fleet';
import { SLOT_MS, slotLoad, slotOf, slotPv } from './physics';
import { nextShareChange, pvShare } from './physics-inverters';
import type { Simulator } from './server';

/**
 * Batteries in continuous time. Without a command a battery follows self-consumption: PV
 * surplus charges it, a deficit discharges it, within its power limit, full charge and the
 * end-of-discharge SOC (100 - DoD). A forced charge or discharge (9.3.4, from the control
 * routes) is a drive: a fixed power from `from` until `until`, stopping at `stopSoc` and
 * idling there until the drive ends. PV and load are constant within a 5-minute slot, so
 * the SOC is piecewise linear: the integrator steps from event to event (slot edge, drive
 * edge, inverter switch, a limit reached) and gives the same result however its calls are
 * split, which is what lets real time, history and task status read one model lazily.
 */

const HOUR = 3_600_000;
/** SOC (percent) within which a limit counts as reached. */
const EPS = 1e-6;

export interface BatteryDrive {
  from: number;
  until: number;
  /** Forced power, kW: > 0 discharging, < 0 charging. */
  kw: number;
  stopSoc: number;
}

/** Drives of a battery by dn, in time order. */
export type Drives = (dn: string) => readonly BatteryDrive[] | undefined;

/** One battery over one slot: average power (kW, > 0 discharging) and SOC at the slot's end. */
export interface SlotBattery {
  power: number;
  soc: number;
}

/** Where an integration stands: SOCs at `at`, energy (kWh, > 0 discharged) of the running slot so far. */
export interface Cursor {
  at: number;
  socs: number[];
  energy: number[];
}

export function batteriesOf(plant: SimPlant): SimDevice[] {
  return plant.devices.filter((d) => d.deviceTypeId === DEV.battery);
}

export function limitsOf(b: SimDevice): { maxKw: number; kwh: number; socMin: number } {
  const kwh = b.usableCapacity ?? b.ratedCapacity ?? 5;
  return { maxKw: (b.ratedCapacity ?? kwh) / 2, kwh, socMin: 100 - (b.dod ?? 90) };
}

function driveAt(list: readonly BatteryDrive[] | undefined, t: number): BatteryDrive | undefined {
  let found: BatteryDrive | undefined;
  for (const d of list ?? []) if (d.from <= t && t < d.until) found = d;
  return found;
}

function nextDriveEdge(list: readonly BatteryDrive[] | undefined, t: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const d of list ?? []) {
    if (d.from > t && d.from < next) next = d.from;
    if (d.until > t && d.until < next) next = d.until;
  }
  return next;
}

interface Flow {
  /** kW, > 0 discharging. */
  power: number;
  /** The SOC the battery stops at while this power lasts. */
  level: number;
}

/** Each battery's power at `t`, in turn, the later ones sharing what PV, load and the earlier ones leave. */
export function flowsAt(
  bats: SimDevice[],
  socs: number[],
  t: number,
  pv: number,
  load: number,
  drives: Drives,
): Flow[] {
  let net = pv - load;
  return bats.map((b, i) => {
    const { maxKw, socMin } = limitsOf(b);
    const d = driveAt(drives(b.dn), t);
    let power = Math.max(-maxKw, Math.min(maxKw, d ? d.kw : -net));
    const ceil = d && d.kw < 0 ? Math.min(100, d.stopSoc) : 100;
    const floor = d && d.kw > 0 ? Math.max(socMin, d.stopSoc) : socMin;
    if ((power < 0 && socs[i] >= ceil - EPS) || (power > 0 && socs[i] <= floor + EPS)) power = 0;
    net += power;
    return { power, level: power < 0 ? ceil : floor };
  });
}

/** Integrates the plant's batteries from `cur.at` to `to`, reporting each slot it completes. */
export function integrate(
  sim: Simulator,
  plant: SimPlant,
  bats: SimDevice[],
  cur: Cursor,
  to: number,
  drives: Drives,
  onSlot?: (slot: number, res: SlotBattery[]) => void,
): void {
  const seed = sim.options.seed;
  while (cur.at < to) {
    const slot = slotOf(cur.at);
    const slotEnd = (slot + 1) * SLOT_MS;
    const pv = slotPv(seed, plant, slot) * pvShare(sim, plant, cur.at);
    const flows = flowsAt(bats, cur.socs, cur.at, pv, slotLoad(seed, plant, slot), drives);
    let end = Math.min(to, slotEnd, nextShareChange(sim, plant, cur.at));
    for (const b of bats) end = Math.min(end, nextDriveEdge(drives(b.dn), cur.at));
    const hits = flows.map((f, i) =>
      f.power === 0
        ? Number.POSITIVE_INFINITY
        : cur.at + (Math.abs(f.level - cur.socs[i]) / ((Math.abs(f.power) * 100) / limitsOf(bats[i]).kwh)) * HOUR,
    );
    // A limit less than a millisecond away is reached now: time could not move in floating point.
    const now = hits.findIndex((h) => h - cur.at < 1);
    if (now >= 0) {
      cur.socs[now] = flows[now].level;
      continue;
    }
    end = Math.min(end, ...hits);
    const hours = (end - cur.at) / HOUR;
    flows.forEach((f, i) => {
      cur.energy[i] += f.power * hours;
      cur.socs[i] = end >= hits[i] ? f.level : cur.socs[i] - ((f.power * hours) / limitsOf(bats[i]).kwh) * 100;
    });
    cur.at = end;
    if (end === slotEnd) {
      onSlot?.(
        slot,
        cur.socs.map((soc, i) => ({ power: (cur.energy[i] * HOUR) / SLOT_MS, soc })),
      );
      cur.energy = cur.energy.map(() => 0);
    }
  }
}
