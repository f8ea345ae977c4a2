import { DEV } from '../fleet';
import { SimFail, type SimRequest } from '../types';
import { inverterModel } from './control-inverter';
import { num } from './control-dispatch';
import { byType, controlState, isOffline, ownDevices, ownPlants } from './control-state';
import { commaList } from './common';

/** 9.3.6-9.3.8: battery DoD, inverter power on/off and plant EMS mode. */

function deviceList(body: Record<string, unknown>): string[] {
  const dns = commaList(body.dns);
  if (dns.length === 0) throw new SimFail(20011);
  if (dns.length > 100) throw new SimFail(20017);
  return dns;
}

/**
 * 9.3.6: DoD = charging cutoff SOC (100) - end-of-discharge SOC, which Huawei batteries allow
 * in [0, 20] and LG batteries in [12, 20]; a value outside is replaced by the closest allowed.
 */
function dodRange(model: string): [number, number] {
  return /^LG/i.test(model) ? [80, 88] : [80, 100];
}

export function dod({ sim, user, body }: SimRequest): unknown {
  const s = controlState(sim);
  const dns = deviceList(body);
  const value = num(body.dod);
  if (value === undefined || !Number.isInteger(value) || value < 0 || value > 100) throw new SimFail(20039);
  const results = ownDevices(sim, user, dns).map((d) => {
    if ((d.deviceTypeId !== DEV.battery && d.deviceTypeId !== 20835) || isOffline(s, d.dn, d.plantCode))
      return { dn: d.dn, result: 1, setDOD: null };
    const [lo, hi] = dodRange(d.model);
    d.dod = Math.min(hi, Math.max(lo, value));
    return { dn: d.dn, result: 0, setDOD: d.dod };
  });
  if (results.every((r) => r.result !== 0)) throw new SimFail(20051);
  return results;
}

export function devOnOff({ sim, user, body }: SimRequest): unknown {
  const s = controlState(sim);
  const dns = deviceList(body);
  const controlType = num(body.controlType);
  if (controlType !== 1 && controlType !== 2) throw new SimFail(20019);
  const results = ownDevices(sim, user, dns).map((d) => {
    if (d.deviceTypeId !== DEV.inverter || isOffline(s, d.dn, d.plantCode)) return { dn: d.dn, result: 1 };
    inverterModel(sim, d).powerOff = controlType === 2;
    return { dn: d.dn, result: 0 };
  });
  if (results.every((r) => r.result !== 0)) throw new SimFail(20052);
  return results;
}

/** 9.3.8: one plant per call; every SmartLogger of the plant answers for itself. */
export function ems({ sim, user, body }: SimRequest): unknown {
  const s = controlState(sim);
  const dn = typeof body.dn === 'string' ? body.dn.trim() : '';
  if (!dn) throw new SimFail(20005);
  if (num(body.controlType) !== 6) throw new SimFail(20117, null, 'controlType error');
  const [plant] = ownPlants(sim, user, [dn]);
  const loggers = byType(plant, DEV.smartLogger);
  if (loggers.length === 0) throw new SimFail(20008);
  // The reference documents success as 0/1/2 but its example answers with booleans, as here.
  return loggers.map((l) => {
    if (isOffline(s, l.dn, plant.plantCode))
      return { name: l.deviceName, success: false, message: 'The device is offline.' };
    s.ems.set(l.dn, 6);
    return { name: l.deviceName, success: true, message: 'Operation complete.' };
  });
}
