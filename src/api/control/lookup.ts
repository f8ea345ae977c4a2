import { accountPlantList } from '../plants/list-cache';
import { isObject, toNumber } from '../core/normalise';
import type { ExecContext } from '../core/types';

/**
 * A fact the default-task rule needs that the input does not carry: each plant's capacity
 * (the upper bound of maxFeedGridPower), from the plant list, kept for a day as the
 * reference advises for the list interfaces.
 */

/** Capacity (kWp) of each known plant; plants the account cannot see are left out. */
export async function plantCapacities(ctx: ExecContext): Promise<Map<string, number>> {
  const { list } = await accountPlantList(ctx);
  const out = new Map<string, number>();
  for (const p of list) {
    const capacity = isObject(p) ? toNumber(p.capacity) : null;
    if (isObject(p) && typeof p.plantCode === 'string' && capacity !== null) out.set(p.plantCode, capacity);
  }
  return out;
}
