import { energies } from '../physics-energy';
import { dayStartSlot, localDay } from '../physics';
import type { SlotBattery } from '../physics-battery';
import type { JsonObject, SimRequest } from '../types';
import { activeAlarms } from './alarms';
import { slotRange } from './flows';
import { stationsArg } from './params';
import { text } from './values';

/** 6.1.4.1 real-time plant data: the energies V7's real-time KPI reports, as strings. */

export const PRICE_PER_KWH = 0.3;

/** Plants with a critical or major alarm active: "faulty" (2); the others "healthy" (3). */
function faultyPlants(req: SimRequest): Set<string> {
  return new Set(
    activeAlarms(req.sim, req.now)
      .filter((a) => a.entry.lev <= 2)
      .map((a) => a.device.plant.plantCode),
  );
}

function realKpi(req: SimRequest): unknown {
  const plants = stationsArg(req);
  const faulty = faultyPlants(req);
  return plants.map((plant) => {
    const e = energies(req.sim, plant, req.now);
    const map: JsonObject = {
      day_power: text(e.dayEnergy),
      month_power: text(e.monthEnergy),
      total_power: text(e.totalEnergy),
      day_income: text(e.dayEnergy * PRICE_PER_KWH),
      total_income: text(e.totalEnergy * PRICE_PER_KWH),
      real_health_state: faulty.has(plant.plantCode) ? '2' : '3',
    };
    if (req.sim.options.quirks) {
      // Newer versions add today's feed-in and consumption.
      const memo = new Map<string, SlotBattery[][]>();
      const today = slotRange(
        req.sim,
        plant,
        dayStartSlot(plant, localDay(plant, req.now)),
        Number.MAX_SAFE_INTEGER,
        memo,
      );
      map.day_on_grid_energy = text(today.export);
      map.day_use_energy = text(today.load);
    }
    return { stationCode: plant.plantCode, dataItemMap: map };
  });
}

export const plantKpiRoutes = { getStationRealKpi: realKpi };
