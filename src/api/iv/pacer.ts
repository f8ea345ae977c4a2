import type { Clock } from '../../clock';
import type { ApiClient } from '../core/api-client';
import { MINUTE } from '../../client/quota/rules';

/**
 * Ten I-V calls a minute for runDiagnosis as a whole. The reference gives each 9.4
 * interface its own ten a minute and the governor keeps to that; a diagnosis also stays
 * under ten in total, so it cannot trip a server that counts the group together and leaves
 * room for other flows' calls.
 */
export class Pacer {
  private stamps: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly count = 10,
    private readonly windowMs = MINUTE,
  ) {}

  /** Resolves when one more call fits; callers are served in arrival order. */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.tail.then(() => this.wait(signal));
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Counts calls made beyond the one `take` admitted (further pages). */
  record(extra: number): void {
    const now = this.clock.now();
    for (let i = 0; i < extra; i++) this.stamps.push(now);
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.stamps = this.stamps.filter((t) => t > now - this.windowMs);
      if (this.stamps.length < this.count) {
        this.stamps.push(now);
        return;
      }
      await this.clock.sleep(this.stamps[this.stamps.length - this.count] + this.windowMs - now, signal);
    }
  }
}

const pacers = new WeakMap<ApiClient, Pacer>();

/** One pacer per account, shared by every diagnosis running on it. */
export function ivPacer(client: ApiClient): Pacer {
  let p = pacers.get(client);
  if (!p) {
    p = new Pacer(client.clock);
    pacers.set(client, p);
  }
  return p;
}
