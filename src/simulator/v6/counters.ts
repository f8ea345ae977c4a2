import type { SimPlant } from '../fleet';
import { DAY_MS, SLOTS_PER_DAY, slotOf } from '../physics';
import type { Simulator } from '../server';
import { prefixOf, type Ctx } from './context';

/**
 * A meter's lifetime import and export registers (kWh) that add up exactly: a seeded
 * reading at the simulator's first day, plus or minus the grid flows of every completed
 * 5-minute slot since or before it. Days are summed once and kept, so the registers of a
 * year ago cost a year of slots once, and a poll only the slots since the last.
 */

interface Counters {
  origin: number;
  days: Map<string, { import: number; export: number }>;
}

function state(sim: Simulator): Counters {
  let c = sim.state.get('v6.counters') as Counters | undefined;
  if (!c) {
    c = { origin: Math.floor(sim.clock.now() / DAY_MS) * SLOTS_PER_DAY, days: new Map() };
    sim.state.set('v6.counters', c);
  }
  return c;
}

/** Fixes the first day of the registers (the simulator's start), so their values do not depend on who reads first. */
export function startCounters(sim: Simulator): void {
  state(sim);
}

function block(ctx: Ctx, plant: SimPlant, first: number): { import: number; export: number } {
  const c = state(ctx.sim);
  const key = `${plant.plantCode}|${first}`;
  const known = c.days.get(key);
  if (known) return known;
  const p = prefixOf(ctx, plant, first);
  const last = p[p.length - 1];
  const sum = { import: last?.import ?? 0, export: last?.export ?? 0 };
  if (first + SLOTS_PER_DAY <= slotOf(ctx.now)) c.days.set(key, sum);
  return sum;
}

/** What the registers read at the simulator's first day: the plant's age times a usual day. */
function base(plant: SimPlant, origin: number): { import: number; export: number } {
  const days = Math.max(0, (origin * (DAY_MS / SLOTS_PER_DAY) - Date.parse(plant.gridConnectionDate)) / DAY_MS);
  return { import: days * (plant.capacity < 30 ? 6.5 : plant.capacity * 0.9), export: days * plant.capacity * 1.6 };
}

/** Import and export registers at the end of slot `slot`. */
export function registersAt(ctx: Ctx, plant: SimPlant, slot: number): { import: number; export: number } {
  const { origin } = state(ctx.sim);
  const b = Math.floor((slot - origin) / SLOTS_PER_DAY);
  const first = origin + b * SLOTS_PER_DAY;
  const r = base(plant, origin);
  for (let i = Math.min(0, b); i < Math.max(0, b); i++) {
    const s = block(ctx, plant, origin + i * SLOTS_PER_DAY);
    const sign = b > 0 ? 1 : -1;
    r.import += sign * s.import;
    r.export += sign * s.export;
  }
  const p = prefixOf(ctx, plant, first);
  const within = p[Math.min(slot - first, p.length - 1)];
  if (within) {
    r.import += within.import;
    r.export += within.export;
  }
  return { import: Math.max(0, r.import), export: Math.max(0, r.export) };
}
