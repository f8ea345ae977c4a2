import type { Locale } from '../../client/error-catalogue';
import { FusionSolarError } from '../../client/errors';
import { AC_LOCKOUT_MS, acEnrolment, checkNmiCodes, nmiFlag } from './ac';
import { allFailedError, failedItems, unsentItem } from './items';
import { localiseRegistrations, snRegistration } from './register';
import { snEnrolment } from './sn';
import { execute } from '../core/planner';
import {
  withWorkflow,
  type ExecContext,
  type ExecResult,
  type OperationDef,
  type Params,
  type StatusText,
} from '../core/types';
import { validate } from '../core/validate';

export { acEnrolment, snEnrolment, snRegistration };

interface Registration {
  /** The input list that is chunked. */
  listKey: string;
  /** The field of a result item that names it. */
  itemKey: string;
  idOf(entry: unknown): string;
}

const REGISTRATIONS: Record<string, Registration> = {
  snEnrolment: { listKey: 'devices', itemKey: 'sn', idOf: (d) => String((d as { sn: string }).sn) },
  acEnrolment: { listKey: 'authorizationCodes', itemKey: 'authorizationCode', idOf: String },
};

function asError(err: unknown): FusionSolarError {
  return err instanceof FusionSolarError
    ? err
    : new FusionSolarError('FAILED', { message: (err as Error)?.message ?? String(err) });
}

/**
 * Sends one chunk after another. When a later call fails, the plants already registered stay
 * in the result and the items never sent are listed as failed with that call's error, so the
 * flow can resend exactly those; with no success at all the call's own error is thrown.
 */
async function registerInChunks(
  op: OperationDef,
  reg: Registration,
  params: Params,
  ctx: ExecContext,
): Promise<ExecResult> {
  const list = params[reg.listKey] as unknown[];
  const size = op.batch?.chunk?.size ?? list.length;
  const items: unknown[] = [];
  let calls = 0;
  let callError: FusionSolarError | undefined;
  for (let i = 0; i < list.length; i += size) {
    try {
      const r = await execute(op, { ...params, [reg.listKey]: list.slice(i, i + size) }, ctx);
      calls += r.calls;
      items.push(...(Array.isArray(r.payload) ? (r.payload as unknown[]) : []));
    } catch (err) {
      callError = asError(err);
      if (callError.code === '22004' && callError.retryAfter === undefined) callError.retryAfter = AC_LOCKOUT_MS;
      if (callError.code !== 'QUOTA' && callError.code !== 'ABORTED') calls++;
      items.push(
        ...list.slice(i).map((entry) => unsentItem(reg.itemKey, reg.idOf(entry), callError as FusionSolarError)),
      );
      break;
    }
  }
  const failed = failedItems(items);
  if (failed.length === items.length && items.length > 0) throw callError ?? allFailedError(op, failed, reg.itemKey);
  return { payload: items, calls, total: items.length, ...(failed.length ? { failed } : {}) };
}

/**
 * Runs one enrolment operation for the node: every input is checked before the first call
 * (with the NMI check when `options.nmi` is set), registrations are chunked with per-item
 * outcomes, and registration-query results get their meaning in the account's language.
 */
export async function runEnrolment(
  op: OperationDef,
  input: Params,
  options: Params,
  ctx: ExecContext,
  locale: Locale,
): Promise<ExecResult> {
  const params = validate(op, input);
  if (op === acEnrolment && nmiFlag(options.nmi)) checkNmiCodes(params.authorizationCodes as string[]);
  const reg = REGISTRATIONS[op.name];
  if (reg) return registerInChunks(op, reg, params, ctx);
  const result = await execute(op, params, ctx);
  if (op === snRegistration) localiseRegistrations(result.payload, locale);
  return result;
}

function enrolmentStatus(op: OperationDef, result: ExecResult): StatusText {
  const count = Array.isArray(result.payload) ? result.payload.length : 0;
  if (result.failed?.length) return { key: 'status.partial', vars: { ok: count - result.failed.length, total: count } };
  return { key: op.name === 'snRegistration' ? 'status.sns' : 'status.enrolled', vars: { count } };
}

/** 9.6.1.1, 9.6.1.2 and 9.6.2.1, in the order the editor lists them, each run by runEnrolment. */
export const ENROLMENT_OPERATIONS: readonly OperationDef[] = [snEnrolment, acEnrolment, snRegistration].map((op) =>
  withWorkflow(op, {
    workflow: (p, o, ctx) => runEnrolment(op, p, o, ctx, ctx.locale),
    status: (r) => enrolmentStatus(op, r),
  }),
);
