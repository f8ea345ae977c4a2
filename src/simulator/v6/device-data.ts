import { DAY_MS, SLOT_MS } from '../physics';
import type { JsonObject, SimRequest } from '../types';
import { newCtx, type Moment } from './context';
import { idOut, T } from './devices';
import { devicesArg, fail, rangeArg, REAL_TYPES, timeArg } from './params';
import { dayStart } from './periods';
import { liveOf, readingOf, slotOfPlant } from './readings';

/** 6.1.6.1 real-time, 6.1.6.2 history (10 devices, 3 days) and 6.4.1 five-minute device data. */

function realKpi(req: SimRequest): unknown {
  const { devices } = devicesArg(req, REAL_TYPES);
  const ctx = newCtx(req.sim, req.now);
  const moments = new Map<string, Moment>();
  return devices.map((d) => {
    const item: JsonObject = {
      devId: idOut(req.sim, d),
      dataItemMap: readingOf(ctx, d, liveOf(ctx, d.plant, moments)),
    };
    // Newer versions name the device by SN too; batteries have none there.
    if (req.sim.options.quirks) item.sn = d.devTypeId === T.battery ? null : d.sn;
    return item;
  });
}

/** Completed slots whose start lies in [start, end]. */
function rows(req: SimRequest, devices: ReturnType<typeof devicesArg>['devices'], start: number, end: number): unknown {
  const ctx = newCtx(req.sim, req.now);
  const moments = new Map<string, Moment>();
  const last = Math.min(Math.floor(end / SLOT_MS), Math.floor(req.now / SLOT_MS) - 1);
  const out: JsonObject[] = [];
  for (const d of devices) {
    for (let k = Math.ceil(start / SLOT_MS); k <= last; k++) {
      out.push({
        devId: idOut(req.sim, d),
        collectTime: k * SLOT_MS,
        dataItemMap: readingOf(ctx, d, slotOfPlant(ctx, d.plant, k, moments)),
      });
    }
  }
  return out;
}

function historyKpi(req: SimRequest): unknown {
  const { devices } = devicesArg(req, REAL_TYPES, 10);
  const { start, end } = rangeArg(req.body, 'startTime', 'endTime');
  if (end - start > 3 * DAY_MS) throw fail(30032);
  if (start < req.now - 365 * DAY_MS) throw fail(20026);
  return rows(req, devices, start, end);
}

function fiveMinutes(req: SimRequest): unknown {
  const { devices } = devicesArg(req, REAL_TYPES);
  const t = timeArg(req.body.collectTime);
  if (t < req.now - 365 * DAY_MS) throw fail(20026);
  // Each device's own day: the plant's time zone.
  return devices.flatMap((d) => {
    const first = dayStart(req.sim, d.plant, t);
    return rows(req, [d], first, first + DAY_MS - 1) as JsonObject[];
  });
}

export const deviceDataRoutes = {
  getDevRealKpi: realKpi,
  getDevHistoryKpi: historyKpi,
  getDevFiveMinutes: fiveMinutes,
};
