import { FusionSolarError } from '../../client/errors';
import { isObject } from './normalise';
import { isDistinct, markDistinct } from './params';
import type { Batch, ExecContext, ExecResult, OperationDef, Params } from './types';
import { validate } from './validate';

/** Default body: lists comma-joined (each code once) as the API takes them, empty values left out. */
export function defaultBody(params: Params): Params {
  const body: Params = {};
  for (const k of Object.keys(params)) {
    const v = params[k];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) body[k] = v;
    else body[k] = (isDistinct(v) ? v : [...new Set(v)]).join(',');
  }
  return body;
}

/** Items and paging facts of one page, whether the API sent a page map or a bare array. */
export function pageOf(data: unknown): { items: unknown[]; total?: number; pageCount?: number } {
  if (Array.isArray(data)) return { items: data };
  if (isObject(data) && Array.isArray(data.list)) {
    const total = Number(data.total);
    const pageCount = Number(data.pageCount);
    return {
      items: data.list,
      total: Number.isFinite(total) ? total : undefined,
      pageCount: Number.isFinite(pageCount) && pageCount > 0 ? pageCount : undefined,
    };
  }
  return { items: data === null || data === undefined ? [] : [data] };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Every parameter set the operation needs: chunks of codes times time windows. */
export function planCalls(batch: Batch | undefined, params: Params): Params[] {
  let sets: Params[] = [params];
  if (batch?.chunk) {
    const { size } = batch.chunk;
    const key = [batch.chunk.key, ...(batch.chunk.alt ?? [])].find((k) => Array.isArray(params[k])) ?? batch.chunk.key;
    // A code named twice is asked for once: a million copies of one code is one call, not 10,000.
    const given = params[key];
    const list = Array.isArray(given) ? (isDistinct(given) ? given : markDistinct([...new Set(given)])) : given;
    if (Array.isArray(list))
      sets =
        list.length > size
          ? chunks(list, size).map((part) => ({ ...params, [key]: markDistinct(part) }))
          : [{ ...params, [key]: list }];
  }
  if (batch?.window) {
    const { startKey, endKey, windowMs } = batch.window;
    sets = sets.flatMap((p) => {
      const start = Number(p[startKey]);
      const end = Number(p[endKey]);
      if (!Number.isFinite(start) || !Number.isFinite(end) || end - start <= windowMs) return [p];
      const out: Params[] = [];
      for (let s = start; s < end; s += windowMs)
        out.push({ ...p, [startKey]: s, [endKey]: Math.min(end, s + windowMs) });
      return out;
    });
  }
  return sets;
}

function defaultMerge(parts: unknown[]): unknown {
  if (parts.length === 1) return parts[0];
  if (parts.every(Array.isArray)) return (parts as unknown[][]).flat();
  if (parts.every(isObject)) return Object.assign({}, ...parts);
  return parts;
}

/**
 * Runs one operation: validate, plan the calls (chunks, windows, pages), send them one
 * after another through the client, normalise and merge.
 */
export async function execute<P extends Params>(
  op: OperationDef<P>,
  input: Params,
  ctx: ExecContext,
): Promise<ExecResult> {
  const params = validate(op, input);
  await op.precheck?.(params, ctx);
  return executeChecked(op, params, ctx);
}

/** execute() for parameters that validate() and the precheck have already passed. */
export function executeChecked<P extends Params>(
  op: OperationDef<P>,
  params: P,
  ctx: ExecContext,
): Promise<ExecResult> {
  if (op.runCalls) return op.runCalls(params, ctx, (sets) => runPlanned(op, sets as P[], ctx));
  return runPlanned(op, [params], ctx);
}

/** The calls of validated parameter sets, sent as one group, normalised and merged. */
async function runPlanned<P extends Params>(
  op: OperationDef<P>,
  paramSets: P[],
  ctx: ExecContext,
): Promise<ExecResult> {
  const params = paramSets[0] ?? ({} as P);
  const sets = paramSets.flatMap((s) => planCalls(op.batch, s)) as P[];
  if (sets.length === 0) return { payload: op.merge ? op.merge([], params) : [], calls: 0, total: 0 };
  // The operation's calls go as one group, so another operation cannot split them and
  // leave both half done; a group the daily budget cannot finish fails before any call.
  const group = await ctx.client.reserve(op.endpoint, sets.length, {
    signal: ctx.signal,
    onQuotaWait: ctx.onQuotaWait,
  });
  let calls = 0;
  const send = async (p: P): Promise<unknown> => {
    calls++;
    const res = await ctx.client.call({
      endpoint: op.endpoint,
      body: op.toBody ? op.toBody(p) : defaultBody(p),
      changesDevices: op.changesDevices,
      writes: op.writes,
      signal: ctx.signal,
      onQuotaWait: ctx.onQuotaWait,
      group,
    });
    const data = op.normalise ? op.normalise(res.data, p, ctx) : res.data;
    ctx.client.publish({
      type: 'answer',
      operation: op.name,
      endpoint: op.endpoint,
      params: p,
      data,
      at: ctx.client.clock.now(),
    });
    return data;
  };

  const parts: unknown[] = [];
  let total: number | undefined;
  const paged = op.batch?.paged;
  try {
    for (const p of sets) {
      if (!paged || (p as Params).pageNo !== undefined || paged.skipWhen?.some((k) => (p as Params)[k] !== undefined)) {
        parts.push(await send(p));
        continue;
      }
      const pageSize = Number((p as Params).pageSize ?? paged.pageSize);
      const maxItems = paged.maxItems?.(p) ?? Infinity;
      const items: unknown[] = [];
      let pageTotal: number | undefined;
      let kept: Params | undefined;
      let previous: string | undefined;
      let pages: number | undefined;
      for (let pageNo = 1; ; pageNo++) {
        const data = await send({ ...p, pageNo, pageSize }).catch((err: unknown) => {
          throw pageNo > 1 ? laterPageError(err, pageNo, pages, items.length) : err;
        });
        const page = pageOf(data);
        // Every page spends the endpoint's budget: a server that ignores pageNo (the same
        // items again) or answers with a bare list has said all it will say.
        const seen = JSON.stringify(page.items);
        if (seen === previous) break;
        previous = seen;
        if (paged.keep && isObject(data))
          kept = Object.fromEntries(paged.keep.filter((k) => k in data).map((k) => [k, data[k]]));
        items.push(...page.items);
        if (page.total !== undefined) pageTotal = page.total;
        if (paged.bareIsWhole && Array.isArray(data)) break;
        pages = page.pageCount ?? (page.total !== undefined ? Math.ceil(page.total / pageSize) : undefined);
        const more = pages !== undefined ? pageNo < pages : page.items.length >= pageSize;
        if (!more || page.items.length === 0 || items.length >= maxItems) break;
      }
      total = (total ?? 0) + (pageTotal ?? items.length);
      parts.push(paged.keep ? { ...kept, list: items } : items);
    }
  } finally {
    group?.end();
  }
  const payload = op.merge ? op.merge(parts, params) : defaultMerge(parts);
  if (paged && Array.isArray(payload) && total === undefined) total = payload.length;
  else if (Array.isArray(payload) && total === undefined) total = payload.length;
  op.learn?.(payload, params, ctx);
  const failed = op.failures?.(payload);
  return { payload, calls, total, ...(failed && failed.length ? { failed } : {}) };
}

/**
 * A later page refused by the quota (a short quotaWait): the list fails whole, and says so,
 * rather than pass for complete with the first pages only.
 */
function laterPageError(err: unknown, pageNo: number, pages: number | undefined, gathered: number): unknown {
  if (!(err instanceof FusionSolarError) || err.code !== 'QUOTA') return err;
  const of = pages !== undefined ? ` of ${pages}` : '';
  return new FusionSolarError('QUOTA', {
    endpoint: err.endpoint,
    retryAfter: err.retryAfter,
    details: err.details,
    solution: err.solution,
    message:
      `${err.message} (at page ${pageNo}${of}; the ${gathered} items of the pages before it are not sent: ` +
      'a "Longest wait" (quotaWait) of at least the wait reads the whole list)',
  });
}
