import type { Window } from '../client/quota/window';

export const FIVE_MINUTES = 300_000;

export interface CadenceInput {
  /** The endpoint's limits at the current fleet size (Governor.windows). */
  windows: readonly Window[];
  /** Calls one round needs (chunks of 100 plants, device types x chunks). */
  callsPerRound: number;
  /** How often the data changes: under the documented quotas no faster than this. */
  granularityMs: number;
  /** The account's quota profile. */
  profile: 'documented' | 'custom' | 'off';
  /** The node's `interval`, ms; 0 = as fast as allowed. */
  intervalMs: number;
}

/**
 * Time between rounds: the shortest that keeps every one of the endpoint's limits, which
 * under the documented quotas is the data's own granularity; custom quotas may allow faster
 * (on-premises servers refresh faster), `interval` slows it down, never speeds it up.
 * With no limit known (profile off) and no interval, the data's granularity.
 */
export function roundPeriod(c: CadenceInput): number {
  let period = 0;
  for (const w of c.windows) period = Math.max(period, (w.windowMs * c.callsPerRound) / Math.max(1, w.count));
  if (c.windows.length === 0) period = c.intervalMs > 0 ? 0 : c.granularityMs;
  if (c.profile === 'documented') period = Math.max(period, c.granularityMs);
  return Math.ceil(Math.max(period, c.intervalMs, 1000));
}
