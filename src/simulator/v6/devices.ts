import { DEV, type SimDevice, type SimPlant } from '../fleet';
import type { Simulator } from '../server';
import type { SimUser } from '../types';

/**
 * The fleet as the V6 interface lists it (6.1.5): the same plants and devices as V7, with
 * V6 device type ids and Long ids, plus the environmental monitors (EMI) of commercial
 * plants, which V7 does not list. Residential plants mix string (1) and residential (38)
 * inverters, grid meters (17) and power sensors (47); storage is a residential battery (39)
 * or a C&I ESS (41), as the plant's size gives.
 */

export const T = {
  inverter: 1,
  smartLogger: 2,
  emi: 10,
  meter: 17,
  residentialInverter: 38,
  battery: 39,
  ess: 41,
  optimizer: 46,
  powerSensor: 47,
  dongle: 62,
} as const;

export interface V6Device {
  /** Device ID (Long, 16 digits); quirks mode sends it negated, as the reference's examples. */
  id: number;
  devTypeId: number;
  sn: string;
  name: string;
  plant: SimPlant;
  /** The fleet device it shows: its physics, switches and dispatch are this device's. */
  dev?: SimDevice;
  model: string;
  softwareVersion: string | null;
}

const ID_BASE = 1_000_000_000_000_000;

/** Position of a plant in the fleet, from its code (NE=33554432 is 0). */
export function plantIndex(plant: SimPlant): number {
  return Number(plant.plantCode.replace(/\D/g, '')) - 33_554_432;
}

function residential(plant: SimPlant): boolean {
  return plant.devices.some((d) => d.deviceTypeId === DEV.dongle);
}

function typeOf(plant: SimPlant, d: SimDevice): number {
  const i = plantIndex(plant);
  switch (d.deviceTypeId) {
    case DEV.inverter:
      return residential(plant) && i % 4 === 3 ? T.residentialInverter : T.inverter;
    case DEV.meter:
      return residential(plant) && i % 3 === 1 ? T.powerSensor : T.meter;
    case DEV.battery:
      return (d.ratedCapacity ?? 0) >= 100 ? T.ess : T.battery;
    case DEV.dongle:
      return T.dongle;
    case DEV.smartLogger:
      return T.smartLogger;
    default:
      return T.optimizer;
  }
}

function modelOf(devTypeId: number, d: SimDevice): string {
  // A single-phase power sensor is what a residential plant without a three-phase meter has.
  return devTypeId === T.powerSensor ? 'DDSU666-H' : d.model;
}

function viewOf(plant: SimPlant): V6Device[] {
  const list: V6Device[] = plant.devices.map((d) => {
    const devTypeId = typeOf(plant, d);
    return {
      id: ID_BASE + Number(d.dn.replace(/\D/g, '')) * 1009,
      devTypeId,
      sn: d.sn,
      name: d.deviceName,
      plant,
      dev: d,
      model: modelOf(devTypeId, d),
      softwareVersion: d.softwareVersion ?? (d.deviceTypeId === DEV.dongle ? 'V100R001C00SPC127' : null),
    };
  });
  if (plant.devices.some((d) => d.deviceTypeId === DEV.smartLogger)) {
    const i = plantIndex(plant);
    list.push({
      id: ID_BASE + 50_000_000_000_000 + i * 7,
      devTypeId: T.emi,
      sn: `EMI${String(210_000_000_000 + i * 37).padStart(13, '0')}`,
      name: 'EMI-1',
      plant,
      model: 'SMARTLOGGER-EMI',
      softwareVersion: null,
    });
  }
  return list;
}

interface V6Fleet {
  plants: number;
  byPlant: Map<string, V6Device[]>;
  byId: Map<string, V6Device>;
  bySn: Map<string, V6Device>;
}

/** The V6 view of the whole fleet, rebuilt when an enrolment added a plant. */
export function v6Fleet(sim: Simulator): V6Fleet {
  let f = sim.state.get('v6.fleet') as V6Fleet | undefined;
  if (!f || f.plants !== sim.fleet.plants.length) {
    f = { plants: sim.fleet.plants.length, byPlant: new Map(), byId: new Map(), bySn: new Map() };
    for (const p of sim.fleet.plants) {
      const list = viewOf(p);
      f.byPlant.set(p.plantCode, list);
      for (const d of list) {
        f.byId.set(String(d.id), d);
        f.bySn.set(d.sn, d);
      }
    }
    sim.state.set('v6.fleet', f);
  }
  return f;
}

export function devicesOfPlant(sim: Simulator, plant: SimPlant): V6Device[] {
  return v6Fleet(sim).byPlant.get(plant.plantCode) ?? [];
}

/** Every V6 device of the user's plants. */
export function devicesOfUser(sim: Simulator, user: SimUser): V6Device[] {
  return sim.plantsOf(user).flatMap((p) => devicesOfPlant(sim, p));
}

/** The id as sent: negative in quirks mode, as the reference's examples are. */
export function idOut(sim: Simulator, d: V6Device): number {
  return sim.options.quirks ? -d.id : d.id;
}

/** A device by the id a client sends back (either sign, number or string). */
export function deviceById(sim: Simulator, id: string): V6Device | undefined {
  return v6Fleet(sim).byId.get(id.replace(/^-/, ''));
}

export function deviceBySn(sim: Simulator, sn: string): V6Device | undefined {
  return v6Fleet(sim).bySn.get(sn);
}
