import { z } from 'zod';
import type { AccountSnapshot } from './types';

/** Version of the file layout this code writes; older files are read section by section. */
export const FORMAT = 1;

const time = z.number().finite().nonnegative();
const session = z.object({
  credential: z.string().min(8),
  token: z.string().min(1).max(4096),
  cookies: z.record(z.string().max(256), z.string().max(4096)),
  lastUsed: time,
});
const rejected = z.object({ credential: z.string().min(8), code: z.string().max(32).optional(), at: time });
const budget = z.object({
  stamps: z.array(time).max(100_000),
  blockedUntil: time,
  blockedReason: z.string().max(500).optional(),
  blockedDaily: z.boolean().optional(),
  strikes: z.number().int().nonnegative(),
});
const ledger = z.object({ pausedUntil: time, budgets: z.record(z.string().max(300), budget) });
const fleet = z.object({ plants: z.number().int().positive(), devices: z.number().int().positive() });
const polls = z.record(z.string().max(300), time);
/** Each monitor checks its own part (monitor/state.ts): here only that it is keyed by node id. */
const monitors = z.record(z.string().max(300), z.unknown());
const instances = z.number().int().positive().max(10_000);

export interface Decoded {
  snapshot: AccountSnapshot;
  /** Sections that were present but not understood, or why the whole was set aside. */
  dropped: string[];
  /** Written by a newer version: nothing was used. */
  newer?: number;
}

function section<T>(schema: z.ZodType<T>, value: unknown, name: string, dropped: string[]): T | undefined {
  if (value === undefined || value === null) return undefined;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  dropped.push(name);
  return undefined;
}

/**
 * Reads a stored snapshot of any version. Each section stands alone, so an older writer's
 * missing or differently shaped section costs only that section (a new login, a fresh
 * ledger), never the rest. A newer writer's file is not guessed at.
 */
export function decode(raw: unknown, account: string): Decoded {
  const dropped: string[] = [];
  const empty: AccountSnapshot = { polls: {} };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { snapshot: empty, dropped: ['not an object'] };
  const o = raw as Record<string, unknown>;
  const format = typeof o.format === 'number' ? o.format : 0;
  if (format > FORMAT) return { snapshot: empty, dropped: [], newer: format };
  if (typeof o.account === 'string' && o.account !== account) return { snapshot: empty, dropped: ['another account'] };
  return {
    snapshot: {
      session: section(session, o.session, 'session', dropped),
      rejected: section(rejected, o.rejected, 'rejected', dropped),
      ledger: section(ledger, o.ledger, 'ledger', dropped),
      fleet: section(fleet, o.fleet, 'fleet', dropped),
      polls: section(polls, o.polls, 'polls', dropped) ?? {},
      monitors: section(monitors, o.monitors, 'monitors', dropped),
      instances: section(instances, o.instances, 'instances', dropped),
    },
    dropped,
  };
}

export function encode(s: AccountSnapshot, account: string, savedAt: number): string {
  return `${JSON.stringify({ format: FORMAT, writer: 'node-red-contrib-fusionsolar', account, savedAt, ...s })}\n`;
}

export function decodeJson<T>(schema: 'session' | 'rejected' | 'fleet', text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    const r = ({ session, rejected, fleet } as Record<string, z.ZodType>)[schema].safeParse(JSON.parse(text));
    return r.success ? (r.data as T) : undefined;
  } catch {
    return undefined;
  }
}
