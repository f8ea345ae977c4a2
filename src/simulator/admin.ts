import type http from 'node:http';
import { send } from './http';
import type { Simulator } from './server';
import type { Fault, JsonObject } from './types';

/** The /__sim/ control endpoints tests and the fault suite drive the simulator with. */
export function serveAdmin(sim: Simulator, action: string, raw: string, res: http.ServerResponse): void {
  let body: JsonObject = {};
  try {
    body = raw ? (JSON.parse(raw) as JsonObject) : {};
  } catch {
    return send(res, 400, { error: 'bad json' });
  }
  if (action === 'stats')
    return send(res, 200, { ...sim.stats, now: sim.clock.now(), sessions: sim.accounts.sessionCount });
  if (action === 'faults') {
    if (body.clear) sim.faults.clear();
    else sim.inject(body as unknown as Fault);
    return send(res, 200, { pending: sim.faults.pending });
  }
  if (action === 'revoke') {
    sim.accounts.revoke(typeof body.username === 'string' ? body.username : undefined);
    return send(res, 200, { ok: true });
  }
  send(res, 404, { error: `unknown action ${action}` });
}
