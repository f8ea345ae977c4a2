import type { Request, Response } from 'express';
import { editorOperation, NODE_OPERATIONS } from '../../src/api';
import { DEVICE_TYPES } from '../../src/api/core/reference-data';
import { acquireClient, releaseClient } from '../../src/client/registry';
import { FusionSolarError } from '../../src/client/errors';
import type { AccountConfig, AccountCredentials, AccountNode, NodeAPI } from '../shared/types';
import { CONFIG_MIGRATIONS } from '../shared/migrate';
import { quotaView } from './quota-view';
import { toClientConfig } from './settings';

const registered = new WeakSet<object>();

/**
 * Editor helpers behind Node-RED's admin auth: the quota table and "Test connection".
 * Both use the registry, so a test shares the login window and can never lock the account.
 */
export function registerAdminRoutes(RED: NodeAPI): void {
  if (registered.has(RED.httpAdmin)) return;
  registered.add(RED.httpAdmin);

  // The editor's operation lists, rows and their rules (JSON Schema), straight from the catalogue, and the
  // saved-config migrations so a dialog shows an old node in the current shape.
  RED.httpAdmin.get('/fusionsolar/catalogue', RED.auth.needsPermission('fusionsolar-account.read'), (_req: Request, res: Response) => {
    const out: Record<string, unknown[]> = {};
    for (const [type, ops] of Object.entries(NODE_OPERATIONS)) {
      out[type] = ops.map(editorOperation);
    }
    res.json({ operations: out, deviceTypes: DEVICE_TYPES, migrations: CONFIG_MIGRATIONS });
  });

  RED.httpAdmin.get('/fusionsolar/accounts/:id/quota', RED.auth.needsPermission('fusionsolar-account.read'), (req: Request, res: Response) => {
    const node = RED.nodes.getNode(String(req.params.id)) as AccountNode | null;
    // An account not deployed yet is the normal case in a new dialog: an answer, not a 404
    // (the browser would log a failed request as a console error).
    if (!node?.client) {
      res.json({ deployed: false });
      return;
    }
    res.json({ deployed: true, ...quotaView(node.client) });
  });

  RED.httpAdmin.post('/fusionsolar/accounts/:id/test', RED.auth.needsPermission('fusionsolar-account.write'), async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Partial<AccountConfig> & AccountCredentials;
    const stored = (RED.nodes.getCredentials(String(req.params.id)) ?? {}) as AccountCredentials;
    const deployed = RED.nodes.getNode(String(req.params.id)) as AccountNode | null;
    // The editor sends "__PWRD__" for a password it has not changed.
    const password = body.password && body.password !== '__PWRD__' ? body.password : stored.password;
    const username = body.username || stored.username;
    let key: string | undefined;
    try {
      const config = toClientConfig({ ...(body as AccountConfig), id: String(req.params.id), type: 'fusionsolar-account', z: '', name: '' }, { username, password });
      const acquired = acquireClient(config);
      key = acquired.key;
      const client = acquired.client;
      const before = client.session.logins;
      await client.session.ensure();
      res.json({ ok: true, loggedIn: client.session.state === 'active', newLogin: client.session.logins > before, deployed: Boolean(deployed?.client) });
    } catch (err) {
      const e = err instanceof FusionSolarError ? err : new Error((err as Error).message);
      res.json({ ok: false, code: (e as FusionSolarError).code ?? 'INVALID_INPUT', message: e.message, solution: (e as FusionSolarError).solution });
    } finally {
      if (key) void releaseClient(key, { removed: false });
    }
  });
}
