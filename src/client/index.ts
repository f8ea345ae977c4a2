export { FusionSolarClient, type CallOptions, type CallResult, type ClientConfig, type ClientEvent } from './client';
export { FusionSolarError, invalidInput, localise, type ErrorInit } from './errors';
export {
  describeCode,
  ERROR_CATALOGUE,
  interfaceOf,
  type CatalogueEntry,
  type Interface,
  type Locale,
} from './error-catalogue';
export { Governor, type GovernorOptions, type LimitInfo, type QuotaInfo } from './governor';
export {
  DAY,
  HOUR,
  isDaily,
  limitCount,
  MINUTE,
  SESSION_RULES,
  UNKNOWN_PATH_RULE,
  type QuotaRule,
} from './quota/rules';
export {
  acquireClient,
  closeIdleClients,
  REDEPLOY_GRACE_MS,
  releaseClient,
  retireClient,
  sessionKey,
  useClock,
} from './registry';
export { API_PREFIX, Session, type Credentials, type SessionOptions } from './session';
export { Transport, type HttpRequest, type HttpResponse, type TransportOptions } from './transport';
export { parseEnvelope, type Envelope } from './envelope';
export { parseExact, stringifyExact } from './exact-json';
export { CookieJar } from './cookies';
export { dayStart, nextDayStart, offsetAt, validZone } from './day-zone';
export { resetLoginGuards } from './login-guard';
