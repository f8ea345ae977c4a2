import { batteriesOf } from '../physics-battery';
import type { SlotBattery } from '../physics-battery';
import type { JsonObject, SimRequest } from '../types';
import { idOut, T, type V6Device } from './devices';
import type { Flows } from './flows';
import { devicesArg, REPORT_TYPES, timeArg } from './params';
import { periodFlows } from './period-flows';
import { daysOf, monthsOf, yearsOf } from './periods';
import { shareOf } from './readings-inverter';
import { outAll } from './values';

/** 6.1.6.3-6.1.6.5: a device's days of a month, months of a year, or years since it was connected. */

type Unit = 'day' | 'month' | 'year';

function items(d: V6Device, f: Flows): Record<string, number | null> {
  if (d.devTypeId === T.inverter || d.devTypeId === T.residentialInverter) {
    const share = shareOf(d);
    const installed = d.plant.capacity * share;
    const yieldKwh = f.pv * share;
    return {
      installed_capacity: installed,
      product_power: yieldKwh,
      perpower_ratio: installed > 0 ? yieldKwh / installed : null,
    };
  }
  const i = d.dev ? batteriesOf(d.plant).indexOf(d.dev) : -1;
  const rec: Record<string, number | null> = { charge_cap: f.charge[i] ?? null, discharge_cap: f.discharge[i] ?? null };
  if (d.devTypeId === T.battery)
    Object.assign(rec, { charge_time: (f.chargeSlots[i] ?? 0) / 12, discharge_time: (f.dischargeSlots[i] ?? 0) / 12 });
  return rec;
}

function report(unit: Unit) {
  return (req: SimRequest): unknown => {
    const { devices } = devicesArg(req, REPORT_TYPES);
    const t = timeArg(req.body.collectTime);
    const memo = new Map<string, SlotBattery[][]>();
    const flows = new Map<string, Flows>();
    return devices.flatMap((d) => {
      const plant = d.plant;
      const starts =
        unit === 'day'
          ? daysOf(req.sim, plant, t, req.now)
          : unit === 'month'
            ? monthsOf(req.sim, plant, t, req.now)
            : yearsOf(req.sim, plant, req.now);
      return starts.map((s) => {
        const key = `${plant.plantCode}|${s}`;
        let f = flows.get(key);
        if (!f) {
          f = periodFlows(req.sim, plant, s, unit, memo);
          flows.set(key, f);
        }
        const row: JsonObject = {
          devId: idOut(req.sim, d),
          collectTime: s,
          dataItemMap: outAll(req.sim, plant, items(d, f)),
        };
        if (req.sim.options.quirks) row.sn = d.devTypeId === T.battery ? null : d.sn;
        return row;
      });
    });
  };
}

export const deviceReportRoutes = {
  getDevKpiDay: report('day'),
  getDevKpiMonth: report('month'),
  getDevKpiYear: report('year'),
};
