import type { LoginGuard } from '../login-guard';
import { StoreBinding, storeKeyOf, type StoreConfig } from './binding';

const bindings = new WeakMap<LoginGuard, StoreBinding>();

/**
 * The store of a user's login guard (its ledger, latch and fleet are per user): shared by
 * every session of that user in this process. A changed store setting replaces it.
 */
export function bindStore(guard: LoginGuard, config: StoreConfig, loginKey: string): StoreBinding {
  let b = bindings.get(guard);
  if (b && b.key !== storeKeyOf(config)) {
    void b.close();
    b = undefined;
  }
  if (!b) {
    b = new StoreBinding(config, loginKey, guard.ledger);
    bindings.set(guard, b);
  }
  b.refs++;
  return b;
}

/** A session lets go; the last one closes the store (after writing it). */
export async function releaseStore(guard: LoginGuard, b: StoreBinding): Promise<void> {
  b.refs = Math.max(0, b.refs - 1);
  if (b.refs > 0) return;
  if (bindings.get(guard) === b) bindings.delete(guard);
  await b.close();
}
