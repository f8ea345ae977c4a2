import type { SimPlant } from '../fleet';
import type { SlotBattery } from '../physics-battery';
import type { Simulator } from '../server';
import { add, dayFlows, empty, slotRange, type Flows } from './flows';
import { daysOf, monthsOf, slotAt } from './periods';

/** A plant's energy flows over one report period that starts at `start`. */
export function periodFlows(
  sim: Simulator,
  plant: SimPlant,
  start: number,
  unit: 'hour' | 'day' | 'month' | 'year',
  memo: Map<string, SlotBattery[][]>,
): Flows {
  const now = sim.clock.now();
  if (unit === 'hour') return slotRange(sim, plant, slotAt(start), slotAt(start) + 12, memo);
  if (unit === 'day') return dayFlows(sim, plant, slotAt(start), memo);
  const inner = unit === 'month' ? daysOf(sim, plant, start, now) : monthsOf(sim, plant, start, now);
  let f = empty(plant);
  for (const s of inner) f = add(f, periodFlows(sim, plant, s, unit === 'month' ? 'day' : 'month', memo));
  return f;
}
