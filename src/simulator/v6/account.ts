import type { SimUser } from '../types';

/** A V6 user's flow-control policy and ticked interfaces (reference 1.3, 6.3, 6.4). */

/** The last creation day that keeps the original policy. */
const POLICY_CUTOFF = '2022-06-30';
const DEFAULT_CREATED = '2023-03-01';

/** Interfaces that must be asked of Huawei (6.3). */
const RESTRICTED = ['cs/getInventerRealKpi'];
/** To go offline (6.4; getStationList per the 2023 documents): refused to new users. */
const TO_BE_OFFLINE = ['getDevFiveMinutes', 'getStationList'];

/** Created on or before 2022-06-30: the original policy. */
export function isLegacy(user: SimUser): boolean {
  return (user.v6?.created ?? DEFAULT_CREATED) <= POLICY_CUTOFF;
}

/** Whether the user may call an interface (`getDevList`, `cs/getInventerRealKpi`, ...). */
export function mayCall(user: SimUser, name: string): boolean {
  // "Users registered after June 30, 2022 cannot access the interfaces that are about to go offline."
  if (!isLegacy(user) && TO_BE_OFFLINE.includes(name)) return false;
  const ticked = user.v6?.interfaces;
  return ticked ? ticked.includes(name) : !RESTRICTED.includes(name);
}
