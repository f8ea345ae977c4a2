import type { FusionSolarClient } from '../client/client';
import type { ExecContext } from '../api/core/types';
import type { PlantSet } from './plants';
import type { MonitorState } from './state';

/**
 * Gives a claimed poll back when its call failed before reaching the server (the quota or
 * the store refused it): the retry makes it. A call that may have reached the server keeps
 * its claim: polling again would spend another call of the window.
 */
export type Release = (err: unknown) => void;

/** Runs a claimed poll's calls; when they fail, the claim is given back for `release` to judge. */
export async function withClaim(release: Release, calls: () => Promise<unknown>): Promise<void> {
  await calls().catch((err: unknown) => {
    release(err);
    throw err;
  });
}

/** What every job of one monitor shares. */
export interface MonitorContext {
  client: FusionSolarClient;
  api: 'v7' | 'v6';
  exec: ExecContext;
  state: MonitorState;
  /** Writes the state to the store (after each poll). */
  save(): void;
  /** When `key` was last polled (this process's state or the account's lasting store); -Infinity when never. */
  lastPoll(key: string): number;
  savePoll(key: string, at: number): void;
  /**
   * Takes the poll `key` now unless another instance on the account made it within
   * `periodMs` (Redis store): instances divide the polls instead of repeating them.
   */
  claim(key: string, periodMs: number): Promise<Release | undefined>;
  plants: PlantSet;
  /** The node's `interval` in ms; 0 = as fast as allowed. */
  intervalMs: number;
  /** Last time each plant (or device) got a real-time reading from any node's call. */
  fresh: Map<string, number>;
  /** The plant set changed: loops look again. */
  changed(): void;
}

export function profileOf(client: FusionSolarClient): 'documented' | 'custom' | 'off' {
  return client.config.quotaProfile ?? 'documented';
}
