import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { realClock, type Clock } from '../clock';
import { Accounts } from './accounts';
import { adminRefusal } from './admin-guard';
import { serveAdmin } from './admin';
import { applyFault } from './fault-replies';
import { FaultInjector } from './faults';
import { Fleet, type SimPlant } from './fleet';
import { SimQuotas } from './quota';
import { answerOf, envelope, NOT_FOUND_HTML, readBody, send, sleepReal, type Reply } from './http';
import { registerAll } from './routes';
import { login, logout, quota407, relogin305, tokenOf } from './session';
import { SimFail, type Fault, type Handler, type JsonObject, type RouteSpec, type SimUser } from './types';
import { v6Answer, v6Endpoint, V6_LOGIN, V6_LOGOUT, v6Token } from './v6/envelope';

import { longLiteralsAsText } from './quirks';

export { envelope } from './http';

export const PREFIX = '/rest/openapi/pvms/v1/';

export interface SimulatorOptions {
  port?: number;
  host?: string;
  plants?: number;
  seed?: number;
  users?: SimUser[];
  clock?: Clock;
  /** Enforce the documented per-user quotas (407); on by default. */
  quotas?: boolean;
  /** A new login ends the user's other sessions, as on the live system. */
  singleSession?: boolean;
  /** PEM key and certificate: serve HTTPS instead of HTTP. */
  tls?: { key: string; cert: string };
  /**
   * Serve /__sim/ control endpoints (stats, faults, clock): to loopback test clients only, unless `adminToken` is set.
   */
  admin?: boolean;
  /** With it, /__sim/ answers whoever sends it in the `x-sim-token` header, and nobody else. */
  adminToken?: string;
  /** Keep every API request in `requestLog` (fault suites check commands are never sent twice). */
  record?: boolean;
  /** Answer with the live servers' documented oddities (API-NOTES.md, thirddata-notes.md). */
  quirks?: boolean;
}

/** One API request as it arrived, before any fault or handler saw it. */
export interface LoggedRequest {
  endpoint: string;
  /** The raw request body, exactly as sent. */
  body: string;
  time: number;
  /** The route changes devices (registered with `{ command: true }`). */
  command: boolean;
  /** How it was answered: the fault kind that answered it, else the envelope's failCode ('0' = done). */
  answer?: string;
}

export interface SimStats {
  requests: number;
  byEndpoint: Record<string, number>;
  logins: number;
  failedLogins: number;
  logouts: number;
  quota407: number;
  /** Device-changing commands the simulator executed, by endpoint. */
  commands: Record<string, number>;
}

interface Route {
  handler: Handler;
  spec: RouteSpec;
}

export const DEFAULT_USER: SimUser = { username: 'demo', password: 'demo-password', scope: 'all' };

function freshStats(): SimStats {
  return { requests: 0, byEndpoint: {}, logins: 0, failedLogins: 0, logouts: 0, quota407: 0, commands: {} };
}

/** The FusionSolar Northbound Interfaces V7 and V6 (`/thirdData/`), simulated on loopback. */
export class Simulator {
  readonly options: Required<Omit<SimulatorOptions, 'tls' | 'port' | 'host' | 'adminToken'>> &
    Pick<SimulatorOptions, 'tls' | 'adminToken'>;
  readonly clock: Clock;
  readonly fleet: Fleet;
  readonly accounts: Accounts;
  readonly faults = new FaultInjector();
  readonly quotas = new SimQuotas();
  stats: SimStats = freshStats();
  /** Requests in arrival order when `record` is on; the reader empties it as it pleases. */
  readonly requestLog: LoggedRequest[] = [];
  /** State of the endpoint groups (tasks, enrolments...), keyed by group name. */
  readonly state = new Map<string, unknown>();
  private readonly routes = new Map<string, Route>();
  private server: http.Server | https.Server | undefined;
  url = '';

  constructor(opts: SimulatorOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.options = {
      plants: opts.plants ?? 3,
      seed: opts.seed ?? 42,
      users: opts.users ?? [DEFAULT_USER],
      clock: this.clock,
      quotas: opts.quotas ?? true,
      singleSession: opts.singleSession ?? false,
      admin: opts.admin ?? true,
      adminToken: opts.adminToken,
      record: opts.record ?? false,
      quirks: opts.quirks ?? false,
      tls: opts.tls,
    };
    this.fleet = new Fleet(this.options.plants, this.options.seed);
    this.accounts = new Accounts(this.options.users, this.options.singleSession);
    registerAll(this);
  }

  route(endpoint: string, handler: Handler, spec: RouteSpec = {}): void {
    this.routes.set(endpoint, { handler, spec });
  }

  get endpoints(): string[] {
    return [...this.routes.keys()];
  }

  /** Plants a user may see. */
  plantsOf(user: SimUser): SimPlant[] {
    if (user.scope === 'all') return this.fleet.plants.filter((p) => !p.owner || p.owner === user.username);
    const scope = new Set(user.scope);
    return this.fleet.plants.filter((p) => scope.has(p.plantCode) || p.owner === user.username);
  }

  /** A plant the user may act on, or the documented 20045 failure. */
  ownPlant(user: SimUser, code: string): SimPlant | undefined {
    return this.plantsOf(user).find((p) => p.plantCode === code);
  }

  inject(f: Fault): void {
    this.faults.inject(f);
  }

  resetStats(): void {
    this.stats = freshStats();
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"success":false,"failCode":20004,"message":"simulator error"}');
      });
    };
    this.server = this.options.tls ? https.createServer(this.options.tls, handler) : http.createServer(handler);
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, () => resolve());
    });
    const addr = this.server.address() as AddressInfo;
    this.url = `${this.options.tls ? 'https' : 'http'}://${host}:${addr.port}`;
    return this.url;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://sim');
    if (url.pathname.startsWith('/__sim/')) {
      if (!this.options.admin) return send(res, 404, { error: 'not found' });
      const refusal = adminRefusal(req, this.options.adminToken);
      if (refusal) return send(res, 403, { error: `simulator control refused: ${refusal}` });
      return serveAdmin(this, url.pathname.slice(7), raw, res);
    }
    const endpoint = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : v6Endpoint(url.pathname);
    if (endpoint === undefined) return send(res, 404, NOT_FOUND_HTML, 'text/html');
    this.stats.requests++;
    this.stats.byEndpoint[endpoint] = (this.stats.byEndpoint[endpoint] ?? 0) + 1;
    const logged: LoggedRequest | undefined = this.options.record
      ? { endpoint, body: raw, time: this.clock.now(), command: this.routes.get(endpoint)?.spec.command === true }
      : undefined;
    if (logged) this.requestLog.push(logged);

    const fault = this.faults.take(endpoint);
    if (fault && fault.kind !== 'delay' && fault.kind !== 'hang') {
      const handled = await applyFault(this, fault, req, res);
      if (logged) logged.answer = handled ? (fault.kind === 'relogin305' ? '305' : fault.kind) : undefined;
      if (handled) return;
    }

    let body: JsonObject = {};
    if (raw.trim()) {
      try {
        const parsed: unknown = JSON.parse(this.options.quirks ? longLiteralsAsText(raw) : raw);
        body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : {};
      } catch {
        return send(res, 400, envelope(20004, null));
      }
    }
    const now = this.clock.now();
    let result: Reply;
    if (endpoint === 'login' || endpoint === V6_LOGIN) result = login(this, body, now);
    else if (endpoint === 'logout' || endpoint === V6_LOGOUT)
      result = logout(this, req, now, v6Token(endpoint, req, body), endpoint === 'logout' ? body : undefined);
    else if (fault?.kind === 'failCode') result = this.refuse(fault.code ?? 20004, endpoint, req, body, now);
    else result = await this.dispatch(endpoint, req, body, now);
    result = v6Answer(this, endpoint, body, now, result);

    if (fault?.kind === 'delay') await sleepReal(fault.ms ?? 1000);
    if (logged) logged.answer = fault?.kind === 'hang' ? 'hang' : answerOf(result);
    if (fault?.kind === 'hang') {
      await new Promise<void>((resolve) => req.socket.once('close', () => resolve()));
      return;
    }
    if (result.body === '') {
      res.writeHead(result.status, { 'content-type': 'application/json;charset=UTF-8', ...result.headers });
      res.end();
      return;
    }
    send(res, result.status, result.body, 'application/json;charset=UTF-8', result.headers);
  }

  /** A `failCode` fault: the token is checked first, as the server does, then the code answers. */
  private refuse(code: number, endpoint: string, req: http.IncomingMessage, body: JsonObject, now: number): Reply {
    const isLogin = endpoint === 'login' || endpoint === V6_LOGIN;
    if (!isLogin && !this.accounts.authenticate(tokenOf(req) ?? v6Token(endpoint, req, body), now))
      return { status: 200, body: relogin305() };
    return { status: 200, body: envelope(code, null) };
  }

  private async dispatch(endpoint: string, req: http.IncomingMessage, body: JsonObject, now: number): Promise<Reply> {
    const user = this.accounts.authenticate(tokenOf(req) ?? v6Token(endpoint, req, body), now);
    if (!user) return { status: 200, body: relogin305() };
    const route = this.routes.get(endpoint);
    if (!route) return { status: 404, body: NOT_FOUND_HTML };
    if (!this.quotas.admit(this, user, endpoint, route.spec.quota, now)) {
      this.stats.quota407++;
      return { status: 200, body: quota407() };
    }
    try {
      const data = await route.handler({ sim: this, user, body, endpoint, now });
      if (route.spec.command) this.stats.commands[endpoint] = (this.stats.commands[endpoint] ?? 0) + 1;
      return {
        status: 200,
        body: { success: true, failCode: 0, message: null, data: data === undefined ? null : data },
      };
    } catch (err) {
      if (err instanceof SimFail)
        return { status: 200, body: envelope(err.failCode, err.data, err.message, err.success) };
      throw err;
    }
  }
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const sim = new Simulator(opts);
  await sim.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  return sim;
}
