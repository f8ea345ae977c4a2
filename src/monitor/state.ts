import type { CounterMemory } from './counters';

/**
 * What a monitor remembers across redeploys and restarts: when each job last polled (so a
 * restart adds no calls), the counters' last good values (so a glitch right after a restart
 * is still caught), and the day a history backfill was done. Kept per account and node.
 */
export interface MonitorState {
  polls: Record<string, number>;
  counters: CounterMemory;
  /** Local day number of the last backfill per job. */
  backfilled: Record<string, number>;
  /** The plants last listed, so a restart needs no plant list call to know them. */
  plants?: { at: number; list: PlantFacts[] };
  /** V6: the devices last listed (ids, types, names, models, SNs). */
  devices?: { at: number; list: DeviceFacts[] };
  /** V6: alarms seen and not yet cleared, by key: a restart raises none of them again. */
  alarms?: Record<string, Record<string, unknown>>;
}

export interface DeviceFacts {
  id: string;
  devTypeId: number;
  stationCode?: string;
  name?: string;
  model?: string;
  sn?: string;
}

export interface PlantFacts {
  code: string;
  name?: string;
  /** Minutes east of UTC: the plant's midnight resets its daily counters. */
  offsetMin?: number;
}

export interface MonitorStore {
  load(account: string, node: string): MonitorState | undefined;
  save(account: string, node: string, state: MonitorState): void;
}

/**
 * Poll times in the account's lasting store (issue 17: the client's `state` binding, a file
 * or Redis): they outlive a restart of Node-RED, so a restart adds no real-time call.
 */
export interface LastingPolls {
  readonly ready: Promise<void>;
  /** Clock time of the last poll of `key`, 0 when never. */
  lastPoll(key: string): number;
  savePoll(key: string, at: number): void;
}

/** The client's lasting store, when the account has one. */
export function lastingPolls(client: object): LastingPolls | undefined {
  const s = (client as { state?: Partial<LastingPolls> }).state;
  return s && typeof s.lastPoll === 'function' && typeof s.savePoll === 'function' ? (s as LastingPolls) : undefined;
}

/** The account's key in the store: who the server counts calls for. */
export function accountKey(baseUrl: string, username: string): string {
  return `${baseUrl.replace(/\/+$/, '')}\u0000${username}`;
}

export function emptyState(): MonitorState {
  return { polls: {}, counters: {}, backfilled: {} };
}

/** Module-level: outlives a redeploy of the flow, like the session and the quota ledger. */
const memory = new Map<string, MonitorState>();

export const memoryStore: MonitorStore = {
  load: (account, node) => memory.get(`${account}\u0000${node}`),
  save: (account, node, state) => void memory.set(`${account}\u0000${node}`, state),
};

/** For tests that simulate a restart of Node-RED: the module memory is gone. */
export function forgetMonitorState(): void {
  memory.clear();
}
