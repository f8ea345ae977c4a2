import { SimFail, type JsonObject, type SimRequest } from '../types';
import { num } from './control-dispatch';
import {
  controlState,
  dailyLimit,
  isOffline,
  nextTaskId,
  ownPlants,
  plantTime,
  type DefaultTask,
} from './control-state';
import { commaList } from './common';
import { text } from '../../text';

/** 9.6.1.3 / 9.6.1.4: the plant default task and its status. */

/** How long a plant takes to apply its default settings (20615 advises waiting 3 minutes). */
export const APPLY_MS = 2 * 60_000;

const threeDecimals = (v: number): number => Math.round(v * 1000) / 1000;

/** The failCode of one task, 0 when it can be sent. */
function checkTask(t: JsonObject, capacity: number): number {
  const feed = num(t.maxFeedGridPower);
  const gradient = num(t.activePowerVariationGradient);
  if (feed === undefined && gradient === undefined) return 20612;
  if (feed !== undefined && !(feed >= -1000 && feed <= capacity)) return 20611;
  if (gradient !== undefined && !(gradient >= 0.1 && gradient <= 5000)) return 20611;
  return 0;
}

export function plantDefaultSetting({ sim, user, body, now, endpoint }: SimRequest): unknown {
  dailyLimit(sim, user, endpoint, now);
  const s = controlState(sim);
  const raw = Array.isArray(body.tasks) ? body.tasks : [];
  if (raw.length === 0) throw new SimFail(20607);
  if (raw.length > 100) throw new SimFail(20015);
  const tasks = raw.map((t) => (typeof t === 'object' && t !== null ? (t as JsonObject) : {}));
  const codes = tasks.map((t) => text(t.plantCode ?? ''));
  if (codes.some((c) => !c)) throw new SimFail(20612);
  if (new Set(codes).size !== codes.length) throw new SimFail(20608);
  const plants = ownPlants(sim, user, codes);
  const executing = new Set(
    [...s.defaults.values()].flatMap((d) => d.tasks.filter((t) => now < t.appliedAt).map((t) => t.plantCode)),
  );

  const accepted: DefaultTask[] = [];
  const results = plants.map((plant, i) => {
    let result = checkTask(tasks[i], plant.capacity);
    if (result === 0 && executing.has(plant.plantCode)) result = 20615;
    if (result === 0 && isOffline(s, plant.plantCode)) result = 20614;
    if (result === 0) {
      const feed = num(tasks[i].maxFeedGridPower);
      const gradient = num(tasks[i].activePowerVariationGradient);
      accepted.push({
        id: '',
        plantCode: plant.plantCode,
        tzOffsetMin: plant.tzOffsetMin,
        receivedAt: now,
        appliedAt: now + APPLY_MS,
        maxFeedGridPower: feed === undefined ? null : threeDecimals(feed),
        activePowerVariationGradient: gradient === undefined ? null : threeDecimals(gradient),
      });
    }
    return { plantCode: plant.plantCode, result };
  });
  if (accepted.length === 0) throw new SimFail(20613);
  const requestId = nextTaskId(s);
  for (const t of accepted) t.id = requestId;
  s.defaults.set(requestId, { user: user.username, tasks: accepted });
  return { requestId, tasks: results };
}

export function plantDefaultSettingStatus({ sim, user, body, now, endpoint }: SimRequest): unknown {
  dailyLimit(sim, user, endpoint, now);
  const requestId = body.requestId === undefined || body.requestId === null ? '' : text(body.requestId).trim();
  if (!requestId) throw new SimFail(20616);
  const task = controlState(sim).defaults.get(requestId);
  const wanted = commaList(body.plantCodes);
  const list =
    task && task.user === user.username
      ? task.tasks.filter((t) => wanted.length === 0 || wanted.includes(t.plantCode))
      : [];
  if (list.length === 0) throw new SimFail(20617, null, `Get 0 records by this requestId and plantCodes`);
  const s = controlState(sim);
  return list.map((t) => {
    const applied = now >= t.appliedAt;
    if (applied && t.fails === undefined) t.fails = isOffline(s, t.plantCode);
    return {
      activePowerVariationGradient: t.activePowerVariationGradient,
      appliedTime: applied && !t.fails ? plantTime(t.appliedAt, t.tzOffsetMin) : null,
      maxFeedGridPower: t.maxFeedGridPower,
      plantCode: t.plantCode,
      receivedTime: plantTime(t.receivedAt, t.tzOffsetMin),
      status: !applied ? '0' : t.fails ? '2' : '1',
    };
  });
}
