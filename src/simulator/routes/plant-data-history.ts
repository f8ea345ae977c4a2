import { isQuirky } from '../quirks';
import { isLegacy } from '../v6/account';
import type { SimPlant } from '../fleet';
import { DAY_MS, localDay, SLOT_MS, slotLoad, unit, plantKey } from '../physics';
import { batteriesOf, limitsOf, type SlotBattery } from '../physics-battery';
import { livePv } from '../physics-inverters';
import { advance, historyBatteries } from '../physics-live';
import type { Simulator } from '../server';
import { SimFail, type JsonObject, type SimQuota, type SimRequest } from '../types';
import { nums, plantTime, requestedCodes, visiblePlants } from './plant-data-common';
import { text } from '../../text';

/** 9.3.3 history and 9.5.1 (to-be-offline) five-minute data: one point per 5-minute slot. */

const MAX_AGE_MS = 365 * DAY_MS;

function timeArg(v: unknown): number {
  if (v === undefined || v === null || v === '') throw new SimFail(20012);
  const t = Number(v);
  if (!Number.isFinite(t)) throw new SimFail(20611);
  if (t < 0) throw new SimFail(20605);
  return t;
}

/** [startTime, endTime) as the reference limits it. */
function range(req: SimRequest): { start: number; end: number } {
  const start = timeArg(req.body.startTime);
  const end = timeArg(req.body.endTime);
  if (start > end) throw new SimFail(20023);
  if (start === end) throw new SimFail(20604);
  // The reference has no code of its own for the 24-hour rule; 20027 is its "period too long".
  if (end - start > DAY_MS) throw new SimFail(20027, null, 'The query time period cannot span more than 24 hours.');
  if (start < req.now - MAX_AGE_MS) throw new SimFail(20026);
  return { start, end };
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** One slot's energy flows (kWh): PV serves the load first, then the battery, then the grid. */
function point(sim: Simulator, plant: SimPlant, slot: number, memo: Map<string, SlotBattery[][]>): JsonObject {
  const seed = sim.options.seed;
  const pv = livePv(sim, plant, slot);
  const load = slotLoad(seed, plant, slot);
  const bats = batteriesOf(plant);
  const res = historyBatteries(sim, plant, slot, memo);
  const power = res.reduce((s, r) => s + r.power, 0);
  const charge = Math.max(0, -power);
  const discharge = Math.max(0, power);
  const pv2load = Math.min(pv, load);
  const pv2bat = Math.min(pv - pv2load, charge);
  const bat2load = Math.min(discharge, load - pv2load);
  const kwh = bats.reduce((s, b) => s + limitsOf(b).kwh, 0);
  const stored = res.reduce((s, r, i) => s + (limitsOf(bats[i]).kwh * r.soc) / 100, 0);
  // Containers report no charge/discharge energy (reference 9.3.3); inverters asleep at night no voltage.
  const container = bats.some((b) => (b.ratedCapacity ?? 0) >= 100);
  const awake = pv > 0;
  const v = (base: number, salt: number): number | null =>
    awake ? Math.round(base * (0.97 + 0.06 * unit(seed, plantKey(plant), slot, salt)) * 10) / 10 : null;
  const voltages =
    plant.capacity < 30
      ? { gridVoltage: v(230, 10) }
      : {
          gridABWireVoltage: v(400, 11),
          gridBCWireVoltage: v(400, 12),
          gridCAWireVoltage: v(400, 13),
          gridAPhaseVoltage: v(230, 14),
          gridBPhaseVoltage: v(230, 15),
          gridCPhaseVoltage: v(230, 16),
        };
  return {
    dataTime: plantTime(plant, slot * SLOT_MS),
    ...nums(plant, {
      ...voltages,
      inputEnergy: r3((load - pv2load - bat2load + charge - pv2bat) / 12),
      loadEnergy: r3(load / 12),
      ongridEnergy: r3((pv - pv2load - pv2bat + discharge - bat2load) / 12),
      pvEnergy: r3(pv / 12),
      grid2loadEnergy: r3((load - pv2load - bat2load) / 12),
      grid2batteryEnergy: bats.length ? r3((charge - pv2bat) / 12) : null,
      pv2loadEnergy: r3(pv2load / 12),
      batteryEnergy: bats.length ? r3(stored) : null,
      chargeEnergy: bats.length && !container ? r3(charge / 12) : null,
      dischargeEnergy: bats.length && !container ? r3(discharge / 12) : null,
      batterySOC: kwh > 0 ? Math.round((stored / kwh) * 1000) / 10 : null,
    }),
  };
}

/** Completed slots whose start lies in [start, end). */
function points(sim: Simulator, plant: SimPlant, start: number, end: number, now: number): JsonObject[] {
  advance(sim, plant, now);
  const memo = new Map<string, SlotBattery[][]>();
  const out: JsonObject[] = [];
  const last = Math.min(Math.ceil(end / SLOT_MS), Math.floor(now / SLOT_MS));
  for (let k = Math.ceil(start / SLOT_MS); k < last; k++) out.push(point(sim, plant, k, memo));
  return out;
}

function history(req: SimRequest): unknown {
  const codes = requestedCodes(req);
  const { start, end } = range(req);
  return visiblePlants(req, codes).map((plant) => ({
    plantCode: plant.plantCode,
    dataItem: points(req.sim, plant, start, end, req.now),
  }));
}

function fiveMinutes(req: SimRequest): unknown {
  // Quirks: "Users registered after June 30, 2022 cannot access" the to-be-offline interfaces (9.5).
  if (isQuirky(req.sim) && !isLegacy(req.user))
    throw new SimFail(401, null, 'You do not have the related data interface permission.');
  const code = req.body.plantCode;
  if (code === undefined || code === null || text(code).trim() === '') throw new SimFail(20010);
  if (text(code).includes(',')) throw new SimFail(20611, null, 'plantCode takes one plant.');
  const { start, end } = range(req);
  const plant = visiblePlants(req, [text(code).trim()])[0];
  if (!plant) return [];
  if (localDay(plant, start) !== localDay(plant, end - 1))
    throw new SimFail(20027, null, 'The start time and end time must be on the same day.');
  return points(req.sim, plant, start, end, req.now);
}

export function registerPlantHistory(sim: Simulator, historyQuota: SimQuota[], fiveMinuteQuota: SimQuota[]): void {
  sim.route('vpp/plantHistoryKpi', history, { quota: historyQuota });
  sim.route('vpp/plantFiveMinutesKpi', fiveMinutes, { quota: fiveMinuteQuota });
}
