import type { AccountConfig, AccountCredentials, AccountNode, NodeAPI } from '../shared/types';
import { migrateConfig, migrationsOf } from '../shared/migrate';
import { translator } from '../shared/i18n';
import { library, libraryLoaded } from '../shared/lazy';
import { registerAdminRoutes } from './admin';

/** Which session key each account node id last used, to log out a changed account at once. */
const keyOfNode = new Map<string, string>();

/** The runtime's emitter outlives reloads of this module in tests: subscribe once per emitter. */
const watchedEmitters = new WeakSet<object>();

interface RuntimeEvent {
  id?: string;
  payload?: { state?: string; deploy?: boolean };
}

export = function register(RED: NodeAPI): void {
  function FusionSolarAccount(this: AccountNode, saved: AccountConfig): void {
    const { config, newer, from, to } = migrateConfig(saved, migrationsOf('fusionsolar-account'));
    RED.nodes.createNode(this, config);
    const node = this;
    if (newer) node.warn(translator(RED)('config.newer', { saved: from, known: to }));
    node.locale = config.locale === 'zh-cn' ? 'zh-cn' : 'en-us';
    let key: string | undefined;
    let unwatch: (() => void) | undefined;
    const { acquireClient, catalogueRules, releaseClient, retireClient, toClientConfig } = library();
    try {
      // The catalogue's rules go in once, when the client is made:
      // quota table and request nodes know them before first use.
      const acquired = acquireClient({
        ...toClientConfig(config, node.credentials ?? {}, RED.settings.userDir),
        rules: catalogueRules(),
      });
      key = acquired.key;
      node.client = acquired.client;
      const previous = keyOfNode.get(node.id);
      keyOfNode.set(node.id, key);
      if (previous && previous !== key) void retireClient(previous);
      // A corrupt state file or an unreachable Redis: say so in the log, in words.
      unwatch = acquired.client.state?.onProblem((p) =>
        node.warn(RED._('fusionsolar-account.errors.store', { problem: p.message })),
      );
    } catch (err) {
      node.problem = (err as Error).message;
      node.warn(RED._('fusionsolar-account.errors.incomplete', { problem: node.problem }));
    }
    node.on('close', (removed: boolean, done: () => void) => {
      unwatch?.();
      if (!key) return done();
      if (removed) keyOfNode.delete(node.id);
      // Node-RED may exit right after: the state file must be written before done().
      const flushed = removed ? Promise.resolve() : (node.client?.state?.flush() ?? Promise.resolve());
      flushed.then(() => releaseClient(key, { removed })).then(done, done);
    });
  }

  RED.nodes.registerType<AccountNode, AccountConfig, object, AccountCredentials>(
    'fusionsolar-account',
    FusionSolarAccount,
    {
      credentials: { username: { type: 'text' }, password: { type: 'password' }, redisPassword: { type: 'password' } },
    },
  );
  registerAdminRoutes(RED);

  // A stop of Node-RED (not a deploy) leaves sessions unreferenced: keep their tokens in the
  // lasting store for the restart (or log out those without one).
  if (!watchedEmitters.has(RED.events)) {
    watchedEmitters.add(RED.events);
    RED.events.on('runtime-event', (e: RuntimeEvent) => {
      // Without the library loaded no account was made: no session to keep.
      if (e?.id === 'runtime-state' && e.payload?.state === 'stop' && !e.payload.deploy && libraryLoaded())
        void library().suspendIdleClients();
    });
  }
};
