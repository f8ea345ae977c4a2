import type { Budget, QuotaLedger } from './ledger';
import type { QuotaInfo } from './info';
import type { AdmitOptions, Permit } from './queue';
import { insertSorted, removeStamp } from './window';

/** An admitted call: its time in the ledger, and its entry in a shared ledger when there is one. */
export interface Taken {
  at: number;
  member?: string;
}

export interface PermitParts {
  now(): number;
  ledger: QuotaLedger;
  budget: Budget;
  /** The budget's key in a shared ledger. */
  key: string;
  info: QuotaInfo;
  /** Admits the same call again in its place (Governor.waitTurn). */
  again(opts: AdmitOptions): Promise<Taken>;
  /** Lets the queue go on (a lane call holds it until its answer). */
  freeLane(): void;
}

/** The permit of one admitted call: its stamp follows the answer, or leaves when unused. */
export function makePermit(taken: Taken, p: PermitParts): Permit {
  const { budget, ledger, key } = p;
  let current = taken;
  let done = false;
  const answered = (): void => {
    const now = p.now();
    if (removeStamp(budget.stamps, current.at)) insertSorted(budget.stamps, now);
    if (current.member) ledger.shared?.move(key, current.member, now);
  };
  const unused = (): void => {
    removeStamp(budget.stamps, current.at);
    if (current.member) ledger.shared?.drop(key, current.member);
  };
  return {
    info: p.info,
    release: (outcome = 'sent') => {
      if (done) return;
      done = true;
      if (outcome === 'unused') unused();
      else answered();
      if (outcome === 'ok') budget.strikes = 0;
      ledger.changed();
      p.freeLane();
    },
    retry: async (opts, previous = 'sent') => {
      if (previous === 'unused') unused();
      else answered();
      current = await p.again(opts);
    },
  };
}
