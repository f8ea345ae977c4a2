import { isQuirky } from '../quirks';
import type { Simulator } from '../server';
import type { SimDevice, SimPlant } from '../fleet';
import { SimFail, type JsonObject, type SimQuota, type SimRequest } from '../types';
import { commaList, pageArgs, paged } from './common';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Reference 9.2.1 and 9.2.2 formulas: Roundup(n/50) x 10 + 24 a day, one a minute. */
function listQuota(size: (r: { sim: Simulator; user: SimRequest['user'] }) => number): SimQuota[] {
  return [
    { count: (r) => Math.ceil(Math.max(1, size(r)) / 50) * 10 + 24, windowMs: DAY },
    { count: 1, windowMs: MINUTE },
  ];
}

/**
 * Every fourth plant reports coordinates as strings, as some live servers do; in quirks
 * mode another fourth has "" coordinates and capacities come as numeric strings.
 */
function plantView(p: SimPlant, i: number, quirks: boolean): JsonObject {
  const blank = quirks && i % 4 === 2;
  return {
    plantCode: p.plantCode,
    plantName: p.plantName,
    plantAddress: p.plantAddress,
    longitude: blank ? '' : i % 4 === 3 ? String(p.longitude) : p.longitude,
    latitude: blank ? '' : i % 4 === 3 ? String(p.latitude) : p.latitude,
    capacity: quirks ? String(p.capacity) : p.capacity,
    contactPerson: p.contactPerson,
    contactMethod: p.contactMethod,
    gridConnectionDate: p.gridConnectionDate,
  };
}

function deviceView(d: SimDevice, i: number, quirks: boolean): JsonObject {
  const map: JsonObject = {};
  if (d.deviceTypeId === 20822)
    Object.assign(map, {
      model: d.model,
      ratedPower: d.ratedPower,
      softwareVersion: d.softwareVersion,
      optimizerNumber: d.optimizerNumber,
    });
  if (d.deviceTypeId === 20815 || d.deviceTypeId === 20835)
    Object.assign(map, {
      model: d.model,
      ratedCapacity: d.ratedCapacity,
      usableCapacity: d.usableCapacity,
      dod: String(d.dod),
    });
  // Quirks: the 9.2.2 example's OCR spelling "dataltemMap" on every other device.
  return {
    plantCode: d.plantCode,
    dn: d.dn,
    sn: d.sn,
    deviceName: d.deviceName,
    deviceTypeId: d.deviceTypeId,
    [quirks && i % 2 === 0 ? 'dataltemMap' : 'dataItemMap']: map,
  };
}

function plants(req: SimRequest): unknown {
  const all = req.sim.plantsOf(req.user);
  const names = commaList(req.body.plantNames);
  if (names.length > 100) throw new SimFail(20014);
  if (names.length > 0 && req.body.pageNo === undefined) {
    const wanted = new Set(names);
    const list = all.filter((p) => wanted.has(p.plantName)).map((p, i) => plantView(p, i, isQuirky(req.sim)));
    return { list, pageCount: 1, pageNo: 1, pageSize: list.length, total: list.length };
  }
  const { pageNo, pageSize } = pageArgs(req.body, [50, 100]);
  const filtered = names.length ? all.filter((p) => names.includes(p.plantName)) : all;
  return paged(
    filtered.map((p, i) => plantView(p, i, isQuirky(req.sim))),
    pageNo,
    pageSize,
  );
}

function devices(req: SimRequest): unknown {
  const codes = commaList(req.body.plantCodes);
  if (codes.length === 0) throw new SimFail(20010);
  if (codes.length > 100) throw new SimFail(20014);
  const quirks = isQuirky(req.sim);
  // Quirks: the 9.2.2 example answers with the whole list as a bare array, paging or not.
  const { pageNo, pageSize } = quirks ? { pageNo: 1, pageSize: Infinity } : pageArgs(req.body, [50, 100]);
  const typeId =
    req.body.deviceTypeId === undefined || req.body.deviceTypeId === null || req.body.deviceTypeId === ''
      ? undefined
      : Number(req.body.deviceTypeId);
  const own = new Set(req.sim.plantsOf(req.user).map((p) => p.plantCode));
  const list = codes
    .filter((c) => own.has(c))
    .flatMap((c) => req.sim.fleet.plant(c)?.devices ?? [])
    .filter((d) => typeId === undefined || d.deviceTypeId === typeId)
    .map((d, i) => deviceView(d, i, quirks));
  return quirks ? list : paged(list, pageNo, pageSize);
}

export function registerConfig(sim: Simulator): void {
  sim.route('plants', plants, { quota: listQuota((r) => r.sim.plantsOf(r.user).length) });
  sim.route('devices', devices, {
    quota: listQuota((r) => r.sim.plantsOf(r.user).reduce((n, p) => n + p.devices.length, 0)),
  });
}
