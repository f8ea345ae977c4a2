import { DAY } from '../../client/quota/rules';
import { deviceList, plantList } from '../plants/lists';
import { isObject, toNumber } from '../core/normalise';
import { execute } from '../core/planner';
import type { ExecContext } from '../core/types';

/**
 * Facts some command rules need that the input does not carry: a plant's capacity (the
 * upper bound of maxFeedGridPower) and its number of inverters (DRM: at most 200). They come
 * from the list interfaces, which the reference advises to call about once a day, so each
 * answer is kept for a day.
 */

const INVERTER_TYPE = 20822;

function fresh(ctx: ExecContext, at: number): boolean {
  return ctx.client.clock.now() - at < DAY;
}

/** Capacity (kWp) of each known plant; plants the account cannot see are left out. */
export async function plantCapacities(ctx: ExecContext): Promise<Map<string, number>> {
  let entry = ctx.client.memory.plantList;
  if (!entry || !fresh(ctx, entry.at)) {
    await execute(plantList, {}, ctx);
    entry = ctx.client.memory.plantList;
  }
  const out = new Map<string, number>();
  for (const p of Array.isArray(entry?.value) ? entry.value : []) {
    const capacity = isObject(p) ? toNumber(p.capacity) : null;
    if (isObject(p) && typeof p.plantCode === 'string' && capacity !== null) out.set(p.plantCode, capacity);
  }
  return out;
}

/** Inverters per plant, reading the device list only for plants not looked up today. */
export async function inverterCounts(ctx: ExecContext, plantCodes: string[]): Promise<Map<string, number>> {
  const cache = ctx.client.memory.inverters;
  const missing = plantCodes.filter((code) => {
    const e = cache.get(code);
    return !e || !fresh(ctx, e.at);
  });
  if (missing.length) {
    const res = await execute(deviceList, { plantCodes: missing, deviceTypeId: INVERTER_TYPE }, ctx);
    const now = ctx.client.clock.now();
    for (const code of missing) cache.set(code, { at: now, count: 0 });
    for (const d of Array.isArray(res.payload) ? res.payload : []) {
      const e = isObject(d) && typeof d.plantCode === 'string' ? cache.get(d.plantCode) : undefined;
      if (e) e.count++;
    }
  }
  return new Map(plantCodes.map((code) => [code, cache.get(code)?.count ?? 0]));
}
