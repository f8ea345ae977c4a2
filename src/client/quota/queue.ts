import { FusionSolarError } from '../errors';
import type { QuotaInfo } from './info';

export interface AdmitOptions {
  signal?: AbortSignal;
  /** Longest acceptable wait from arrival; past it the call fails fast with QUOTA. */
  maxWaitMs: number;
  onWait?: (ms: number) => void;
}

export interface Permit {
  info: QuotaInfo;
  /**
   * Ends the call. 'sent' and 'ok' keep its stamp at the time of the answer (the latest the
   * server can have counted it); 'ok' also clears the 407 strikes; 'unused' removes it.
   */
  release(outcome?: 'sent' | 'ok' | 'unused'): void;
  /**
   * Admits the same call again (re-login, gateway pause) without losing its place or lane;
   * `previous` says whether the server counted the first attempt ('unused': it did not).
   */
  retry(opts: AdmitOptions, previous?: 'sent' | 'unused'): Promise<void>;
}

/**
 * The calls of one operation (chunks, pages, windows) admitted as a group: once granted,
 * the endpoint's queue waits for the whole group, so two operations never interleave and
 * burn a window with halves of each other.
 */
export interface Reservation {
  admit(opts: AdmitOptions): Promise<Permit>;
  end(): void;
}

export function aborted(endpoint: string): FusionSolarError {
  return new FusionSolarError('ABORTED', {
    endpoint,
    message: `The call to ${endpoint} was abandoned: the node is closing`,
  });
}

/** Resolves with `p`, or rejects as soon as the signal aborts. */
export function unlessAborted(p: Promise<void>, signal: AbortSignal | undefined, endpoint: string): Promise<void> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(aborted(endpoint));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void p.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
