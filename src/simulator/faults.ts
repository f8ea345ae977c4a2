import type { Fault, FaultKind } from './types';
import { seeded } from './random';

interface Armed extends Fault {
  left: number;
}

/** Faults armed by tests or the fault suite, consumed by matching requests in order. */
export class FaultInjector {
  private armed: Armed[] = [];
  private randomMode: { rate: number; kinds: FaultKind[]; rand: () => number; endpoints?: string[] } | undefined;

  inject(f: Fault): void {
    this.armed.push({ ...f, left: f.times ?? 1 });
  }

  /** Every request has `rate` chance of one of `kinds`, from a fixed seed. */
  randomly(opts: { rate: number; kinds: FaultKind[]; seed?: number; endpoints?: string[] } | undefined): void {
    this.randomMode = opts ? { ...opts, rand: seeded(opts.seed ?? 1) } : undefined;
  }

  clear(): void {
    this.armed = [];
    this.randomMode = undefined;
  }

  take(endpoint: string): Fault | undefined {
    const i = this.armed.findIndex((f) => !f.endpoint || f.endpoint === endpoint);
    if (i >= 0) {
      const f = this.armed[i];
      if (--f.left <= 0) this.armed.splice(i, 1);
      return f;
    }
    const r = this.randomMode;
    if (r && (!r.endpoints || r.endpoints.includes(endpoint)) && r.rand() < r.rate) {
      const kind = r.kinds[Math.floor(r.rand() * r.kinds.length)];
      return { kind, ms: 50, status: 502 };
    }
    return undefined;
  }

  get pending(): number {
    return this.armed.length;
  }
}
