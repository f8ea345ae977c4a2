import type { Simulator } from '../server';
import type { SimPlant } from '../fleet';
import type { SimUser } from '../types';

/**
 * Plants that exist in the management system but not yet in the VPP: each is found by one
 * device SN plus its owner's username, email or phone (9.6.1.1), or by the authorization code
 * its installer entered (9.6.1.2). Enrolling one creates the plant in the enrolling user's list.
 */
export interface Prospect {
  sn: string;
  username: string;
  email: string;
  phone: string;
  authorizationCode: string;
  plantName: string;
  /** Commissioning user the SN is bound to (9.6.2.1), if any. */
  installer?: string;
  plantCreateTime: string;
  /** Set once enrolled. */
  plantCode?: string;
}

/** Installer accounts of the management system; they may manage every device (9.6.2.1). */
export const INSTALLERS = ['admin@qq.com', 'other-installer'];

/**
 * The reference's own examples: SNs of 9.6.1.1 and 9.6.2.1, the NMI 20019857328 of 9.6.1.2 and
 * further AEMO example NMIs, so flows copied from the document work against the simulator.
 */
const DEFAULT_PROSPECTS: Prospect[] = [
  {
    sn: 'HV1920000027',
    username: 'mark',
    email: 'mark@email.com',
    phone: '+61400000027',
    authorizationCode: '20019857328',
    plantName: "Mark's Plant",
    installer: 'admin@qq.com',
    plantCreateTime: '2020-02-06T00:00:00+08:00',
  },
  {
    sn: 'HV1920000028',
    username: 'lin',
    email: 'lin@example.com',
    phone: '+61400000028',
    authorizationCode: '20019857336',
    plantName: "Lin's Plant",
    plantCreateTime: '2021-03-01T00:00:00+10:30',
  },
  {
    sn: '5D02E8B40AD',
    username: 'ava',
    email: 'ava@example.com',
    phone: '+61400000040',
    authorizationCode: 'SMVEW000858',
    plantName: "Ava's Plant",
    plantCreateTime: '2020-02-06T00:00:00+08:00',
  },
  {
    sn: '5D02E8BFFFF',
    username: 'noah',
    email: 'noah@example.com',
    phone: '+61400000041',
    authorizationCode: 'VAAA0000657',
    plantName: "Noah's Plant",
    installer: 'other-installer',
    plantCreateTime: '2022-07-01T00:00:00+09:30',
  },
  {
    sn: '5D02E8BEEEE',
    username: 'mia',
    email: 'mia@example.com',
    phone: '+61400000042',
    authorizationCode: 'NCCC5194955',
    plantName: "Mia's Plant",
    installer: 'admin@qq.com',
    plantCreateTime: '2020-02-06T00:00:00+08:00',
  },
];

export interface EnrolmentState {
  prospects: Prospect[];
  /** Wrong authorization codes in a row, per northbound user (22004 after five). */
  wrongCodes: Map<string, number>;
  lockedUntil: Map<string, number>;
}

export function enrolmentState(sim: Simulator): EnrolmentState {
  let s = sim.state.get('enrolment') as EnrolmentState | undefined;
  if (!s) {
    s = { prospects: DEFAULT_PROSPECTS.map((p) => ({ ...p })), wrongCodes: new Map(), lockedUntil: new Map() };
    sim.state.set('enrolment', s);
  }
  return s;
}

/** Adds a plant waiting to be enrolled (tests, demos). */
export function addProspect(sim: Simulator, p: Prospect): Prospect {
  const copy = { ...p };
  enrolmentState(sim).prospects.push(copy);
  return copy;
}

/** Enrols a prospect for a user: its plant appears in that user's plant list, once. */
export function enrol(sim: Simulator, user: SimUser, p: Prospect): SimPlant {
  const existing = p.plantCode ? sim.fleet.plant(p.plantCode) : undefined;
  if (existing) return existing;
  const plant = sim.fleet.create(user.username);
  plant.plantName = p.plantName;
  plant.gridConnectionDate = p.plantCreateTime;
  // The registered SN is a real device of the new plant: the communication device.
  const device = plant.devices.find((d) => d.deviceTypeId === 20819 || d.deviceTypeId === 20821) ?? plant.devices[0];
  device.sn = p.sn;
  p.plantCode = plant.plantCode;
  return plant;
}

/** Result item of 9.6.1.1 / 9.6.1.2. */
export function registration(
  key: string,
  id: string,
  plant: SimPlant | undefined,
  errorMsg = '',
): Record<string, unknown> {
  return {
    [key]: id,
    success: plant !== undefined,
    errorMsg,
    plantCode: plant?.plantCode ?? null,
    plantName: plant?.plantName ?? null,
  };
}
