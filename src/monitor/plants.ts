import { isObject } from '../api/core/normalise';
import { learnZones, offsetOf, zoneOf } from '../api/plant-data/zones';
import type { FusionSolarClient } from '../client/client';
import type { PlantFacts } from './state';

/** The plants a monitor watches: the configured codes, or every plant of the account's list. */
export class PlantSet {
  private readonly facts = new Map<string, PlantFacts>();

  constructor(
    private readonly client: FusionSolarClient,
    /** Empty: all plants of the account. */
    private readonly configured: readonly string[],
  ) {}

  get all(): boolean {
    return this.configured.length === 0;
  }

  codes(): string[] {
    return this.all ? [...this.facts.keys()] : [...this.configured];
  }

  list(): PlantFacts[] {
    return [...this.facts.values()];
  }

  has(code: string): boolean {
    return this.all ? this.facts.has(code) : this.configured.includes(code);
  }

  /** Adopts a plant list (the API's items or remembered facts); true when the set changed. */
  adopt(items: readonly unknown[]): boolean {
    const before = this.codes().join(',');
    this.facts.clear();
    for (const item of items) {
      if (!isObject(item)) continue;
      const code =
        typeof item.plantCode === 'string' ? item.plantCode : typeof item.code === 'string' ? item.code : undefined;
      if (!code) continue;
      const offset = typeof item.offsetMin === 'number' ? item.offsetMin : offsetOf(item.gridConnectionDate);
      const name =
        typeof item.plantName === 'string' ? item.plantName : typeof item.name === 'string' ? item.name : undefined;
      this.facts.set(code, { code, ...(name ? { name } : {}), ...(offset !== undefined ? { offsetMin: offset } : {}) });
    }
    // History's "today" follows each plant's zone: tell the api layer what the list says, unless it learned better.
    learnZones(
      this.client,
      [...this.facts.values()]
        .filter((f) => f.offsetMin !== undefined && zoneOf(this.client, f.code) === undefined)
        .map((f) => [f.code, f.offsetMin as number]),
    );
    return before !== this.codes().join(',');
  }

  name(code: string): string | undefined {
    return this.facts.get(code)?.name;
  }

  /** The plant's UTC offset: learned from history times first, then the plant list; UTC when unknown. */
  offset(code: string): number {
    return zoneOf(this.client, code) ?? this.facts.get(code)?.offsetMin ?? 0;
  }
}
