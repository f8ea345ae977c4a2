import type { SimPlant } from '../fleet';
import { paged } from '../routes/common';
import type { JsonObject, SimRequest } from '../types';
import { devicesOfPlant, idOut, plantIndex, T } from './devices';
import { fail, stationsArg } from './params';
import { out } from './values';

/** Plant list (`stations`, paged; 6.1.3 `getStationList`) and device list (6.1.5). */

const PAGE_SIZES = [10, 20, 30, 50, 100];

function isResidential(plant: SimPlant): boolean {
  return plant.capacity < 30;
}

function coordinate(req: SimRequest, v: number): number | string {
  // Newer servers send the coordinates as strings of six decimals.
  return req.sim.options.quirks ? v.toFixed(6) : v;
}

function intArg(v: unknown, missing: number, bad: number): number {
  if (v === undefined || v === null || v === '') throw fail(missing);
  const n = Number(v);
  if (!Number.isInteger(n)) throw fail(bad);
  return n;
}

/**
 * `stations`: pageNo mandatory (30004) from 1 (30021), pageSize from the allowed set (30006, default 100),
 * grid-connection window.
 */
function stations(req: SimRequest): unknown {
  const pageNo = intArg(req.body.pageNo, 30004, 30021);
  if (pageNo < 1) throw fail(30021);
  const pageSize =
    req.body.pageSize === undefined || req.body.pageSize === null || req.body.pageSize === ''
      ? 100
      : Number(req.body.pageSize);
  if (!PAGE_SIZES.includes(pageSize)) throw fail(30006);
  const has = (k: string): boolean => req.body[k] !== undefined && req.body[k] !== null && req.body[k] !== '';
  // Only a start: the end is now; only an end: from the epoch.
  const from = has('gridConnectedStartTime') ? intArg(req.body.gridConnectedStartTime, 20012, 30030) : 0;
  const to = has('gridConnectedEndTime') ? intArg(req.body.gridConnectedEndTime, 20012, 30030) : req.now;
  if (from > to) throw fail(20023);
  const list = req.sim
    .plantsOf(req.user)
    .filter((p) => {
      const t = Date.parse(p.gridConnectionDate);
      return t >= from && t <= to;
    })
    .map((p) => {
      const item: JsonObject = {
        plantCode: p.plantCode,
        plantName: p.plantName,
        plantAddress: p.plantAddress,
        longitude: coordinate(req, p.longitude),
        latitude: coordinate(req, p.latitude),
        capacity: p.capacity,
        contactPerson: p.contactPerson,
        contactMethod: p.contactMethod,
        gridConnectionDate: p.gridConnectionDate,
      };
      if (req.sim.options.quirks) Object.assign(item, { aidType: 1, combineType: isResidential(p) ? '3' : '2' });
      return item;
    });
  return paged(list, pageNo, pageSize);
}

/** 6.1.3: capacity in MW, states as strings; quirks mode sends the example's "3" for a connected plant. */
function stationList(req: SimRequest): unknown {
  return req.sim.plantsOf(req.user).map((p) => ({
    stationCode: p.plantCode,
    stationName: p.plantName,
    stationAddr: p.plantAddress,
    capacity: Math.round(p.capacity * 1000) / 1e6,
    buildState: req.sim.options.quirks ? '3' : '2',
    combineType: isResidential(p) ? '3' : '2',
    aidType: 1,
    stationLinkman: p.contactPerson,
    linkmanPho: p.contactMethod,
  }));
}

/** 6.1.5, with the fields newer versions add (devDn, model, optimizerNumber) in quirks mode. */
function devList(req: SimRequest): unknown {
  const quirks = req.sim.options.quirks;
  return stationsArg(req).flatMap((plant) =>
    devicesOfPlant(req.sim, plant).map((d) => {
      const inverter = d.devTypeId === T.inverter || d.devTypeId === T.residentialInverter;
      // Recorded battery rows have no SN, model or version; a dongle's row names its model.
      const bare = quirks && (d.devTypeId === T.battery || d.devTypeId === T.ess);
      const item: JsonObject = {
        id: idOut(req.sim, d),
        devName: d.name,
        stationCode: plant.plantCode,
        esnCode: bare ? null : d.sn,
        devTypeId: d.devTypeId,
        softwareVersion: bare ? null : d.softwareVersion,
        invType: inverter || (quirks && d.devTypeId === T.dongle) ? d.model : null,
        longitude: out(req.sim, plant, plantIndex(plant) % 2 === 0 ? plant.longitude : null, 6),
        latitude: out(req.sim, plant, plantIndex(plant) % 2 === 0 ? plant.latitude : null, 6),
      };
      if (quirks)
        Object.assign(item, {
          devDn: d.dev?.dn ?? `NE=${d.id % 100_000_000}`,
          model: d.model,
          optimizerNumber: d.dev?.optimizerNumber ?? 0,
        });
      return item;
    }),
  );
}

export const plantRoutes = { stations, getStationList: stationList, getDevList: devList };
