import { allOperations } from '../../src/api';
import type { FusionSolarClient } from '../../src/client/client';
import type { QuotaInfo } from '../../src/client/governor';

export interface QuotaRow extends QuotaInfo {
  /** Reference section and operations of the catalogue that call the endpoint. */
  section?: string;
  operations: string[];
}

export interface QuotaView {
  profile: 'documented' | 'custom' | 'off';
  /** Calendar-day zone of the daily budgets, or null for a sliding 24 hours. */
  dayZone: string | null;
  /** Longest wait before a call fails with QUOTA, in seconds. */
  quotaWait: number;
  /** `devicesByType` only on V6 accounts once the device list was read: their formulas count per type. */
  fleet: { plants: number; devices: number; devicesByType?: Record<string, number> };
  pausedFor: number;
  session: string;
  now: number;
  endpoints: QuotaRow[];
}

const SESSION_SECTIONS: Record<string, string> = { login: '9.1.1', logout: '9.1.2' };

/**
 * What the account editor's read-only quota table shows: every endpoint of the session
 * and the catalogue, plus any other path a request node called, with used / limit per window.
 */
export function quotaView(client: FusionSolarClient): QuotaView {
  const ops = allOperations();
  const endpoints = [
    ...new Set(['login', 'logout', ...ops.map((o) => o.endpoint), ...client.governor.ledger.endpoints]),
  ];
  return {
    profile: client.config.quotaProfile ?? 'documented',
    dayZone: client.config.quotaDayZone ?? null,
    quotaWait: client.maxWaitMs / 1000,
    fleet: fleetView(client.fleet),
    pausedFor: client.governor.pausedFor,
    session: client.session.state,
    now: client.clock.now(),
    endpoints: endpoints.map((e) => {
      // Login is always limited, whatever the profile: the guard protects against lockout.
      const info = e === 'login' ? client.loginGuard.governor.info(e) : client.governor.info(e);
      const using = ops.filter((o) => o.endpoint === e);
      const section = SESSION_SECTIONS[e] ?? using[0]?.section;
      return { ...info, ...(section ? { section } : {}), operations: using.map((o) => o.name) };
    }),
  };
}

function fleetView(fleet: {
  plants: number;
  devices: number;
  devicesByType?: Record<string, number>;
}): QuotaView['fleet'] {
  const out: QuotaView['fleet'] = { plants: fleet.plants, devices: fleet.devices };
  if (fleet.devicesByType && Object.keys(fleet.devicesByType).length) out.devicesByType = { ...fleet.devicesByType };
  return out;
}
