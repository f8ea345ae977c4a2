import type { Request, Response } from 'express';
import { isObject } from '../../src/api/core/normalise';
import type { ExecContext } from '../../src/api/core/types';
import type { FusionSolarClient } from '../../src/client/client';
import { FusionSolarError } from '../../src/client/errors';
import type { ListKind } from './lists-view';
import { library } from '../shared/lazy';
import type { AccountNode, NodeAPI } from '../shared/types';

/**
 * The editor's plant and device pickers: the lists the deployed account holds, and a
 * refresh that reads them again through the account's own governor, on request only.
 */

const WHAT = 'The plant and device lists';

interface Run {
  done: Promise<number>;
  /** Editors waiting for it: once every one has gone (dialogs closed), the queued calls stop. */
  waiters: number;
  abort: AbortController;
}

/** One refresh per account and list at a time: a second click joins the first. */
const running = new WeakMap<FusionSolarClient, Map<ListKind, Run>>();

async function refresh(client: FusionSolarClient, kind: ListKind, signal: AbortSignal): Promise<number> {
  const { deviceList, deviceListV6, execute, plantList, plantListV6 } = library();
  const ctx: ExecContext = { client, signal };
  const plants = await execute(client.api === 'v6' ? plantListV6 : plantList, {}, ctx);
  if (kind === 'plants') return plants.calls;
  const codes = (Array.isArray(plants.payload) ? plants.payload : [])
    .map((p) => (isObject(p) ? p.plantCode : undefined))
    .filter((c): c is string => typeof c === 'string');
  if (codes.length === 0) return plants.calls;
  const devices =
    client.api === 'v6'
      ? await execute(deviceListV6, { stationCodes: codes }, ctx)
      : await execute(deviceList, { plantCodes: codes }, ctx);
  return plants.calls + devices.calls;
}

function join(client: FusionSolarClient, kind: ListKind): { done: Promise<number>; leave: () => void } {
  let mine = running.get(client);
  if (!mine) running.set(client, (mine = new Map<ListKind, Run>()));
  let run = mine.get(kind);
  if (!run) {
    const abort = new AbortController();
    const own = mine;
    const done = refresh(client, kind, abort.signal).finally(() => own.delete(kind));
    run = { done, waiters: 0, abort };
    mine.set(kind, run);
  }
  const r = run;
  r.waiters++;
  return {
    done: r.done,
    leave: () => {
      if (--r.waiters === 0) r.abort.abort();
    },
  };
}

function deployedClient(RED: NodeAPI, id: string): FusionSolarClient | undefined {
  const node = RED.nodes.getNode(id) as AccountNode | null;
  return node?.client;
}

const NOT_DEPLOYED = {
  deployed: false,
  ok: false,
  code: 'NOT_DEPLOYED',
  message: 'Deploy the account first: its plant and device lists are read by the running account',
};

export function registerListRoutes(RED: NodeAPI, live: () => NodeAPI): void {
  RED.httpAdmin.get(
    '/fusionsolar/accounts/:id/lists',
    RED.auth.needsPermission('fusionsolar-account.read'),
    (req: Request, res: Response) => {
      const { foreignSite, listsView } = library();
      const refused = foreignSite(req, WHAT);
      if (refused) {
        res.status(refused.status).json({ ok: false, code: 'INVALID_INPUT', message: refused.message });
        return;
      }
      const client = deployedClient(live(), String(req.params.id));
      // Not deployed is the normal case for a new account: an answer, not a 404 (the browser logs those).
      if (!client) {
        res.json(NOT_DEPLOYED);
        return;
      }
      res.json({ ok: true, ...listsView(client) });
    },
  );

  RED.httpAdmin.post(
    '/fusionsolar/accounts/:id/lists',
    RED.auth.needsPermission('fusionsolar-account.write'),
    async (req: Request, res: Response) => {
      const { crossSite, listsView, refreshWait } = library();
      const refused = crossSite(req, WHAT);
      if (refused) {
        res.status(refused.status).json({ ok: false, code: 'INVALID_INPUT', message: refused.message });
        return;
      }
      const client = deployedClient(live(), String(req.params.id));
      if (!client) {
        res.json(NOT_DEPLOYED);
        return;
      }
      const body = (req.body ?? {}) as { lists?: unknown };
      if (body.lists !== 'plants' && body.lists !== 'devices') {
        res.status(400).json({ ok: false, code: 'INVALID_INPUT', message: 'lists: must be "plants" or "devices"' });
        return;
      }
      const kind: ListKind = body.lists;
      const wait = refreshWait(client, kind);
      if (wait) {
        const seconds = Math.ceil((wait.retryAt - client.clock.now()) / 1000);
        res.json({
          ok: false,
          code: 'QUOTA',
          retryAt: wait.retryAt,
          retryAfter: wait.retryAt - client.clock.now(),
          message: `Quota of ${wait.endpoint}: ${wait.reason}; refresh possible in ${seconds} s`,
          ...listsView(client),
        });
        return;
      }
      const run = join(client, kind);
      res.on('close', () => {
        if (!res.writableFinished) run.leave();
      });
      try {
        const calls = await run.done;
        res.json({ ok: true, calls, ...listsView(client) });
      } catch (err) {
        const e = err instanceof FusionSolarError ? err : undefined;
        const retry =
          e?.retryAfter !== undefined ? { retryAfter: e.retryAfter, retryAt: client.clock.now() + e.retryAfter } : {};
        if (!res.writableEnded)
          res.json({
            ok: false,
            code: e?.code ?? 'ERROR',
            message: (err as Error).message,
            ...retry,
            ...listsView(client),
          });
      }
    },
  );
}
