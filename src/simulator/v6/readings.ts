import type { SimPlant } from '../fleet';
import type { JsonObject } from '../types';
import { liveMoment, slotMoment, type Ctx, type Moment } from './context';
import { T, type V6Device } from './devices';
import { emiMap } from './readings-emi';
import { gridMap } from './readings-grid';
import { inverterMap } from './readings-inverter';
import { storageMap } from './readings-storage';

/** The dataItemMap of one device at one moment (6.2.6, 6.2.7, 6.2.8 share the keys). */
export function readingOf(ctx: Ctx, d: V6Device, m: Moment): JsonObject {
  switch (d.devTypeId) {
    case T.inverter:
    case T.residentialInverter:
      return inverterMap(ctx, d, m);
    case T.meter:
    case T.powerSensor:
      return gridMap(ctx, d, m);
    case T.battery:
    case T.ess:
      return storageMap(ctx, d, m);
    default:
      return emiMap(ctx, d, m);
  }
}

/** The plant now, once per request however many of its devices are read. */
export function liveOf(ctx: Ctx, plant: SimPlant, cache: Map<string, Moment>): Moment {
  let m = cache.get(plant.plantCode);
  if (!m) {
    m = liveMoment(ctx, plant);
    cache.set(plant.plantCode, m);
  }
  return m;
}

export function slotOfPlant(ctx: Ctx, plant: SimPlant, slot: number, cache: Map<string, Moment>): Moment {
  const key = `${plant.plantCode}|${slot}`;
  let m = cache.get(key);
  if (!m) {
    m = slotMoment(ctx, plant, slot);
    cache.set(key, m);
  }
  return m;
}
