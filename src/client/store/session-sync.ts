import type { StateStore, StoredSession } from './types';

/** What a Session asks of the lasting store; see Session.attach. */
export interface SessionSync {
  /** A token saved before a restart or by another instance, for these credentials, other than `dead`. */
  adopt(dead: string | undefined): Promise<StoredSession | undefined>;
  /** Runs a login while no other instance of the account logs in. */
  exclusive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  saved(token: string, cookies: Record<string, string>, lastUsed: number): void;
  touched(lastUsed: number): void;
  /** The token is gone (305, logout): forget it unless another instance already replaced it. */
  dropped(token: string): void;
  rejection(): Promise<{ code?: string } | undefined>;
  rejected(code: string | undefined, at: number): void;
}

/** Idle time after which a stored lastUsed is written again; the server's idle expiry is 30 minutes. */
const TOUCH_EVERY_MS = 30_000;

/**
 * The store seen by one set of credentials. `credential` (a salted hash, identity.ts) makes
 * a token or a rejection apply only to the login that produced it.
 */
export function sessionSync(store: StateStore, credential: () => string, onError: (e: Error) => void): SessionSync {
  let current: StoredSession | undefined;
  let touchedAt = 0;
  const save = (s: StoredSession): void => {
    current = s;
    touchedAt = s.lastUsed;
    store.saveSession(s).catch(onError);
  };
  return {
    async adopt(dead) {
      const s = await store.session();
      if (!s || s.credential !== credential() || s.token === dead) return undefined;
      current = s;
      touchedAt = s.lastUsed;
      return s;
    },
    exclusive: (fn, signal) => store.exclusive('login', fn, signal),
    saved: (token, cookies, lastUsed) => save({ credential: credential(), token, cookies, lastUsed }),
    touched(lastUsed) {
      if (!current || lastUsed - touchedAt < TOUCH_EVERY_MS) return;
      save({ ...current, lastUsed });
    },
    dropped(token) {
      if (current?.token === token) current = undefined;
      store.dropSession(token).catch(onError);
    },
    async rejection() {
      const r = await store.rejection();
      return r && r.credential === credential() ? { code: r.code } : undefined;
    },
    rejected(code, at) {
      store.saveRejection({ credential: credential(), code, at }).catch(onError);
    },
  };
}
