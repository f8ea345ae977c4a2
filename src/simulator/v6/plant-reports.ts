import type { SimPlant } from '../fleet';
import type { SlotBattery } from '../physics-battery';
import type { Simulator } from '../server';
import type { JsonObject, SimRequest } from '../types';
import type { Flows } from './flows';
import { periodFlows } from './period-flows';
import { daysOf, hoursOf, monthsOf, yearsOf } from './periods';
import { PRICE_PER_KWH } from './plant-kpi';
import { stationsArg, timeArg } from './params';
import { outAll } from './values';

/** 6.1.4.2-6.1.4.5: the hours, days, months or years of the period that `collectTime` falls in. */

type Unit = 'hour' | 'day' | 'month' | 'year';

const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

function items(sim: Simulator, plant: SimPlant, f: Flows, unit: Unit): JsonObject {
  const theory = f.irradiation * plant.capacity;
  const base: Record<string, number | null> = {
    radiation_intensity: f.irradiation,
    theory_power: theory,
    inverter_power: f.pv,
    ongrid_power: f.export,
    power_profit: f.pv * PRICE_PER_KWH,
  };
  if (unit !== 'hour') {
    Object.assign(base, {
      installed_capacity: plant.capacity,
      performance_ratio: theory > 0 ? (f.pv / theory) * 100 : null,
      use_power: f.load,
      perpower_ratio: f.pv / plant.capacity,
      reduction_total_co2: f.pv * 0.000997,
      reduction_total_coal: f.pv * 0.0004,
      reduction_total_tree: f.pv * 0.0545,
    });
  }
  if (sim.options.quirks) {
    const charge = sum(f.charge);
    const discharge = sum(f.discharge);
    // Keys newer versions add; PVYield is what inverter_power means on plants without storage.
    Object.assign(base, {
      PVYield: f.pv,
      inverterYield: f.pv - charge + discharge,
      chargeCap: charge,
      dischargeCap: discharge,
      selfProvide: f.pv - f.export - charge,
    });
  }
  return outAll(sim, plant, base);
}

function report(unit: Unit) {
  return (req: SimRequest): unknown => {
    const plants = stationsArg(req);
    const t = timeArg(req.body.collectTime);
    return plants.flatMap((plant) => {
      const memo = new Map<string, SlotBattery[][]>();
      const starts =
        unit === 'hour'
          ? hoursOf(req.sim, plant, t, req.now)
          : unit === 'day'
            ? daysOf(req.sim, plant, t, req.now)
            : unit === 'month'
              ? monthsOf(req.sim, plant, t, req.now)
              : yearsOf(req.sim, plant, req.now);
      return starts.map((s) => ({
        stationCode: plant.plantCode,
        collectTime: s,
        dataItemMap: items(req.sim, plant, periodFlows(req.sim, plant, s, unit, memo), unit),
      }));
    });
  };
}

export const plantReportRoutes = {
  getKpiStationHour: report('hour'),
  getKpiStationDay: report('day'),
  getKpiStationMonth: report('month'),
  getKpiStationYear: report('year'),
};
