import { DAY } from '../../client/quota/rules';
import type { ApiClient } from '../core/api-client';
import { plantList } from './lists';
import { plantListV6 } from './v6';
import { execute } from '../core/planner';
import type { ExecContext } from '../core/types';

/**
 * The account's plant list as operations need it ("all plants", capacities): the cached
 * list while it is less than a day old, else one fetch that every concurrent caller shares.
 * Several nodes starting together after a deploy thus queue behind one plant list call
 * (1 a minute) instead of each needing its own turn and failing on the wait.
 */

const inFlight = new WeakMap<ApiClient, Promise<unknown>>();

export async function accountPlantList(ctx: ExecContext): Promise<{ list: unknown[]; calls: number }> {
  const client = ctx.client;
  const cached = client.memory.plantList;
  if (cached && client.clock.now() - cached.at < DAY) return { list: cached.value, calls: 0 };
  const shared = inFlight.get(client);
  if (shared) {
    try {
      const list = await shared;
      return { list: Array.isArray(list) ? list : [], calls: 0 };
    } catch (err) {
      // Another node's fetch failed (or it closed): this caller tries once on its own.
      if (ctx.signal?.aborted) throw err;
    }
  }
  // A V6 account lists its plants with stations (or getStationList): the same cache and field names.
  const own = execute(client.api === 'v6' ? plantListV6 : plantList, {}, ctx).then((r) => ({
    list: Array.isArray(r.payload) ? (r.payload as unknown[]) : [],
    calls: r.calls,
  }));
  const payload = own.then((r) => r.list);
  payload.catch(() => undefined);
  inFlight.set(client, payload);
  try {
    return await own;
  } finally {
    if (inFlight.get(client) === payload) inFlight.delete(client);
  }
}
