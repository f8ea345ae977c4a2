import type { Request, Response } from 'express';
import type { FusionSolarClient } from '../../src/client/client';
import { FusionSolarError } from '../../src/client/errors';
import type { AccountConfig, AccountCredentials, AccountNode, NodeAPI } from '../shared/types';
import { library } from '../shared/lazy';
import { CONFIG_MIGRATIONS } from '../shared/migrate';
import { registerListRoutes } from './lists';

/** The runtime that last loaded this module per admin app: a test harness reloads it. */
const runtimes = new WeakMap<object, NodeAPI>();

/**
 * Editor helpers behind Node-RED's admin auth: the quota table and "Test connection".
 * A test shares the user's login window and rejection latch, so it can never lock the account.
 */
export function registerAdminRoutes(RED: NodeAPI): void {
  const first = !runtimes.has(RED.httpAdmin);
  runtimes.set(RED.httpAdmin, RED);
  if (!first) return;
  const live = (): NodeAPI => runtimes.get(RED.httpAdmin) ?? RED;

  // The editor's operation lists, rows and their rules (JSON Schema), straight from the catalogue, the rules
  // of node settings outside any operation (request, monitor), and the saved-config migrations
  // so a dialog shows an old node in the current shape.
  RED.httpAdmin.get(
    '/fusionsolar/catalogue',
    RED.auth.needsPermission('fusionsolar-account.read'),
    (_req: Request, res: Response) => {
      const { DEVICE_TYPES, editorOperation, editorSettings, NODE_OPERATIONS, NODE_SETTINGS, V6_DEVICE_TYPES } =
        library();
      const out: Record<string, unknown[]> = {};
      for (const [type, ops] of Object.entries(NODE_OPERATIONS)) {
        out[type] = ops.map(editorOperation);
      }
      const settings: Record<string, unknown> = {};
      for (const [type, schema] of Object.entries(NODE_SETTINGS)) settings[type] = editorSettings(schema);
      res.json({
        operations: out,
        settings,
        deviceTypes: DEVICE_TYPES,
        v6DeviceTypes: V6_DEVICE_TYPES,
        migrations: CONFIG_MIGRATIONS,
      });
    },
  );

  RED.httpAdmin.get(
    '/fusionsolar/accounts/:id/quota',
    RED.auth.needsPermission('fusionsolar-account.read'),
    (req: Request, res: Response) => {
      const node = live().nodes.getNode(String(req.params.id)) as AccountNode | null;
      // An account not deployed yet is the normal case in a new dialog: an answer, not a 404
      // (the browser would log a failed request as a console error).
      if (!node?.client) {
        res.json({ deployed: false });
        return;
      }
      res.json({ deployed: true, ...library().quotaView(node.client) });
    },
  );

  registerListRoutes(RED, live);

  RED.httpAdmin.post(
    '/fusionsolar/accounts/:id/test',
    RED.auth.needsPermission('fusionsolar-account.write'),
    async (req: Request, res: Response) => {
      const {
        catalogueRules,
        credentialsFor,
        crossSite,
        FusionSolarClient: Client,
        registryClock,
        sharedSessionOf,
        toClientConfig,
      } = library();
      const refused = crossSite(req);
      if (refused) {
        res.status(refused.status).json({ ok: false, code: 'INVALID_INPUT', message: refused.message });
        return;
      }
      const body = (req.body ?? {}) as Partial<AccountConfig> & AccountCredentials;
      const deployed = live().nodes.getNode(String(req.params.id)) as AccountNode | null;
      let client: FusionSolarClient | undefined;
      try {
        const { username, password } = credentialsFor(
          body,
          deployed,
          live().nodes.getCredentials(String(req.params.id)) ?? {},
        );
        const config = toClientConfig(
          { ...(body as AccountConfig), id: String(req.params.id), type: 'fusionsolar-account', z: '', name: '' },
          { username, password },
        );
        // A running session of exactly this login answers for itself: no login, nothing changed.
        const running = sharedSessionOf(config);
        if (running?.session.state === 'active') {
          res.json({ ok: true, loggedIn: true, newLogin: false, deployed: Boolean(deployed?.client) });
          return;
        }
        // A throwaway client: the dialog's settings never touch what runs. Its login still
        // counts in the user's login window and respects a latched rejection.
        // No lasting store either: a throwaway must not take, or log out, the flows' token.
        client = new Client({ ...config, store: undefined, rules: catalogueRules() }, registryClock());
        await client.ensureSession();
        res.json({
          ok: true,
          loggedIn: client.session.state === 'active',
          newLogin: client.session.logins > 0,
          deployed: Boolean(deployed?.client),
        });
      } catch (err) {
        const e = err instanceof FusionSolarError ? err : new Error((err as Error).message);
        res.json({
          ok: false,
          code: (e as FusionSolarError).code ?? 'INVALID_INPUT',
          message: e.message,
          solution: (e as FusionSolarError).solution,
        });
      } finally {
        if (client) void client.close();
      }
    },
  );
}
