import type { Simulator } from '../server';
import type { SimDevice } from '../fleet';
import type { BatteryDrive } from '../physics-battery';
import { forceBattery, releaseBattery } from '../physics-live';
import { controlState } from './control-state';

/**
 * Dispatch runs of the control interfaces. A run is the task's plan (power, stop SOC, end),
 * from which the status interface reports progress; the battery itself is the plant
 * physics' (physics-live.ts), which the run drives, so real time and history show the same
 * SOC and power. A run that reached its target SOC keeps the battery there until a later
 * command or the task's 24 hours end; a duration run lets it go when the duration is over.
 */

const HOUR = 3_600_000;
/** 9.3.5: a dispatch not complete within 24 hours times out. */
export const TASK_TIMEOUT_MS = 24 * HOUR;
/** Charge and discharge power limit as a C-rate of the usable capacity. */
const C_RATE = 0.5;

export interface BatteryRun {
  dn: string;
  dispatchSwitch: number;
  t0: number;
  soc0: number;
  /** Percent per millisecond: positive while charging. */
  rate: number;
  powerKw: number;
  capacityKwh: number;
  /** Where the SOC stops: the target, full charge or the end-of-discharge SOC. */
  limit: number;
  /** When the task ends: target reached, duration over, or the 24-hour timeout. */
  endAt: number;
  timesOut: boolean;
  /** A later command replaced this run. */
  cutAt?: number;
}

export interface BatteryModel {
  run?: BatteryRun;
  /** The physics' drive of the battery: it outlasts a run that holds its target. */
  drive?: BatteryDrive;
}

export interface RunRequest {
  dispatchSwitch: number;
  controlType: number;
  targetSOC?: number;
  dispatchTime?: number;
  powerW?: number;
}

export function runSoc(run: BatteryRun, t: number): number {
  const moved = run.soc0 + run.rate * Math.max(0, Math.min(t, run.cutAt ?? Infinity) - run.t0);
  return run.rate >= 0 ? Math.min(moved, run.limit) : Math.max(moved, run.limit);
}

export function isActive(run: BatteryRun | undefined, now: number): run is BatteryRun {
  return !!run && run.cutAt === undefined && now < run.endAt;
}

export function batteryModel(sim: Simulator, dev: SimDevice): BatteryModel {
  const state = controlState(sim);
  const known = state.batteries.get(dev.dn);
  if (known) return known;
  const m: BatteryModel = {};
  state.batteries.set(dev.dn, m);
  return m;
}

/** Ends the battery's run and drive now (a stop or a later command): self-consumption takes over. */
export function cutRun(m: BatteryModel, now: number): void {
  if (m.drive) releaseBattery(m.drive, now);
  m.drive = undefined;
  if (!m.run) return;
  if (isActive(m.run, now)) m.run.cutAt = now;
  m.run = undefined;
}

export function startRun(sim: Simulator, dev: SimDevice, req: RunRequest, now: number): BatteryRun {
  const m = batteryModel(sim, dev);
  cutRun(m, now);
  const soc0 = dev.soc ?? 50;
  const capacityKwh = dev.usableCapacity ?? dev.ratedCapacity ?? 10;
  const maxKw = capacityKwh * C_RATE;
  // 9.3.4: power beyond the range is taken as the maximum; no power means the default (maximum).
  const kw = req.powerW === undefined ? maxKw : Math.min(maxKw, Math.abs(req.powerW) / 1000);
  const sign = req.dispatchSwitch === 1 ? 1 : -1;
  const rate = (sign * kw * 100) / capacityKwh / HOUR;
  const floor = 100 - (dev.dod ?? 90);
  const bound = sign > 0 ? Math.max(100, soc0) : Math.min(floor, soc0);
  const timeTo = (soc: number): number => now + Math.abs(soc - soc0) / Math.abs(rate);
  let limit = bound;
  let endAt: number;
  let timesOut = false;
  if (req.controlType === 1) {
    const target = req.targetSOC ?? 100;
    const reached = sign > 0 ? target <= soc0 : target >= soc0;
    const reachable = sign > 0 ? target <= 100 : target >= floor;
    if (reached) {
      limit = soc0;
      endAt = now;
    } else if (reachable) {
      limit = target;
      endAt = timeTo(target);
    } else {
      // Past the end-of-discharge SOC the target is never met: the task times out.
      endAt = now + TASK_TIMEOUT_MS;
      timesOut = true;
    }
  } else {
    endAt = now + (req.dispatchTime ?? 0) * 60_000;
  }
  const run: BatteryRun = {
    dn: dev.dn,
    dispatchSwitch: req.dispatchSwitch,
    t0: now,
    soc0,
    rate,
    powerKw: sign * kw,
    capacityKwh,
    limit,
    endAt,
    timesOut,
  };
  m.run = run;
  const until = req.controlType === 1 ? now + TASK_TIMEOUT_MS : endAt;
  m.drive = forceBattery(sim, dev, { from: now, until, kw: -run.powerKw, stopSoc: limit });
  return run;
}
