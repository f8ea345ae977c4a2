import type http from 'node:http';
import { envelope, send } from './http';
import type { Simulator } from './server';
import { quota407, relogin305 } from './session';
import type { Fault } from './types';

/** Answers a request with an armed fault; false when the request goes on to its handler. */
export async function applyFault(
  sim: Simulator,
  f: Fault,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  switch (f.kind) {
    case 'reset':
      req.socket.destroy();
      return true;
    case 'status':
      send(res, f.status ?? 500, { error: 'Internal Server Error' });
      return true;
    case 'html':
      send(
        res,
        f.status ?? 502,
        '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
        'text/html',
      );
      return true;
    case 'broken':
      send(res, 200, '{"success":true,"failCode":0,"data":{"list":[{"plantCode":"NE=1"', 'application/json');
      return true;
    case 'empty':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end();
      return true;
    case 'quota403':
      send(res, 403, {
        errorCode: '49401021002',
        exceptionInfo: 'Request is rejected by api quotaControl, please try again later.',
      });
      return true;
    case 'status429':
      send(res, 429, { errorCode: '49401021002', exceptionInfo: 'Too many requests' });
      return true;
    case 'relogin305':
      send(res, 200, relogin305());
      return true;
    case 'quota407':
      sim.stats.quota407++;
      send(res, 200, quota407());
      return true;
    case 'daily20618':
      send(res, 200, envelope(20618, null));
      return true;
    case 'revoke':
      sim.accounts.revoke();
      return false;
    default:
      return false;
  }
}
