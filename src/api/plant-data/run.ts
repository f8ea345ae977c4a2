import { invalidInput } from '../../client/errors';
import { DAY, MINUTE } from '../../client/quota/rules';
import { accountPlantList } from '../plants/list-cache';
import { accountStations } from '../plants/v6';
import { isObject } from '../core/normalise';
import { CHUNK } from './current';
import { checkDailyBudget, clampEnd, FIVE_MINUTES } from './limits';
import { mergeHistory } from './points';
import { zoneOf } from './zones';
import { RANGES, type RelativeRange } from './options';
import { execute, executeChecked, planCalls } from '../core/planner';
import type { ExecContext, ExecResult, OperationDef, Params } from '../core/types';
import { validate } from '../core/validate';

/**
 * The plant-data node's workflow around the planner: "all plants of the account" and
 * relative history ranges. Everything the user typed is validated before the first call,
 * the plant list included.
 */

export { RANGES, type RelativeRange };

/** Stands in for the account's plants while the rest of the input is checked. */
const PROBE_CODE = 'NE=0';

function boolOption(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 'false') return false;
  if (v === true || v === 'true') return true;
  throw invalidInput('allPlants', 'must be true or false');
}

function rangeOption(v: unknown): RelativeRange | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if ((RANGES as readonly unknown[]).includes(v)) return v as RelativeRange;
  throw invalidInput('range', `must be one of ${RANGES.join(', ')} (or empty to use startTime and endTime)`);
}

/** The message's own parameter beats the node's setting; rivals from the same place are a mistake. */
function prefer(option: string, rivals: string[], fromMessage: readonly string[]): 'option' | 'rivals' {
  const optionInMsg = fromMessage.includes(option);
  const rivalsInMsg = rivals.some((k) => fromMessage.includes(k));
  if (rivalsInMsg && !optionInMsg) return 'rivals';
  if (optionInMsg && !rivalsInMsg) return 'option';
  throw invalidInput(option, `cannot be combined with ${rivals.join('/')}: give one of them`);
}

/**
 * Start and end of a relative range for a plant `offsetMin` minutes east of UTC.
 * "last24h" ends at the last full 5 minutes; "today" runs from the plant's midnight on.
 */
export function rangeTimes(
  range: RelativeRange,
  offsetMin: number,
  now: number,
): { startTime: number; endTime: number } {
  if (range === 'last24h') {
    const end = Math.floor(now / FIVE_MINUTES) * FIVE_MINUTES;
    return { startTime: end - DAY, endTime: end };
  }
  const off = offsetMin * MINUTE;
  const midnight = Math.floor((now + off) / DAY) * DAY - off;
  return range === 'today'
    ? { startTime: midnight, endTime: midnight + DAY }
    : { startTime: midnight - DAY, endTime: midnight };
}

/** Plant codes of the account: the cached plant list, fetched when missing or a day old. */
export async function accountPlantCodes(ctx: ExecContext): Promise<{ codes: string[]; calls: number }> {
  const { list, calls } = await accountPlantList(ctx);
  const codes = list
    .map((p) => (isObject(p) ? p.plantCode : undefined))
    .filter((c): c is string => typeof c === 'string');
  return { codes, calls };
}

export async function runPlantData(
  op: OperationDef,
  params: Params,
  options: Params,
  ctx: ExecContext,
  fromMessage: readonly string[] = [],
): Promise<ExecResult> {
  const p: Params = { ...params };
  // V6 names the plants stationCodes (plantCodes is its alias there).
  const key = op.api === 'v6' ? 'stationCodes' : 'plantCodes';
  if (key === 'stationCodes' && p.plantCodes !== undefined && p.stationCodes === undefined) {
    p.stationCodes = p.plantCodes;
    delete p.plantCodes;
  }
  const inMessage = fromMessage.map((k) => (k === 'plantCodes' ? key : k));
  let all = boolOption(options.allPlants);
  let range = rangeOption(options.range);
  if (all && p[key] !== undefined) {
    if (prefer('allPlants', [key], inMessage) === 'rivals') all = false;
    else delete p[key];
  }
  if (range && (p.startTime !== undefined || p.endTime !== undefined)) {
    if (prefer('range', ['startTime', 'endTime'], fromMessage) === 'rivals') range = undefined;
    else {
      delete p.startTime;
      delete p.endTime;
    }
  }
  const now = ctx.client.clock.now();
  const probe = { ...p, ...(all ? { [key]: [PROBE_CODE] } : {}), ...(range ? rangeTimes(range, 0, now) : {}) };
  const checked = validate(op, probe);
  if (op.batch?.window && typeof checked.endTime === 'number')
    checked.endTime = clampEnd(checked.endTime, now, Number(checked.startTime));
  await op.precheck?.(checked, ctx);

  let calls = 0;
  if (all) {
    const account = key === 'stationCodes' ? await accountStations(ctx) : await accountPlantCodes(ctx);
    calls += account.calls;
    if (account.codes.length === 0) return { payload: op.merge ? op.merge([], p) : [], calls, total: 0 };
    p[key] = account.codes;
  }
  if (op.batch?.window) {
    const result = await runWindows(op, p, range, ctx);
    return { ...result, calls: result.calls + calls };
  }
  // What the message named was checked above, precheck included: no second pass over its codes.
  const result = all || range ? await execute(op, p, ctx) : await executeChecked(op, checked, ctx);
  return { ...result, calls: result.calls + calls };
}

/**
 * History: one request per time-zone group when the range is relative ("yesterday" is a
 * different span in Sydney and in Berlin), the end cut at now, the day's budget checked
 * across all groups, and the points merged per plant.
 */
async function runWindows(
  op: OperationDef,
  p: Params,
  range: RelativeRange | undefined,
  ctx: ExecContext,
): Promise<ExecResult> {
  const now = ctx.client.clock.now();
  const codes = validate(op, { ...p, ...(range ? rangeTimes(range, 0, now) : {}) }).plantCodes as string[];
  const groups = new Map<number, string[]>();
  for (const code of codes) {
    const zone = range && range !== 'last24h' ? (zoneOf(ctx.client, code) ?? 0) : 0;
    const group = groups.get(zone);
    if (group) group.push(code);
    else groups.set(zone, [code]);
  }
  const sets = [...groups].map(([zone, group]) => {
    const times = range ? rangeTimes(range, zone, now) : { startTime: p.startTime, endTime: p.endTime };
    const v = validate(op, { plantCodes: group, ...times });
    return { ...v, plantCodes: group, endTime: clampEnd(Number(v.endTime), now, Number(v.startTime)) };
  });
  const planned = sets.reduce((n, s) => n + planCalls(op.batch, s).length, 0);
  const chunks = sets.reduce((n, s) => n + Math.ceil(s.plantCodes.length / CHUNK), 0);
  checkDailyBudget(op.endpoint, op.quota, planned, chunks, ctx);

  const parts: unknown[] = [];
  let calls = 0;
  for (const set of sets) {
    const r = await execute(op, set, ctx);
    calls += r.calls;
    parts.push(r.payload);
  }
  const payload = mergeHistory(parts, codes);
  return { payload, calls, total: payload.length };
}
