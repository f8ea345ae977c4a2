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
 * The account's lasting store as the monitor uses it (the client's `state` binding, a file
 * or Redis): poll times and the monitor's memory outlive a restart of Node-RED, so a
 * restart adds no call and raises no alarm again; with Redis the instances divide the polls.
 */
export interface LastingPolls {
  readonly ready: Promise<void>;
  /** Clock time of the last poll of `key`, 0 when never. */
  lastPoll(key: string): number;
  savePoll(key: string, at: number): void;
  /** Takes the poll unless another instance made it within `periodMs` (then: when to look again). */
  claimPoll(
    key: string,
    at: number,
    periodMs: number,
  ): Promise<{ ok: true; previous?: number } | { ok: false; next: number }>;
  /** The claimed poll's call failed: give it back, so a retry (here or elsewhere) makes it. */
  releasePoll(key: string, at: number, previous: number | undefined): void;
  monitorState(id: string): unknown;
  saveMonitorState(id: string, state: MonitorState): void;
}

/** The client's lasting store, when the account has one. */
export function lastingPolls(client: object): LastingPolls | undefined {
  const s = (client as { state?: Partial<LastingPolls> }).state;
  const fns = ['lastPoll', 'savePoll', 'claimPoll', 'releasePoll', 'monitorState', 'saveMonitorState'] as const;
  return s && fns.every((f) => typeof s[f] === 'function') ? (s as LastingPolls) : undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): boolean => v === undefined || typeof v === 'string';

function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (isTime(x)) out[k] = x;
  return out;
}

/**
 * A monitor's memory as a file or Redis gave it back: anything of the wrong shape (another
 * version wrote it, someone edited it) is left out, part by part, never trusted.
 */
export function checkState(raw: unknown): MonitorState | undefined {
  if (!isRecord(raw)) return undefined;
  const counters: CounterMemory = {};
  if (isRecord(raw.counters)) {
    for (const [k, v] of Object.entries(raw.counters))
      if (isRecord(v) && isTime(v.value) && isTime(v.time)) counters[k] = { value: v.value, time: v.time };
  }
  const state: MonitorState = { polls: numbers(raw.polls), counters, backfilled: numbers(raw.backfilled) };
  const plants =
    isRecord(raw.plants) && isTime(raw.plants.at) && Array.isArray(raw.plants.list) ? raw.plants : undefined;
  if (plants) {
    const list = (plants.list as unknown[]).filter(
      (p): p is PlantFacts =>
        isRecord(p) && typeof p.code === 'string' && str(p.name) && (p.offsetMin === undefined || isTime(p.offsetMin)),
    );
    state.plants = { at: plants.at as number, list };
  }
  const devices =
    isRecord(raw.devices) && isTime(raw.devices.at) && Array.isArray(raw.devices.list) ? raw.devices : undefined;
  if (devices) {
    const list = (devices.list as unknown[]).filter(
      (d): d is DeviceFacts =>
        isRecord(d) &&
        typeof d.id === 'string' &&
        typeof d.devTypeId === 'number' &&
        str(d.stationCode) &&
        str(d.name) &&
        str(d.model) &&
        str(d.sn),
    );
    state.devices = { at: devices.at as number, list };
  }
  if (isRecord(raw.alarms)) {
    state.alarms = {};
    for (const [k, a] of Object.entries(raw.alarms)) if (isRecord(a)) state.alarms[k] = a;
  }
  return state;
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
