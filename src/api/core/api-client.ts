import type { Clock } from '../../clock';
import type { AccountMemory, CallOptions, CallResult, ClientConfig, ClientEvent, FleetSeen } from '../../client/client';
import type { Reservation } from '../../client/governor';
import type { QuotaContext, QuotaRule } from '../../client/quota/rules';
import type { BaseLocation } from '../request/path';

/**
 * What the api layer needs of an account's client, and nothing more: the operations call
 * through it, the client's governor, session and transport stay behind it. The
 * FusionSolarClient implements it; unit tests hand in small doubles.
 */
export interface ApiClient {
  readonly clock: Clock;
  /** The account's settings, read-only. */
  readonly config: Readonly<ClientConfig>;
  /** Which interface the account speaks. */
  readonly api: 'v7' | 'v6';
  readonly allowControl: boolean;
  /** The account's language for names the API returns in two languages. */
  readonly locale: 'en-us' | 'zh-cn';
  /** Where the base URL points, for generic requests to check their path against. */
  readonly base: BaseLocation;
  /** One API call under the quota, with the session. */
  call(opts: CallOptions): Promise<CallResult>;
  /** Admits an operation's calls as one group; undefined when calls go one by one. */
  reserve(
    endpoint: string,
    calls: number,
    opts?: { signal?: AbortSignal; onQuotaWait?: (ms: number) => void },
  ): Promise<Reservation | undefined>;
  /** The rule the governor applies to an endpoint (undefined when quotas are off). */
  ruleFor(endpoint: string): QuotaRule | undefined;
  /** Fleet size the quota formulas use: configured, else learned. */
  quotaFleet(): QuotaContext;
  /** Fleet sizes proven by a result: the learned size only grows, except from a full list. */
  learnFleet(seen: FleetSeen): void;
  /** Tells the account's listeners (the monitor) what an operation answered. */
  publish(e: ClientEvent): void;
  /** What the account remembers between messages: plant list, time zones, inverter counts. */
  readonly memory: AccountMemory;
}
