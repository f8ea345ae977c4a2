import type { FusionSolarClient } from '../../src/client/client';
import type { Translate } from './i18n';
import type { Status } from './status';

/**
 * What every node of an account shows about the account itself: a rejected login, and a
 * lasting store (Redis) that cannot be reached. Returns the unsubscribe.
 */
export function watchAccount(client: FusionSolarClient, status: Status, t: Translate): () => void {
  let offline = false;
  const off = client.on((e) => {
    if (e.type === 'session' && e.state === 'rejected') status.error(t('status.loginRejected'));
    if (e.type === 'store') {
      if (e.state === 'offline') status.error(t('status.storeOffline'));
      else if (offline) status.clear();
      offline = e.state === 'offline';
    }
  });
  if (client.session.state === 'rejected') status.error(t('status.loginRejected'));
  let live = true;
  // A Redis store is offline until its first connection: judge it once the state is read.
  void client.state?.ready.then(() => {
    if (live && client.state?.health === 'offline' && client.session.state !== 'rejected') {
      offline = true;
      status.error(t('status.storeOffline'));
    }
  });
  return () => {
    live = false;
    off();
  };
}
