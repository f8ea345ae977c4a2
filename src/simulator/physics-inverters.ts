import { DEV, type SimDevice, type SimPlant } from './fleet';
import { SLOT_MS, slotPv } from './physics';
import type { Simulator } from './server';

/**
 * Inverters that produce nothing: switched off (9.3.7) or stopped by a DRM setting
 * (9.6.1.6). Each cause keeps its changes with their times, so real-time PV, the energy
 * counters and history all follow a switch from the moment it happened, whenever they are
 * read. An inverter's `off` reads the timeline at the simulator's clock.
 */

/** The power switch (9.3.7, or a test setting `off`). */
export const SWITCH = 'switch';
/** A DRM setting that stops output (drm0, drm5). */
export const DRM = 'drm';

interface Change {
  at: number;
  off: boolean;
}

interface InverterState {
  /** dn -> cause -> changes in time order. */
  changes: Map<string, Map<string, Change[]>>;
  /** Plants with at least one change: the others always produce at full share. */
  plants: Set<string>;
  attached: WeakSet<SimDevice>;
}

function inverterState(sim: Simulator): InverterState {
  let s = sim.state.get('physics.inverters') as InverterState | undefined;
  if (!s) {
    s = { changes: new Map(), plants: new Set(), attached: new WeakSet() };
    sim.state.set('physics.inverters', s);
  }
  return s;
}

function causesOf(s: InverterState, dn: string): Map<string, Change[]> {
  let causes = s.changes.get(dn);
  if (!causes) {
    causes = new Map();
    s.changes.set(dn, causes);
  }
  return causes;
}

/** `off` of the device reads and writes the timeline; a plain `off: true` from the fleet counts from the start. */
export function attachInverter(sim: Simulator, dev: SimDevice): void {
  const s = inverterState(sim);
  if (s.attached.has(dev)) return;
  s.attached.add(dev);
  const initially = dev.off === true;
  Object.defineProperty(dev, 'off', {
    enumerable: true,
    configurable: true,
    get: () => inverterOff(sim, dev, sim.clock.now()),
    set: (v: boolean) => scheduleInverter(sim, dev, SWITCH, sim.clock.now(), v === true),
  });
  if (initially) scheduleInverter(sim, dev, SWITCH, Number.NEGATIVE_INFINITY, true);
}

/** From `at` on, `cause` holds the inverter off (or not); changes of that cause scheduled later are dropped. */
export function scheduleInverter(sim: Simulator, dev: SimDevice, cause: string, at: number, off: boolean): void {
  attachInverter(sim, dev);
  const s = inverterState(sim);
  const causes = causesOf(s, dev.dn);
  const kept = (causes.get(cause) ?? []).filter((c) => c.at < at);
  kept.push({ at, off });
  causes.set(cause, kept);
  s.plants.add(dev.plantCode);
}

function stateAt(list: Change[] | undefined, t: number): boolean {
  let off = false;
  for (const c of list ?? []) {
    if (c.at > t) break;
    off = c.off;
  }
  return off;
}

/** Whether `cause` holds the inverter off at time `t`. */
export function causeOff(sim: Simulator, dev: SimDevice, cause: string, t: number): boolean {
  return stateAt(inverterState(sim).changes.get(dev.dn)?.get(cause), t);
}

export function inverterOff(sim: Simulator, dev: SimDevice, t: number): boolean {
  const causes = inverterState(sim).changes.get(dev.dn);
  if (!causes) return false;
  for (const list of causes.values()) if (stateAt(list, t)) return true;
  return false;
}

const invertersOf = (plant: SimPlant): SimDevice[] => plant.devices.filter((d) => d.deviceTypeId === DEV.inverter);

/** Share of the plant's inverter power that is running at time `t` (1 when none is stopped). */
export function pvShare(sim: Simulator, plant: SimPlant, t: number): number {
  if (!inverterState(sim).plants.has(plant.plantCode)) return 1;
  const inverters = invertersOf(plant);
  const total = inverters.reduce((sum, d) => sum + (d.ratedPower ?? 1), 0);
  if (total <= 0) return 1;
  const on = inverters.reduce((sum, d) => sum + (inverterOff(sim, d, t) ? 0 : (d.ratedPower ?? 1)), 0);
  return on / total;
}

/** The first time after `t` when the plant's share may change; Infinity when nothing is scheduled. */
export function nextShareChange(sim: Simulator, plant: SimPlant, t: number): number {
  const s = inverterState(sim);
  if (!s.plants.has(plant.plantCode)) return Number.POSITIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  for (const d of invertersOf(plant)) {
    for (const list of s.changes.get(d.dn)?.values() ?? []) {
      for (const c of list) if (c.at > t && c.at < next) next = c.at;
    }
  }
  return next;
}

/** Average share over [a, b): what a 5-minute energy counter sees. */
export function averageShare(sim: Simulator, plant: SimPlant, a: number, b: number): number {
  if (!inverterState(sim).plants.has(plant.plantCode)) return 1;
  let sum = 0;
  for (let t = a; t < b;) {
    const end = Math.min(b, nextShareChange(sim, plant, t));
    sum += pvShare(sim, plant, t) * (end - t);
    t = end;
  }
  return sum / (b - a);
}

/** Average PV power of a slot in kW, less what stopped inverters would have made. */
export function livePv(sim: Simulator, plant: SimPlant, slot: number): number {
  const pv = slotPv(sim.options.seed, plant, slot);
  if (pv === 0 || !inverterState(sim).plants.has(plant.plantCode)) return pv;
  return Math.round(pv * averageShare(sim, plant, slot * SLOT_MS, (slot + 1) * SLOT_MS) * 1000) / 1000;
}
