import { commaList } from '../routes/common';
import type { JsonObject, SimRequest } from '../types';
import { newCtx, type Moment } from './context';
import { deviceBySn, T } from './devices';
import { fail } from './params';
import { liveOf, readingOf } from './readings';
import { activeAlarms } from './alarms';
import { energies } from '../physics-energy';
import { shareOf } from './readings-inverter';
import { round } from './values';

/**
 * 6.3.1 device convergence data (restricted; once an hour): the inverters' real-time
 * readings in camelCase, string currents and voltages as lists padded with null to 8
 * (residential) or 24 (string inverters), `status` 0 while an alarm is active.
 */

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === 'N/A') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function convergence(req: SimRequest): unknown {
  const sns = [...new Set(commaList(req.body.sns))];
  if (sns.length === 0) throw fail(30001);
  if (sns.length > 100) throw fail(20016);
  const own = new Set(req.sim.plantsOf(req.user).map((p) => p.plantCode));
  const devices = sns.map((sn) => {
    const d = deviceBySn(req.sim, sn);
    if (!d || !own.has(d.plant.plantCode)) throw fail(20046);
    if (d.devTypeId !== T.inverter && d.devTypeId !== T.residentialInverter) throw fail(20013);
    return d;
  });
  const ctx = newCtx(req.sim, req.now);
  const moments = new Map<string, Moment>();
  const alarmed = new Map(activeAlarms(req.sim, req.now).map((a) => [a.device.id, a.entry.alarmId]));
  const collector = (plantCode: string): string | null =>
    req.sim.fleet.plant(plantCode)?.devices.find((x) => x.deviceTypeId === 20819 || x.deviceTypeId === 20821)?.sn ??
    null;
  return devices.map((d): JsonObject => {
    const r = readingOf(ctx, d, liveOf(ctx, d.plant, moments));
    const n = d.devTypeId === T.residentialInverter ? 8 : 24;
    const list = (suffix: string): (number | null)[] =>
      Array.from({ length: n }, (_, k) => num(r[`pv${k + 1}_${suffix}`]));
    const energy = num(r.day_cap);
    return {
      sn: d.sn,
      kpis: [
        {
          activePower: num(r.active_power),
          pac: num(r.active_power),
          collectorSN: collector(d.plant.plantCode),
          controlVersion: d.softwareVersion,
          createTime: Math.floor(req.now / 1000),
          eDay: energy,
          eMonth: round(energies(req.sim, d.plant, req.now).monthEnergy * shareOf(d), 3),
          eTotal: num(r.total_cap),
          errorCode: alarmed.has(d.id) ? String(alarmed.get(d.id)) : '',
          fac: num(r.elec_freq),
          iac1: num(r.a_i),
          iac2: num(r.b_i),
          iac3: num(r.c_i),
          vac1: num(r.a_u),
          vac2: num(r.b_u),
          vac3: num(r.c_u),
          inventerSN: d.sn,
          inverterManufacturer: 'Huawei',
          ipvs: list('i'),
          vpvs: list('u'),
          nationalStandard: 'VDE-AR-N-4105',
          powerFactor: num(r.power_factor),
          reactivePower: num(r.reactive_power),
          status: alarmed.has(d.id) ? 0 : 1,
          temperature: num(r.temperature),
        },
      ],
    };
  });
}

export const convergenceRoutes = { 'cs/getInventerRealKpi': convergence };
