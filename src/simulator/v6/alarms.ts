import { unit } from '../physics';
import { commaList } from '../routes/common';
import type { Simulator } from '../server';
import type { JsonObject, SimRequest } from '../types';
import { ALARMS, LANGUAGES, textIn, type AlarmEntry } from './alarm-catalogue';
import { deviceBySn, v6Fleet, type V6Device } from './devices';
import { codesArg, fail, rangeArg, stationsArg } from './params';

/**
 * Alarms that raise and clear with simulated time, the same for every reader: each device
 * may raise one alarm in each 4-hour epoch, with a seeded chance, start and duration (10
 * minutes to 10 hours), so which alarms are active is a function of seed and clock.
 * 6.1.7 lists only current alarms: a cleared alarm leaves the list.
 */

const MINUTE = 60_000;
const EPOCH = 4 * 60 * MINUTE;
const LONGEST = 10 * 60 * MINUTE;

/** Chance of an alarm per device and epoch, by device type. */
const CHANCE: Record<number, number> = {
  1: 0.09,
  38: 0.09,
  39: 0.05,
  41: 0.05,
  17: 0.04,
  47: 0.04,
  62: 0.05,
  2: 0.05,
  10: 0.03,
  46: 0.03,
};

export interface SimAlarm {
  device: V6Device;
  entry: AlarmEntry;
  raiseTime: number;
  clearTime: number;
}

function draw(sim: Simulator, d: V6Device, epoch: number, salt: number): number {
  return unit(sim.options.seed, d.id % 1_000_000_000, Math.floor(d.id / 1_000_000_000), epoch, salt);
}

function alarmOf(sim: Simulator, d: V6Device, epoch: number): SimAlarm | undefined {
  const entries = ALARMS.filter((a) => a.devTypes.includes(d.devTypeId));
  if (entries.length === 0 || draw(sim, d, epoch, 71) >= (CHANCE[d.devTypeId] ?? 0)) return undefined;
  const raiseTime = Math.round((epoch * EPOCH + draw(sim, d, epoch, 72) * EPOCH) / 1000) * 1000;
  const duration = 10 * MINUTE + draw(sim, d, epoch, 73) ** 2 * (LONGEST - 10 * MINUTE);
  const entry = entries[Math.floor(draw(sim, d, epoch, 74) * entries.length)];
  return { device: d, entry, raiseTime, clearTime: raiseTime + Math.round(duration / 1000) * 1000 };
}

/** Every alarm of the fleet active at `now`. */
export function activeAlarms(sim: Simulator, now: number): SimAlarm[] {
  const out: SimAlarm[] = [];
  const last = Math.floor(now / EPOCH);
  const first = Math.floor((now - LONGEST - EPOCH) / EPOCH);
  for (const list of v6Fleet(sim).byPlant.values()) {
    for (const d of list) {
      for (let e = first; e <= last; e++) {
        const a = alarmOf(sim, d, e);
        if (a && a.raiseTime <= now && now < a.clearTime) out.push(a);
      }
    }
  }
  return out;
}

/** 1 active; after an hour some are acknowledged (2), after three some are being handled (3). */
function statusOf(sim: Simulator, a: SimAlarm, now: number): number {
  const r = unit(sim.options.seed, a.raiseTime / 1000, a.entry.alarmId, 75);
  if (now - a.raiseTime > 3 * 60 * MINUTE && r < 0.2) return 3;
  if (now - a.raiseTime > 60 * MINUTE && r < 0.4) return 2;
  return 1;
}

function alarmList(req: SimRequest): unknown {
  const sim = req.sim;
  // Newer versions take `sns` (100 devices) where no stationCodes are given.
  const sns = commaList(req.body.stationCodes).length === 0 ? commaList(req.body.sns) : [];
  let plants: Set<string>;
  let devices: Set<V6Device> | undefined;
  if (sns.length > 0) {
    if (sns.length > 100) throw fail(20016);
    const own = new Set(sim.plantsOf(req.user).map((p) => p.plantCode));
    devices = new Set(
      sns.map((sn) => {
        const d = deviceBySn(sim, sn);
        if (!d) throw fail(20008);
        if (!own.has(d.plant.plantCode)) throw fail(20046);
        return d;
      }),
    );
    plants = new Set([...devices].map((d) => d.plant.plantCode));
  } else plants = new Set(stationsArg(req).map((p) => p.plantCode));
  const { start, end } = rangeArg(req.body, 'beginTime', 'endTime');
  const language = req.body.language;
  if (language === undefined || language === null || language === '') throw fail(20024);
  if (typeof language !== 'string' || !LANGUAGES.includes(language)) throw fail(20025);
  const status = codesArg(req.body.status, [1, 2, 3, 4, 5, 6]);
  const levels = codesArg(req.body.levels, [1, 2, 3, 4]);
  const devTypes = codesArg(
    req.body.devTypes,
    [1, 2, 8, 10, 13, 16, 17, 22, 37, 38, 39, 40, 41, 45, 46, 47, 62, 63, 70],
  );
  const types = codesArg(req.body.types, [1, 2, 3, 4, 5]);
  const devName = typeof req.body.devName === 'string' && req.body.devName !== '' ? req.body.devName : undefined;
  return activeAlarms(sim, req.now)
    .filter((a) => plants.has(a.device.plant.plantCode) && (!devices || devices.has(a.device)))
    .filter((a) => a.raiseTime >= start && a.raiseTime <= end)
    .map((a) => ({ a, status: statusOf(sim, a, req.now) }))
    .filter(
      ({ a, status: s }) =>
        (!status || status.includes(s)) &&
        (!levels || levels.includes(a.entry.lev)) &&
        (!devTypes || devTypes.includes(a.device.devTypeId)) &&
        (!types || types.includes(a.entry.alarmType)) &&
        (!devName || devName === a.device.name),
    )
    .sort((x, y) => y.a.raiseTime - x.a.raiseTime)
    .map(({ a, status: s }): JsonObject => ({
      stationCode: a.device.plant.plantCode,
      stationName: a.device.plant.plantName,
      alarmId: a.entry.alarmId,
      alarmName: textIn(a.entry.name, language),
      alarmCause: textIn(a.entry.cause, language),
      causeId: a.entry.causeId,
      alarmType: a.entry.alarmType,
      devName: a.device.name,
      devTypeId: a.device.devTypeId,
      esnCode: a.device.sn,
      repairSuggestion: textIn(a.entry.repair, language),
      raiseTime: a.raiseTime,
      lev: a.entry.lev,
      status: s,
    }));
}

export const alarmRoutes = { getAlarmList: alarmList };
