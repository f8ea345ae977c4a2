import { isQuirky } from '../quirks';
import { DEV, type SimPlant } from '../fleet';
import { batteriesOf, limitsOf } from '../physics-battery';
import { advance, attachPlant } from '../physics-live';
import { plantState } from '../physics-state';
import { energies } from '../physics-energy';
import type { Simulator } from '../server';
import { SimFail, type JsonObject, type SimQuota, type SimRequest } from '../types';
import { num, nums, plantTime, requestedCodes, variant, visiblePlants } from './plant-data-common';
import { registerPlantHistory } from './plant-data-history';
import { dailyLimit } from './control-state';

/** 9.3.1 basic plant information, 9.3.2 real-time KPI, 9.6.1.5 rated data. */

const MINUTE = 60_000;
const DAY = 86_400_000;

function plantsOfUser(r: { sim: Simulator; user: SimRequest['user'] }): number {
  return Math.max(1, r.sim.plantsOf(r.user).length);
}

function models(list: { model: string }[]): string | null {
  const unique = [...new Set(list.map((d) => d.model).filter(Boolean))];
  return unique.length ? unique.join(',') : null;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function info(plant: SimPlant): JsonObject {
  const inverters = plant.devices.filter((d) => d.deviceTypeId === DEV.inverter);
  const bats = batteriesOf(plant);
  const rated = bats.reduce((s, b) => s + (b.ratedCapacity ?? 0), 0);
  // "rated capacity x SOC x SOH": SOH is 1 in the simulator.
  const usable = bats.reduce((s, b) => s + (limitsOf(b).kwh * (b.soc ?? 50)) / 100, 0);
  const out: JsonObject = {
    plantCode: plant.plantCode,
    address: plant.plantAddress,
    installationTime: plantTime(plant, Date.parse(plant.gridConnectionDate)),
    inverterModel: models(inverters),
    batteryModel: models(bats) ?? '',
    ...nums(plant, {
      longitude: plant.longitude,
      latitude: plant.latitude,
      // Watts, as the table says; capacity in kWp.
      inverterPower: inverters.reduce((s, d) => s + (d.ratedPower ?? 0), 0) * 1000,
      capacity: plant.capacity,
      batteryInstallCapacity: bats.length ? rated : null,
      batteryUsableCapacity: bats.length ? round(usable, 2) : null,
    }),
  };
  // The reference's example shows "pvPower" (W) where the table has "capacity".
  if (variant(plant) === 3) out.pvPower = round(plant.capacity * 1000, 2);
  return out;
}

function plantsInfo(req: SimRequest): unknown {
  return visiblePlants(req, requestedCodes(req)).map((plant) => {
    // Usable capacity follows the live SOC.
    advance(req.sim, plant, req.now);
    return info(plant);
  });
}

function realtime(req: SimRequest): unknown {
  return visiblePlants(req, requestedCodes(req)).map((plant) => {
    const s = plantState(req.sim, plant, req.now);
    const meterKey = variant(plant) % 2 === 1 ? 'pmeterPower' : 'meterPower';
    const quirks = isQuirky(req.sim);
    // Quirks: the OCR's "dataltemMap" on odd plants, and the example's undocumented healthState 3.
    return {
      plantCode: plant.plantCode,
      [quirks && variant(plant) % 2 === 1 ? 'dataltemMap' : 'dataItemMap']: nums(plant, {
        ...energies(req.sim, plant, req.now),
        pvPower: s.pvPower,
        [meterKey]: s.meterPower,
        batteryPower: s.batteryPower,
        loadPower: s.loadPower,
        batterySOC: s.batterySOC,
        batteryDOD: s.batteryDOD,
        healthState: quirks ? 3 : 0,
      }),
    };
  });
}

function rated(req: SimRequest): unknown {
  // 500 a day per user, answered 20618 like the other 9.6.1.x interfaces (10 a minute stay 407).
  dailyLimit(req.sim, req.user, req.endpoint, req.now, 500);
  const codes = requestedCodes(req, 20015);
  const plants = visiblePlants(req, codes);
  if (plants.length !== codes.length) throw new SimFail(20045);
  const list = plants.map((plant) => {
    const p = plant.devices.filter((d) => d.deviceTypeId === DEV.inverter).reduce((s, d) => s + (d.ratedPower ?? 0), 0);
    // SUN2000 inverters deliver up to 1.1 x rated active power as apparent power.
    const s = p * 1.1;
    const q = Math.sqrt(s * s - p * p);
    return {
      plantCode: plant.plantCode,
      ratedActivePower: num(plant, round(p, 3)),
      ratedApparentPower: num(plant, round(s, 3)),
      ratedReactivePowerP: num(plant, round(q, 3)),
      ratedReactivePowerN: num(plant, round(q, 3)),
    };
  });
  return { plantRatedData: list, total: list.length };
}

/** Quotas of the sections' "Interface Invoking Suggestion", per northbound user. */
const QUOTAS: Record<string, SimQuota[]> = {
  'vpp/plants': [
    { count: (r) => Math.ceil(plantsOfUser(r) / 100) * 10 + 24, windowMs: DAY },
    { count: 1, windowMs: MINUTE },
  ],
  'vpp/plantRealtimeKpi': [{ count: (r) => Math.ceil(plantsOfUser(r) / 100), windowMs: 5 * MINUTE }],
  'vpp/plantHistoryKpi': [
    { count: (r) => Math.ceil(plantsOfUser(r) / 100) + 24, windowMs: DAY },
    { count: 1, windowMs: MINUTE },
  ],
  'vpp/plantRatedData': [{ count: 10, windowMs: MINUTE }],
};
QUOTAS['vpp/plantFiveMinutesKpi'] = QUOTAS['vpp/plantHistoryKpi'];

export function registerPlantData(sim: Simulator): void {
  // Batteries' SOC and inverters' off switch read the physics from the start.
  for (const plant of sim.fleet.plants) attachPlant(sim, plant);
  sim.route('vpp/plants', plantsInfo, { quota: QUOTAS['vpp/plants'] });
  sim.route('vpp/plantRealtimeKpi', realtime, { quota: QUOTAS['vpp/plantRealtimeKpi'] });
  sim.route('vpp/plantRatedData', rated, { quota: QUOTAS['vpp/plantRatedData'] });
  registerPlantHistory(sim, QUOTAS['vpp/plantHistoryKpi'], QUOTAS['vpp/plantFiveMinutesKpi']);
}
