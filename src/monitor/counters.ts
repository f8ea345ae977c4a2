import type { Counter, FieldMeta } from './fields';

const DAY = 86_400_000;

/** Calendar position of a time in a zone `offsetMin` minutes east of UTC. */
function local(t: number, offsetMin: number): { day: number; month: number; year: number } {
  const d = new Date(t + offsetMin * 60_000);
  return {
    day: Math.floor((t + offsetMin * 60_000) / DAY),
    month: d.getUTCFullYear() * 12 + d.getUTCMonth(),
    year: d.getUTCFullYear(),
  };
}

/** May a counter of this kind restart between these two times (the plant's local midnight, month, year)? */
export function mayReset(counter: Counter, before: number, after: number, offsetMin: number): boolean {
  if (counter === 'lifetime') return false;
  // A value read at the very instant of midnight still sums the day that just ended (the
  // servers count completed 5-minute slots): it belongs to that day, so the 0 after it may follow.
  const a = local(before - 1, offsetMin);
  const b = local(after, offsetMin);
  if (counter === 'daily') return b.day > a.day;
  if (counter === 'monthly') return b.month > a.month;
  return b.year > a.year;
}

export interface LastGood {
  value: number;
  time: number;
}

/** The guard's memory, one entry per series and field (lasting state: see state.ts). */
export type CounterMemory = Record<string, LastGood>;

/**
 * Energy counters Home Assistant and Grafana can trust: a counter never goes backwards,
 * except a daily (monthly, yearly) one at the plant's local midnight (month, year start);
 * `null`, `"N/A"` and 0 between real readings are glitches. A value that breaks the rule
 * is removed from the reading and counted, never emitted.
 */
export class CounterGuard {
  heldBack = 0;

  constructor(private readonly memory: CounterMemory) {}

  /**
   * Filters the counters of one reading in place; `raw` holds the values as the API sent
   * them (null for "N/A"), `offsetMin` the plant's zone. Returns the fields held back.
   */
  check(
    series: string,
    time: number,
    raw: Record<string, unknown>,
    fields: Record<string, FieldMeta>,
    offsetMin: number,
  ): string[] {
    const held: string[] = [];
    for (const [name, meta] of Object.entries(fields)) {
      if (!meta.counter || !(name in raw)) continue;
      const key = `${series}/${name}`;
      const last = this.memory[key];
      const v = raw[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        // After a real reading, a missing counter is a glitch; a counter never seen is just absent.
        delete raw[name];
        if (last) held.push(name);
        continue;
      }
      if (last && time < last.time) {
        // An older point (a backfill after live readings): it cannot move the counter.
        delete raw[name];
        continue;
      }
      // A 0 between real readings is the commonest case of this: the API's "no data".
      if (last && v < last.value && !mayReset(meta.counter, last.time, time, offsetMin)) {
        delete raw[name];
        held.push(name);
        continue;
      }
      this.memory[key] = { value: v, time };
    }
    this.heldBack += held.length;
    return held;
  }
}
