import { DAY } from '../../client/quota/rules';
import { isObject } from '../core/normalise';
import type { ExecContext } from '../core/types';

/**
 * Inverters per plant for 9.6.1.6's limit of 200, learned from the device lists the flows
 * read anyway (the reference advises one a day), so a DRM command reads none of its own.
 */

function fresh(ctx: ExecContext, at: number): boolean {
  return ctx.client.clock.now() - at < DAY;
}

/** Both kinds count toward 9.6.1.6's 200 inverters (20116): string and central inverters. */
export const INVERTER_TYPES: readonly number[] = [20822, 20827];

/** Records inverters per plant from a complete device list (every type) of those plants. */
export function learnInverters(
  ctx: ExecContext,
  plantCodes: readonly string[],
  devices: readonly unknown[],
  typeId?: number,
): void {
  // A list of one type cannot tell how many of the other kind a plant has.
  if (typeId !== undefined) return;
  const cache = ctx.client.memory.inverters;
  const now = ctx.client.clock.now();
  const counts = new Map(plantCodes.map((c) => [c, 0]));
  for (const d of devices) {
    if (!isObject(d) || typeof d.plantCode !== 'string' || !counts.has(d.plantCode)) continue;
    if (INVERTER_TYPES.includes(Number(d.deviceTypeId))) counts.set(d.plantCode, (counts.get(d.plantCode) ?? 0) + 1);
  }
  for (const [code, count] of counts) cache.set(code, { at: now, count });
}

/**
 * Inverters per plant known from today's device lists; plants not among them are left out.
 * No device list is read for a command: that would spend the device list's quota (and fail
 * on it), and the server answers 20116 itself.
 */
export function knownInverterCounts(ctx: ExecContext, plantCodes: readonly string[]): Map<string, number> {
  const cache = ctx.client.memory.inverters;
  const out = new Map<string, number>();
  for (const code of plantCodes) {
    const e = cache.get(code);
    if (e && fresh(ctx, e.at)) out.set(code, e.count);
  }
  return out;
}
