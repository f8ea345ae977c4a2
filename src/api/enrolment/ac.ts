import { z } from 'zod';
import { invalidInput } from '../../client/errors';
import { MINUTE } from '../../client/quota/rules';
import { enrolmentItems, failedItems } from './items';
import { nmiProblem } from './nmi';
import { codeList } from '../core/params';
import { defineOperation } from '../core/types';
import { flagInput } from '../core/params';

/** 9.6.1.2: plants join the VPP by the authorization code the installer bound to them. */

export const AC_ENROLMENT_CHUNK = 1000;
/** 22004: five wrong codes in a row lock registration by code for 5 minutes. */
export const AC_LOCKOUT_MS = 5 * MINUTE;

const params = z.object({ authorizationCodes: codeList() }).strict();

export const acEnrolment = defineOperation<z.infer<typeof params>>({
  name: 'acEnrolment',
  endpoint: 'vpp/acEnrolment',
  section: '9.6.1.2',
  summary: 'Registers plants to the VPP by their authorization codes (South Australia: the NMI); 1000 codes per call.',
  // Registers plants to the account: no device setting or state changes (see README).
  changesDevices: false,
  writes: true,
  quota: { limits: [{ count: 1, windowMs: MINUTE }], lane: true },
  params,
  fields: ['authorizationCodes'],
  // Checks each code's NMI check digit before anything is sent.
  options: z.object({ nmi: flagInput.optional() }),
  batch: { chunk: { key: 'authorizationCodes', size: AC_ENROLMENT_CHUNK } },
  normalise: (data) => enrolmentItems(data, 'authorizationCode'),
  topicKey: 'authorizationCode',
  failures: failedItems,
  itemCount: (result) => (Array.isArray(result) ? result.length : 0),
});

/**
 * With "codes are South Australian NMIs" every code must be an NMI with its check digit: a
 * typo found here costs no call and does not count towards the lockout. Names each wrong code.
 */
export function checkNmiCodes(codes: readonly string[]): void {
  const wrong: string[] = [];
  codes.forEach((code, i) => {
    const problem = nmiProblem(code);
    if (problem) wrong.push(`[${i}] "${code}" ${problem}`);
  });
  if (wrong.length === 0) return;
  const shown = wrong.slice(0, 10).join('; ');
  const more = wrong.length > 10 ? `; and ${wrong.length - 10} more` : '';
  throw invalidInput(
    'authorizationCodes',
    `${wrong.length} code${wrong.length === 1 ? ' is' : 's are'} not a valid NMI: ${shown}${more}`,
  );
}

/** The node setting "codes are South Australian NMIs": a checkbox, or true/false on msg.payload. */
export function nmiFlag(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  throw invalidInput('nmi', 'must be true or false');
}
