import type { Simulator } from '../server';
import { DEV, type SimDevice, type SimPlant } from '../fleet';
import { SimFail, type SimUser } from '../types';
import type { BatteryModel, BatteryRun } from './control-battery';
import type { InverterModel } from './control-inverter';

/** State of the simulated control interfaces (9.3.4-9.3.8, 9.6.1.3/4/6/7). */

export interface DispatchSubtask {
  plantCode: string;
  sn: string;
  remoteID: string;
  /** Battery runs this subtask started, one per ESS of the plant. */
  runs: BatteryRun[];
  startAt: number;
  tzOffsetMin: number;
}

export interface DispatchTask {
  requestID: string;
  dispatchSwitch: number;
  subtasks: DispatchSubtask[];
}

export interface RemoteTask {
  id: string;
  plantCode: string;
  tzOffsetMin: number;
  receivedAt: number;
  appliedAt: number;
  /** Settled on the first look after `appliedAt`: the plant was offline then, so the setting failed. */
  fails?: boolean;
}

export interface DefaultTask extends RemoteTask {
  maxFeedGridPower: number | null;
  activePowerVariationGradient: number | null;
}

export interface DrmTask extends RemoteTask {
  inverters: string[];
  /** Inverters that were offline when the command came: their setting fails. */
  failing: string[];
  drm: string;
}

export interface ControlState {
  /** Dispatch tasks by user and requestID (ids must be unique per user: 20048). */
  dispatches: Map<string, DispatchTask>;
  batteries: Map<string, BatteryModel>;
  inverters: Map<string, InverterModel>;
  /** EMS control type per SmartLogger dn. */
  ems: Map<string, number>;
  defaults: Map<string, { user: string; tasks: DefaultTask[] }>;
  drm: Map<string, DrmTask & { user: string }>;
  /** Plant codes and device dns that do not answer: commands to them fail per item. */
  offline: Set<string>;
  daily: Map<string, number[]>;
  seq: number;
}

export function controlState(sim: Simulator): ControlState {
  let s = sim.state.get('control') as ControlState | undefined;
  if (!s) {
    s = {
      dispatches: new Map(),
      batteries: new Map(),
      inverters: new Map(),
      ems: new Map(),
      defaults: new Map(),
      drm: new Map(),
      offline: new Set(),
      daily: new Map(),
      seq: 0,
    };
    sim.state.set('control', s);
  }
  return s;
}

/** A 16-digit task id like the reference's examples. */
export function nextTaskId(s: ControlState): string {
  s.seq++;
  return String(5_720_350_070_000_000 + s.seq * 7919);
}

/** "2020-02-06T00:00:10+08:00" in the plant's time zone. */
export function plantTime(ms: number, tzOffsetMin: number): string {
  const local = new Date(ms + tzOffsetMin * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(tzOffsetMin);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const off = `${tzOffsetMin < 0 ? '-' : '+'}${hh}:${String(a % 60).padStart(2, '0')}`;
  return local + off;
}

const DAY = 86_400_000;

/** 9.6.1.x: 1000 calls a day per user; past that the server answers 20618. */
export function dailyLimit(sim: Simulator, user: SimUser, endpoint: string, now: number, limit = 1000): void {
  if (!sim.options.quotas) return;
  const s = controlState(sim);
  const key = `${user.username}\0${endpoint}`;
  const stamps = (s.daily.get(key) ?? []).filter((t) => t > now - DAY);
  if (stamps.length >= limit) throw new SimFail(20618);
  stamps.push(now);
  s.daily.set(key, stamps);
}

/** The user's plants for these codes, or 20045 when any is not theirs. */
export function ownPlants(sim: Simulator, user: SimUser, codes: string[]): SimPlant[] {
  return codes.map((code) => {
    const p = sim.ownPlant(user, code);
    if (!p) throw new SimFail(20045);
    return p;
  });
}

/** The user's devices for these dns, or 20046 when any is unknown or not theirs. */
export function ownDevices(sim: Simulator, user: SimUser, dns: string[]): SimDevice[] {
  return dns.map((dn) => {
    const d = sim.fleet.device(dn);
    if (!d || !sim.ownPlant(user, d.plantCode)) throw new SimFail(20046);
    return d;
  });
}

export function isOffline(s: ControlState, ...ids: string[]): boolean {
  return ids.some((id) => s.offline.has(id));
}

export const byType = (plant: SimPlant, typeId: number): SimDevice[] =>
  plant.devices.filter((d) => d.deviceTypeId === typeId);
export const batteriesOf = (plant: SimPlant): SimDevice[] => byType(plant, DEV.battery);
/** 20116 counts every inverter of the plants: string (20822) and central (20827) ones. */
export const invertersOf = (plant: SimPlant): SimDevice[] =>
  plant.devices.filter((d) => d.deviceTypeId === DEV.inverter || d.deviceTypeId === DEV.centralInverter);
