import { realClock, type Clock } from '../clock';
import { GATEWAY_PAUSE_MS, parseEnvelope, type Envelope } from './envelope';
import { FusionSolarError } from './errors';
import { Governor, type QuotaInfo } from './governor';
import { SESSION_RULES, UNKNOWN_PATH_RULE, type QuotaContext, type QuotaRule } from './quota-rules';
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
  readonly fleet: QuotaContext = { plants: 1, devices: 1 };
  /** Known rules by endpoint; the catalogue registers its own. */
  private readonly rules = new Map<string, QuotaRule>(Object.entries(SESSION_RULES));
  private readonly listeners = new Set<(e: ClientEvent) => void>();
  /** Shared caches (plant list) so "all plants" needs no list call per message. */
  readonly cache = new Map<string, { at: number; value: unknown }>();
  httpCalls = 0;

  constructor(readonly config: ClientConfig, clock: Clock = realClock) {
    this.clock = clock;
    this.transport = new Transport({
      baseUrl: config.baseUrl,
      timeoutMs: (config.timeoutSec ?? 30) * 1000,
      tlsVerify: config.tlsVerify ?? true,
      ca: config.ca || undefined,
    });
    this.governor = new Governor(clock, (e) => this.ruleFor(e), () => this.quotaContext());
    this.loginGuard = loginGuardFor(config.baseUrl, config.username, clock);
    this.session = new Session(this.transport, this.loginGuard, clock, { username: config.username, password: config.password }, {
      locale: config.locale,
      loginWaitMs: this.maxWaitMs,
    });
    this.session.onState((state) => this.emit({ type: 'session', state }));
  }

  get maxWaitMs(): number {
    return (this.config.quotaWait ?? 60) * 1000;
  }

  get allowControl(): boolean {
    return this.config.allowControl === true;
  }

  private quotaContext(): QuotaContext {
    return { plants: this.config.plants || this.fleet.plants, devices: this.config.devices || this.fleet.devices };
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
   * One API call: quota, session, send, parse. Re-logs in once on 305 or an empty body;
   * after a gateway 403/429 a read is retried once; a device command never is.
   */
  async call(opts: CallOptions): Promise<CallResult> {
    let relogged = false;
    let gatewayRetried = false;
    for (;;) {
      await this.session.ensure(opts.signal);
      const tokenUsed = this.session.currentToken;
      const permit = await this.governor.admit(opts.endpoint, {
        signal: opts.signal,
        maxWaitMs: this.maxWaitMs,
        onWait: (ms) => {
          opts.onQuotaWait?.(ms);
          this.emit({ type: 'quota-wait', endpoint: opts.endpoint, ms });
        },
      });
      try {
        this.httpCalls++;
        const res = await this.transport.send({
          method: opts.method ?? 'POST',
          path: opts.path ?? `${API_PREFIX}/${opts.endpoint}`,
          headers: this.session.headers(),
          body: opts.method === 'GET' ? undefined : stringifyExact(opts.body ?? {}),
        });
        this.session.touch();
        const envelope = parseEnvelope(res, opts.endpoint);
        return { envelope, data: envelope.data ?? null, quota: this.governor.info(opts.endpoint) };
      } catch (err) {
        const e = err instanceof FusionSolarError ? err : new FusionSolarError('ECONNRESET', { endpoint: opts.endpoint });
        const tokenGone = e.code === '305' || (e.code === 'EMPTY_RESPONSE' && !opts.changesDevices);
        if (tokenGone && !relogged) {
          relogged = true;
          this.session.invalidate(tokenUsed);
          continue;
        }
        if (e.code === '407') e.retryAfter = this.governor.exhaust(opts.endpoint);
        if (e.code === '20618') e.retryAfter = this.governor.exhaustDay(opts.endpoint);
        if (e.code === '403' || e.code === '429') {
          this.governor.pauseAll(GATEWAY_PAUSE_MS);
          if (!opts.changesDevices && !gatewayRetried) {
            gatewayRetried = true;
            continue;
          }
        }
        if (opts.changesDevices && UNKNOWN_OUTCOME.has(e.code)) throw outcomeUnknown(opts.endpoint, e);
        throw e;
      } finally {
        permit.release();
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
