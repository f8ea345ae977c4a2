import { realClock, type Clock } from '../clock';
import { GATEWAY_PAUSE_MS, parseEnvelope, type Envelope } from './envelope';
import { FusionSolarError } from './errors';
import { Governor, type AdmitOptions, type Permit, type QuotaInfo, type Reservation } from './governor';
import { SESSION_RULES, UNKNOWN_PATH_RULE, type QuotaContext, type QuotaRule } from './quota/rules';
import { loginGuardFor, type LoginGuard } from './login-guard';
import { API_PREFIX, Session, type SessionState } from './session';
import { stringifyExact } from './exact-json';
import { Transport } from './transport';

export interface ClientConfig {
  baseUrl: string;
  username: string;
  password: string;
  timeoutSec?: number;
  tlsVerify?: boolean;
  ca?: string;
  locale?: 'en-us' | 'zh-cn';
  allowControl?: boolean;
  quotaProfile?: 'documented' | 'custom' | 'off';
  quotaCustom?: Record<string, QuotaRule>;
  /** Longest wait for quota, in seconds, before failing with QUOTA. */
  quotaWait?: number;
  /** Fleet size overrides for the quota formulas. */
  plants?: number;
  devices?: number;
  /** Time zone whose calendar days bound the daily budgets; sliding 24 h when empty. */
  quotaDayZone?: string;
  /** The catalogue's quota rules by endpoint, handed over once when the client is made. */
  rules?: Readonly<Record<string, QuotaRule>>;
}

export interface Remembered<T> {
  at: number;
  value: T;
}

/** What an account remembers between messages, so "all plants" needs no list call each time. */
export interface AccountMemory {
  /** The last full plant list. */
  plantList?: Remembered<unknown[]>;
  /** UTC offset in minutes by plant code, learned from responses. */
  plantZones: Map<string, number>;
  /** Inverters by plant code, with when they were counted. */
  inverters: Map<string, { at: number; count: number }>;
}

export interface CallOptions {
  /** Endpoint key for the governor: the path after /rest/openapi/pvms/v1/. */
  endpoint: string;
  /** Request path below the base URL when it is not `/rest/openapi/pvms/v1/<endpoint>` (generic requests). */
  path?: string;
  /** JSON body; BigInt values are written as exact number literals (long ids beyond 2^53). */
  body: unknown;
  method?: 'GET' | 'POST';
  changesDevices?: boolean;
  signal?: AbortSignal;
  onQuotaWait?: (ms: number) => void;
  /** The operation's reservation, when the call is one of a group (Client.reserve). */
  group?: Reservation;
}

export interface CallResult {
  envelope: Envelope;
  data: unknown;
  quota: QuotaInfo;
}

export type ClientEvent =
  | { type: 'session'; state: SessionState }
  | { type: 'quota-wait'; endpoint: string; ms: number };

/** Device commands whose fate we cannot know must not be repeated: tell the user to check. */
const UNKNOWN_OUTCOME = new Set(['ETIMEDOUT', 'ECONNRESET', 'EMPTY_RESPONSE', 'BAD_RESPONSE', 'HTTP', 'TOO_LARGE']);

/**
 * Everything an account needs to talk to the API: transport, governor, session, caches.
 * Nodes share one instance per account through the registry.
 */
export class FusionSolarClient {
  readonly transport: Transport;
  readonly governor: Governor;
  readonly session: Session;
  readonly loginGuard: LoginGuard;
  readonly clock: Clock;
  /** Known rules by endpoint; the catalogue registers its own. */
  private readonly rules = new Map<string, QuotaRule>(Object.entries(SESSION_RULES));
  private readonly listeners = new Set<(e: ClientEvent) => void>();
  readonly memory: AccountMemory = { plantZones: new Map(), inverters: new Map() };
  httpCalls = 0;

  constructor(readonly config: ClientConfig, clock: Clock = realClock) {
    this.clock = clock;
    for (const [endpoint, rule] of Object.entries(config.rules ?? {})) this.rules.set(endpoint, rule);
    this.transport = new Transport({
      baseUrl: config.baseUrl,
      timeoutMs: (config.timeoutSec ?? 30) * 1000,
      tlsVerify: config.tlsVerify ?? true,
      ca: config.ca || undefined,
    });
    this.loginGuard = loginGuardFor(config.baseUrl, config.username, clock);
    // The server counts per user: every session of this user shares one ledger.
    this.governor = new Governor(clock, (e) => this.ruleFor(e), () => this.quotaContext(), {
      ledger: this.loginGuard.ledger,
      dayZone: () => this.config.quotaDayZone,
    });
    this.session = new Session(this.transport, this.loginGuard, clock, { username: config.username, password: config.password }, {
      locale: config.locale,
      loginWaitMs: this.maxWaitMs,
    });
    this.session.onState((state) => this.emit({ type: 'session', state }));
  }

  /** Plants and devices learned from the list calls (1 until known), shared per user. */
  get fleet(): QuotaContext {
    return this.governor.ledger.fleet;
  }

  get maxWaitMs(): number {
    return (this.config.quotaWait ?? 60) * 1000;
  }

  get allowControl(): boolean {
    return this.config.allowControl === true;
  }

  get locale(): 'en-us' | 'zh-cn' {
    return this.config.locale === 'zh-cn' ? 'zh-cn' : 'en-us';
  }

  get base(): { origin: string; basePath: string } {
    return this.transport;
  }

  /** Fleet size the quota formulas use: configured, else learned. */
  quotaFleet(): QuotaContext {
    return this.quotaContext();
  }

  learnFleet(seen: { plants?: number; devices?: number; fullPlantList?: boolean }): void {
    const fleet = this.fleet;
    if (seen.plants !== undefined) fleet.plants = seen.fullPlantList ? Math.max(1, seen.plants) : Math.max(fleet.plants, seen.plants);
    if (seen.devices !== undefined) fleet.devices = Math.max(fleet.devices, seen.devices);
  }

  private quotaContext(): QuotaContext {
    const plants = this.config.plants || this.fleet.plants;
    // Every plant has at least one device: until the device list is read, that is the safe floor.
    const devices = this.config.devices || Math.max(this.fleet.devices, plants);
    return { plants, devices };
  }

  registerRule(endpoint: string, rule: QuotaRule): void {
    this.rules.set(endpoint, rule);
  }

  ruleFor(endpoint: string): QuotaRule | undefined {
    const profile = this.config.quotaProfile ?? 'documented';
    if (profile === 'off') return undefined;
    if (profile === 'custom' && this.config.quotaCustom?.[endpoint]) return this.config.quotaCustom[endpoint];
    return this.rules.get(endpoint) ?? UNKNOWN_PATH_RULE;
  }

  on(listener: (e: ClientEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: ClientEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /**
   * Admits the calls of one operation as a group (see Governor.reserve): pass it to each
   * call's `group` and end it when the operation is done.
   */
  reserve(endpoint: string, calls: number, opts: { signal?: AbortSignal; onQuotaWait?: (ms: number) => void } = {}): Promise<Reservation> {
    return this.governor.reserve(endpoint, calls, this.admitOptions(endpoint, opts));
  }

  private admitOptions(endpoint: string, opts: { signal?: AbortSignal; onQuotaWait?: (ms: number) => void }): AdmitOptions {
    return {
      signal: opts.signal,
      maxWaitMs: this.maxWaitMs,
      onWait: (ms) => {
        opts.onQuotaWait?.(ms);
        this.emit({ type: 'quota-wait', endpoint, ms });
      },
    };
  }

  /**
   * One API call: quota, session, send, parse. Re-logs in once on 305 or an empty body;
   * after a gateway 403/429 a read is retried once; a device command never is. Retries
   * keep the call's place in its endpoint's queue.
   */
  async call(opts: CallOptions): Promise<CallResult> {
    await this.session.ensure(opts.signal);
    const admit = this.admitOptions(opts.endpoint, opts);
    const permit = await (opts.group ? opts.group.admit(admit) : this.governor.admit(opts.endpoint, admit));
    let outcome: 'sent' | 'ok' | 'unused' = 'unused';
    let envelope: Envelope;
    try {
      envelope = await this.attempt(opts, permit, admit, (o) => (outcome = o));
    } finally {
      permit.release(outcome);
    }
    return { envelope, data: envelope.data ?? null, quota: this.governor.info(opts.endpoint) };
  }

  private async attempt(opts: CallOptions, permit: Permit, admit: AdmitOptions, mark: (o: 'sent' | 'ok') => void): Promise<Envelope> {
    let relogged = false;
    let gatewayRetried = false;
    for (;;) {
      // A long quota wait may have outlasted the token.
      await this.session.ensure(opts.signal);
      const tokenUsed = this.session.currentToken;
      try {
        this.httpCalls++;
        mark('sent');
        const res = await this.transport.send({
          method: opts.method ?? 'POST',
          path: opts.path ?? `${API_PREFIX}/${opts.endpoint}`,
          headers: this.session.headers(),
          body: opts.method === 'GET' ? undefined : stringifyExact(opts.body ?? {}),
        });
        this.session.touch();
        const envelope = parseEnvelope(res, opts.endpoint);
        mark('ok');
        return envelope;
      } catch (err) {
        const e = err instanceof FusionSolarError ? err : new FusionSolarError('ECONNRESET', { endpoint: opts.endpoint });
        const tokenGone = e.code === '305' || (e.code === 'EMPTY_RESPONSE' && !opts.changesDevices);
        if (tokenGone && !relogged) {
          relogged = true;
          this.session.invalidate(tokenUsed);
          // Per-user quotas need the user, whom a dead token does not name: the call did not count.
          await permit.retry(admit, 'unused');
          continue;
        }
        if (e.code === '407') e.retryAfter = this.governor.exhaust(opts.endpoint);
        if (e.code === '20618') e.retryAfter = this.governor.exhaustDay(opts.endpoint);
        if (e.code === '403' || e.code === '429') {
          this.governor.pauseAll(GATEWAY_PAUSE_MS);
          if (!opts.changesDevices && !gatewayRetried) {
            gatewayRetried = true;
            await permit.retry(admit);
            continue;
          }
        }
        if (opts.changesDevices && UNKNOWN_OUTCOME.has(e.code)) throw outcomeUnknown(opts.endpoint, e);
        throw e;
      }
    }
  }

  async close(): Promise<void> {
    await this.session.logout(this.governor);
    await this.transport.close();
  }
}

function outcomeUnknown(endpoint: string, cause: FusionSolarError): FusionSolarError {
  return new FusionSolarError('OUTCOME_UNKNOWN', {
    endpoint,
    httpStatus: cause.httpStatus,
    details: { cause: cause.code },
    message: `Outcome unknown: the ${endpoint} command got no usable answer (${cause.code}). It may or may not have been executed; query the task status before sending it again.`,
  });
}
