import { realClock, type Clock } from '../clock';
import { GATEWAY_PAUSE_MS, parseEnvelope, type Envelope } from './envelope';
import { FusionSolarError } from './errors';
import { Governor, type AdmitOptions, type Permit, type QuotaInfo, type Reservation } from './governor';
import { SESSION_RULES, UNKNOWN_PATH_RULE, type QuotaContext, type QuotaRule } from './quota/rules';
import type { LoginGuard } from './login-guard';
import { endpointPath, type Session, type SessionState } from './session';
import { SharedSession } from './shared-session';
import { jsonBody } from './json-body';
import type { Transport } from './transport';
import type { StoreBinding, StoreConfig } from './store/binding';
import type { StoreHealth } from './store/types';

/** The northbound interface an account speaks: V7 `/rest/openapi/pvms/v1/` or V6 `/thirdData/`. */
export type ApiVersion = 'v7' | 'v6';

export interface ClientConfig {
  baseUrl: string;
  /** `v7` unless given, so accounts saved before V6 existed keep working. */
  api?: ApiVersion;
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
  /** Lasting state: a file in the user directory, or Redis shared by several instances. */
  store?: StoreConfig;
  /** The catalogue's quota rules by endpoint, handed over once when the client is made. */
  rules?: Readonly<Record<string, QuotaRule>>;
}

/** Fleet sizes a result proved (see ApiClient.learnFleet). */
export interface FleetSeen {
  plants?: number;
  devices?: number;
  /** The result was the whole plant list: its length is the fleet, up or down. */
  fullPlantList?: boolean;
  /** Devices by type over the whole account (V6 quota formulas), with `devices` their total. */
  devicesByType?: Record<string, number>;
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
  /** V6: the devices listed so far, by id and by serial number. */
  v6Devices?: Remembered<V6DeviceIndex>;
  /** V6: the account refused the paged station list (use getStationList). */
  stationsRefused?: boolean;
  /** V7: the devices of the complete device lists read so far, by plant code (the editor's pickers). */
  v7Devices?: Remembered<Map<string, V7DeviceRecord[]>>;
}

export interface V7DeviceRecord {
  dn: string;
  plantCode: string;
  deviceTypeId?: number;
  sn?: string;
  deviceName?: string;
}

export interface V6DeviceRecord {
  id: string;
  devTypeId: number;
  stationCode?: string;
  devName?: string;
  esnCode?: string;
}

export interface V6DeviceIndex {
  byId: Map<string, V6DeviceRecord>;
  bySn: Map<string, V6DeviceRecord>;
  /** Plants whose devices were listed. */
  plants: Set<string>;
}

export interface CallOptions {
  /** Endpoint key for the governor: the path after /rest/openapi/pvms/v1/ (V7) or `thirdData/<name>` (V6). */
  endpoint: string;
  /** Request path below the base URL when it is not `/rest/openapi/pvms/v1/<endpoint>` (generic requests). */
  path?: string;
  /** JSON body; BigInt values are written as exact number literals (long ids beyond 2^53). */
  body: unknown;
  method?: 'GET' | 'POST';
  changesDevices?: boolean;
  /** Writes on the server (enrolments, task changes): like a device command, never re-sent. */
  writes?: boolean;
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
  | { type: 'quota-wait'; endpoint: string; ms: number }
  /** One call's normalised answer: a monitor counts any node's reading as fresh data, and spends no call on it. */
  | { type: 'answer'; operation: string; endpoint: string; params: Record<string, unknown>; data: unknown; at: number }
  | { type: 'store'; state: StoreHealth };

/** Device commands whose fate we cannot know must not be repeated: tell the user to check. */
const UNKNOWN_OUTCOME = new Set(['ETIMEDOUT', 'ECONNRESET', 'EMPTY_RESPONSE', 'BAD_RESPONSE', 'HTTP', 'TOO_LARGE']);

/**
 * One account node's view of the API: its own settings (device control, quota profile and
 * wait, timeout, locale) over a login it may share with other account nodes of the same
 * user (session, quota ledger, caches). Without a shared login it makes its own, which is
 * what a throwaway client (Test connection) wants.
 */
export class FusionSolarClient {
  readonly governor: Governor;
  readonly clock: Clock;
  readonly config: Readonly<ClientConfig>;
  /** Known rules by endpoint; the catalogue registers its own. */
  private readonly rules = new Map<string, QuotaRule>(Object.entries(SESSION_RULES));
  private readonly listeners = new Set<(e: ClientEvent) => void>();
  private readonly shared: SharedSession;
  private readonly ownsShared: boolean;
  private headersFor: { base: Readonly<Record<string, string>>; headers: Readonly<Record<string, string>> } | undefined;
  httpCalls = 0;

  constructor(config: ClientConfig, clock: Clock = realClock, shared?: SharedSession) {
    // A copy, frozen: nothing another node does can change this node's settings.
    this.config = Object.freeze({ ...config });
    this.shared = shared ?? new SharedSession(config, clock);
    this.ownsShared = !shared;
    this.clock = this.shared.clock;
    for (const [endpoint, rule] of Object.entries(config.rules ?? {})) this.rules.set(endpoint, rule);
    // The server counts per user: every session of this user shares one ledger.
    this.governor = new Governor(
      this.clock,
      (e) => this.ruleFor(e),
      () => this.quotaContext(),
      {
        ledger: this.loginGuard.ledger,
        dayZone: () => this.config.quotaDayZone,
      },
    );
  }

  get transport(): Transport {
    return this.shared.transport;
  }

  get session(): Session {
    return this.shared.session;
  }

  get loginGuard(): LoginGuard {
    return this.shared.loginGuard;
  }

  /** What the user's sessions learned (plant list, zones, inverters), shared like the login. */
  get memory(): AccountMemory {
    return this.shared.memory;
  }

  /** The account's lasting store (restarts, other instances), when it has one. */
  get state(): StoreBinding | undefined {
    return this.shared.state;
  }

  private get timeoutMs(): number {
    return (this.config.timeoutSec ?? 30) * 1000;
  }

  /** Logs in if needed, under this node's quota wait and timeout; first the stored state is read. */
  async ensureSession(signal?: AbortSignal): Promise<void> {
    await this.shared.ready;
    return this.session.ensure(signal, { loginWaitMs: this.maxWaitMs, timeoutMs: this.timeoutMs });
  }

  /**
   * The session's headers with this node's language for the server's texts; rebuilt only
   * when the session's own change (they are one frozen object per token and cookie set).
   */
  private headers(): Readonly<Record<string, string>> {
    const base = this.session.headers();
    const locale = this.config.locale;
    if (!locale) return base;
    if (this.headersFor?.base !== base) {
      const cookie = [
        `locale=${locale}`,
        ...(base.cookie ?? '').split('; ').filter((c) => c && !c.startsWith('locale=')),
      ].join('; ');
      this.headersFor = { base, headers: Object.freeze({ ...base, cookie }) };
    }
    return this.headersFor.headers;
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

  learnFleet(seen: FleetSeen): void {
    const fleet = this.fleet;
    if (seen.plants !== undefined)
      fleet.plants = seen.fullPlantList ? Math.max(1, seen.plants) : Math.max(fleet.plants, seen.plants);
    if (seen.devicesByType) {
      // A whole device index: it replaces what was counted before.
      fleet.devicesByType = seen.devicesByType;
      fleet.devices = Math.max(1, seen.devices ?? 1);
    } else if (seen.devices !== undefined) fleet.devices = Math.max(fleet.devices, seen.devices);
  }

  private quotaContext(): QuotaContext {
    const plants = this.config.plants || this.fleet.plants;
    // Every plant has at least one device: until the device list is read, that is the safe floor.
    const devices = this.config.devices || Math.max(this.fleet.devices, plants);
    return { plants, devices, devicesByType: this.fleet.devicesByType };
  }

  get api(): ApiVersion {
    return this.config.api === 'v6' ? 'v6' : 'v7';
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
    const off = this.session.onState((state) => listener({ type: 'session', state }));
    const offStore = this.state?.onHealth((state) => listener({ type: 'store', state }));
    return () => {
      this.listeners.delete(listener);
      off();
      offStore?.();
    };
  }

  /** Tells every listener of an answer the api layer has normalised (see ClientEvent 'answer'). */
  publish(e: ClientEvent): void {
    this.emit(e);
  }

  private emit(e: ClientEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /**
   * Admits the calls of one operation as a group (see Governor.reserve): pass it to each
   * call's `group` and end it when the operation is done.
   */
  async reserve(
    endpoint: string,
    calls: number,
    opts: { signal?: AbortSignal; onQuotaWait?: (ms: number) => void } = {},
  ): Promise<Reservation> {
    // Quota spent before a restart must be in the ledger before this group is judged.
    await this.shared.ready;
    return this.governor.reserve(endpoint, calls, this.admitOptions(endpoint, opts));
  }

  private admitOptions(
    endpoint: string,
    opts: { signal?: AbortSignal; onQuotaWait?: (ms: number) => void },
  ): AdmitOptions {
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
    // Before any login: a body that cannot be sent is the flow's mistake, not the network's.
    const body = opts.method === 'GET' ? undefined : jsonBody(opts.body ?? {});
    await this.ensureSession(opts.signal);
    const admit = this.admitOptions(opts.endpoint, opts);
    const permit = await (opts.group ? opts.group.admit(admit) : this.governor.admit(opts.endpoint, admit));
    let outcome: 'sent' | 'ok' | 'unused' = 'unused';
    let envelope: Envelope;
    try {
      envelope = await this.attempt(opts, body, permit, admit, (o) => (outcome = o));
    } finally {
      permit.release(outcome);
    }
    return { envelope, data: envelope.data ?? null, quota: this.governor.info(opts.endpoint) };
  }

  private async attempt(
    opts: CallOptions,
    body: string | undefined,
    permit: Permit,
    admit: AdmitOptions,
    mark: (o: 'sent' | 'ok') => void,
  ): Promise<Envelope> {
    let relogged = false;
    let gatewayRetried = false;
    // Anything that writes goes out once: only the server's explicit 305 (not executed,
    // log in again) lets it be sent again, as DESIGN's session rules say.
    const once = opts.changesDevices === true || opts.writes === true;
    for (;;) {
      // A long quota wait may have outlasted the token.
      await this.ensureSession(opts.signal);
      const tokenUsed = this.session.currentToken;
      try {
        this.httpCalls++;
        mark('sent');
        const res = await this.transport.send(
          {
            method: opts.method ?? 'POST',
            path: opts.path ?? endpointPath(opts.endpoint),
            headers: this.headers(),
            body,
          },
          { timeoutMs: this.timeoutMs },
        );
        this.session.touch();
        const envelope = parseEnvelope(res, opts.endpoint);
        mark('ok');
        return envelope;
      } catch (err) {
        const e =
          err instanceof FusionSolarError ? err : new FusionSolarError('ECONNRESET', { endpoint: opts.endpoint });
        const tokenGone = e.code === '305' || (e.code === 'EMPTY_RESPONSE' && !once);
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
          if (!once && !gatewayRetried) {
            gatewayRetried = true;
            await permit.retry(admit);
            continue;
          }
        }
        if (once && UNKNOWN_OUTCOME.has(e.code)) throw outcomeUnknown(opts.endpoint, e);
        throw e;
      }
    }
  }

  /** Closes a login of its own; a shared one is the registry's to close. */
  async close(): Promise<void> {
    if (this.ownsShared) await this.shared.close();
  }
}

function outcomeUnknown(endpoint: string, cause: FusionSolarError): FusionSolarError {
  return new FusionSolarError('OUTCOME_UNKNOWN', {
    endpoint,
    httpStatus: cause.httpStatus,
    details: { cause: cause.code },
    message:
      `Outcome unknown: the ${endpoint} command got no usable answer (${cause.code}). It may ` +
      `or may not have been executed; query the task status before sending it again.`,
  });
}
