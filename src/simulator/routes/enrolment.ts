import type { Simulator } from '../server';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { commaList } from './common';
import { registerCommunity } from './enrolment-community';
import { enrol, enrolmentState, registration, type Prospect } from './enrolment-state';

/** 9.6.1.1 and 9.6.1.2: enrolment by SN and owner, and by authorization code (9.6.2.1 beside). */

const MINUTE = 60_000;
const MAX_ITEMS = 1000;
const LOCK_AFTER = 5;
const LOCK_MS = 5 * MINUTE;
const NOT_FOUND_SN = 'No SN/username, email, or phone number is found';
const NOT_FOUND_AC = 'Not found authorization code';

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** The owner identity must belong to the plant of the SN: any one of the three suffices. */
function ownerMatches(p: Prospect, d: JsonObject): boolean {
  const username = text(d.username);
  const email = text(d.email).toLowerCase();
  const phone = text(d.phone);
  return (
    (username !== '' && username === p.username) ||
    (email !== '' && email === p.email.toLowerCase()) ||
    (phone !== '' && phone === p.phone)
  );
}

function snEnrolment(req: SimRequest): unknown {
  const devices = req.body.devices;
  if (!Array.isArray(devices) || devices.length === 0) throw new SimFail(22008);
  if (devices.length > MAX_ITEMS)
    throw new SimFail(20611, null, `A maximum of ${MAX_ITEMS} SNs can be registered at a time`);
  const items = devices.map((d) => (typeof d === 'object' && d !== null ? (d as JsonObject) : {}));
  if (items.some((d) => text(d.sn) === '')) throw new SimFail(22006);
  const { prospects } = enrolmentState(req.sim);
  const visible = new Set(req.sim.plantsOf(req.user).map((p) => p.plantCode));
  return items.map((d) => {
    const sn = text(d.sn);
    const p = prospects.find((x) => x.sn === sn);
    if (p && ownerMatches(p, d)) return registration('sn', sn, enrol(req.sim, req.user, p));
    // A device of a plant the user already has: registered before, reported as success.
    const known = req.sim.fleet.devices().find((x) => x.sn === sn && visible.has(x.plantCode));
    if (known && !p) return registration('sn', sn, req.sim.fleet.plant(known.plantCode));
    return registration('sn', sn, undefined, NOT_FOUND_SN);
  });
}

/**
 * Codes are checked in order; five wrong ones in a row (across calls, reset by a right one)
 * lock the user out for five minutes: that call and every call until then answer 22004.
 * Plants enrolled before the fifth wrong code in the same call stay enrolled.
 */
function acEnrolment(req: SimRequest): unknown {
  const state = enrolmentState(req.sim);
  const who = req.user.username;
  if ((state.lockedUntil.get(who) ?? 0) > req.now) throw new SimFail(22004);
  const raw = req.body.authorizationCodes;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') throw new SimFail(20038);
  const codes = commaList(raw);
  if (codes.length === 0 || codes.length > MAX_ITEMS) throw new SimFail(20038);
  const out: unknown[] = [];
  for (const code of codes) {
    const p = state.prospects.find((x) => x.authorizationCode === code);
    if (p) {
      state.wrongCodes.set(who, 0);
      out.push(registration('authorizationCode', code, enrol(req.sim, req.user, p)));
      continue;
    }
    const wrong = (state.wrongCodes.get(who) ?? 0) + 1;
    state.wrongCodes.set(who, wrong);
    if (wrong >= LOCK_AFTER) {
      state.wrongCodes.set(who, 0);
      state.lockedUntil.set(who, req.now + LOCK_MS);
      throw new SimFail(22004);
    }
    out.push(registration('authorizationCode', code, undefined, NOT_FOUND_AC));
  }
  return out;
}

export function registerEnrolment(sim: Simulator): void {
  // "Once per minute" for each northbound user (Interface Invoking Suggestion of both).
  sim.route('vpp/snEnrolment', snEnrolment, { quota: [{ count: 1, windowMs: MINUTE }] });
  sim.route('vpp/acEnrolment', acEnrolment, { quota: [{ count: 1, windowMs: MINUTE }] });
  registerCommunity(sim);
}
