import { DEV } from '../fleet';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { inverterModel } from './control-inverter';
import {
  byType,
  controlState,
  dailyLimit,
  invertersOf,
  isOffline,
  nextTaskId,
  ownPlants,
  plantTime,
} from './control-state';
import { commaList } from './common';

/** 9.6.1.6 / 9.6.1.7: DRM switches of the inverters of plants, and the per-inverter task status. */

/** How long inverters take to apply DRM switches. */
export const DRM_APPLY_MS = 60_000;
const SWITCHES = ['drm0', 'drm1', 'drm5'] as const;

/** `drms`: one object (the example) or a list holding it (the table); values are the strings "true"/"false". */
function parseDrms(v: unknown): Record<(typeof SWITCHES)[number], boolean> {
  const one: unknown = Array.isArray(v) && v.length === 1 ? v[0] : v;
  if (typeof one !== 'object' || one === null || Array.isArray(one)) throw new SimFail(20612);
  const o = one as JsonObject;
  const out = { drm0: false, drm1: false, drm5: false };
  for (const k of SWITCHES) {
    if (o[k] === undefined || o[k] === null || o[k] === '') throw new SimFail(20612);
    if (o[k] !== 'true' && o[k] !== 'false') throw new SimFail(20611);
    out[k] = o[k] === 'true';
  }
  return out;
}

export function drm({ sim, user, body, now, endpoint }: SimRequest): unknown {
  dailyLimit(sim, user, endpoint, now);
  const s = controlState(sim);
  // Only the lower-case name exists in this interface.
  const codes = commaList(body.plantcodes);
  if (codes.length === 0 || codes.length > 100) throw new SimFail(20116);
  const drms = parseDrms(body.drms);
  const plants = ownPlants(sim, user, codes);
  const inverters = plants.reduce((n, p) => n + invertersOf(p).length, 0);
  if (inverters === 0 || inverters > 200) throw new SimFail(20116);
  const text = SWITCHES.map((k) => `${k}=${drms[k]}`).join(',');

  return plants.map((plant) => {
    // DRM works only for inverters connected directly or through SDongles, not through SmartLoggers.
    if (byType(plant, DEV.smartLogger).length > 0 || isOffline(s, plant.plantCode)) {
      return { remoteId: null, plantcode: plant.plantCode, drm: text, result: 1 };
    }
    const remoteId = nextTaskId(s);
    const devices = invertersOf(plant);
    const failing = devices.filter((d) => isOffline(s, d.dn)).map((d) => d.dn);
    const appliedAt = now + DRM_APPLY_MS;
    for (const d of devices)
      if (!failing.includes(d.dn)) inverterModel(sim, d).drm = { off: drms.drm0 || drms.drm5, at: appliedAt };
    s.drm.set(remoteId, {
      user: user.username,
      id: remoteId,
      plantCode: plant.plantCode,
      tzOffsetMin: plant.tzOffsetMin,
      receivedAt: now,
      appliedAt,
      inverters: devices.map((d) => d.dn),
      failing,
      drm: text,
    });
    return { remoteId, plantcode: plant.plantCode, drm: text, result: 0 };
  });
}

export function drmStatus({ sim, user, body, now, endpoint }: SimRequest): unknown {
  dailyLimit(sim, user, endpoint, now);
  const s = controlState(sim);
  const ids = commaList(body.remoteIds);
  if (ids.length === 0) throw new SimFail(20616);
  if (ids.length > 100) throw new SimFail(20619);
  const tasks = ids.map((id) => {
    const t = s.drm.get(id);
    if (!t || t.user !== user.username) throw new SimFail(20620, null, 'RemoteIds does not exist');
    return t;
  });
  return tasks.map((t) => {
    const applied = now >= t.appliedAt;
    return {
      devicesStatusInfo: t.inverters.map((dn) => {
        const failed = t.failing.includes(dn);
        return {
          appliedTime: applied && !failed ? plantTime(t.appliedAt, t.tzOffsetMin) : null,
          dn,
          receivedTime: plantTime(t.receivedAt, t.tzOffsetMin),
          status: !applied ? '0' : failed ? '2' : '1',
        };
      }),
      plantCode: t.plantCode,
      remoteId: t.id,
    };
  });
}
