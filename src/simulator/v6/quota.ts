import type { Simulator } from '../server';
import type { SimQuota, SimUser } from '../types';
import { isLegacy } from './account';
import { devicesOfUser, v6Fleet } from './devices';

/**
 * The "Access Restrictions" of each V6 interface for users created after 2022-06-30 (the
 * resource-based policy): P plants and D devices per type of the user. "Only one concurrent
 * request is supported per minute" is read as one call a minute. Older users keep the
 * original policy, which public clients describe as one call per interface a minute.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

type Count = (r: { sim: Simulator; user: SimUser }) => number;

const plants: Count = (r) => Math.max(1, r.sim.plantsOf(r.user).length);

/** Devices per type of the user's plants, kept while the user's plants and the fleet stay the same. */
function typeCounts(sim: Simulator, user: SimUser): Map<number, number> {
  let all = sim.state.get('v6.typeCounts') as Map<string, { key: string; counts: Map<number, number> }> | undefined;
  if (!all) {
    all = new Map();
    sim.state.set('v6.typeCounts', all);
  }
  const plantsOfUser = sim.plantsOf(user);
  const key = `${plantsOfUser.length}|${sim.fleet.plants.length}|${v6Fleet(sim).byId.size}`;
  const known = all.get(user.username);
  if (known && known.key === key) return known.counts;
  const counts = new Map<number, number>();
  for (const d of devicesOfUser(sim, user)) counts.set(d.devTypeId, (counts.get(d.devTypeId) ?? 0) + 1);
  all.set(user.username, { key, counts });
  return counts;
}

/** Σ over the user's device types served by the interface of Roundup(D/per). */
function perType(types: number[], per: number): Count {
  return (r) => {
    const counts = new Map([...typeCounts(r.sim, r.user)].filter(([t]) => types.includes(t)));
    let sum = 0;
    for (const n of counts.values()) sum += Math.ceil(n / per);
    return Math.max(1, sum);
  };
}

const newPolicy = (user: SimUser): boolean => !isLegacy(user);
/** A rule of the resource-based policy only: old users get 1 a minute instead. */
function only(count: number | Count, windowMs: number): SimQuota {
  return {
    count: (r) => (newPolicy(r.user) ? (typeof count === 'number' ? count : count(r)) : Number.POSITIVE_INFINITY),
    windowMs,
  };
}

const oneAMinute: SimQuota = { count: 1, windowMs: MINUTE };
const legacyMinute: SimQuota = { count: (r) => (newPolicy(r.user) ? Number.POSITIVE_INFINITY : 1), windowMs: MINUTE };

export function v6Quotas(realTypes: number[], reportTypes: number[]): Record<string, SimQuota[]> {
  const daily = only((r) => Math.ceil(plants(r) / 100) + 24, DAY);
  const deviceDaily = only((r) => perType(reportTypes, 100)(r) + 24, DAY);
  return {
    stations: [only((r) => Math.ceil(plants(r) / 100) * 10 + 24, DAY), legacyMinute],
    getStationList: [{ count: 24, windowMs: DAY }, oneAMinute],
    getStationRealKpi: [only((r) => Math.ceil(plants(r) / 100), 5 * MINUTE), oneAMinute],
    getKpiStationHour: [daily, oneAMinute],
    getKpiStationDay: [daily, oneAMinute],
    getKpiStationMonth: [daily, oneAMinute],
    getKpiStationYear: [daily, oneAMinute],
    getDevList: [daily, oneAMinute],
    getDevRealKpi: [only(perType(realTypes, 100), 5 * MINUTE), legacyMinute],
    getDevHistoryKpi: [only((r) => perType(realTypes, 10)(r) + 24, DAY), oneAMinute],
    getDevFiveMinutes: [only((r) => perType(realTypes, 100)(r) + 24, DAY), legacyMinute],
    getDevKpiDay: [deviceDaily, oneAMinute],
    getDevKpiMonth: [deviceDaily, oneAMinute],
    getDevKpiYear: [deviceDaily, oneAMinute],
    getAlarmList: [only((r) => Math.ceil(plants(r) / 100), 30 * MINUTE), legacyMinute],
    'cs/getInventerRealKpi': [{ count: 1, windowMs: 60 * MINUTE }],
  };
}
