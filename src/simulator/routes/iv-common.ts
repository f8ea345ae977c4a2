import { SimFail, type JsonObject, type SimQuota, type SimRequest } from '../types';
import { ivState, type SimInverter, type SimTask } from './iv-state';

/** Request rules every 9.4 interface shares, with the failCodes of reference chapter 11. */

/** "A maximum of 10 times per minute", stated for each interface on its own. */
export const IV_QUOTA: SimQuota[] = [{ count: 10, windowMs: 60_000 }];

const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/** pageNo and pageSize: 30004/30005 when missing, 30021 below 1, 30006 outside the sizes. */
export function ivPage(body: JsonObject, max?: number): { pageNo: number; pageSize: number } {
  if (empty(body.pageNo)) throw new SimFail(30004);
  if (empty(body.pageSize)) throw new SimFail(30005);
  const pageNo = Number(body.pageNo);
  const pageSize = Number(body.pageSize);
  if (!Number.isInteger(pageNo) || pageNo < 1) throw new SimFail(30021);
  const ok =
    max === undefined
      ? [10, 20, 30, 50, 100].includes(pageSize)
      : Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= max;
  if (!ok)
    throw new SimFail(
      30006,
      null,
      max === undefined ? 'pageSize must be one of 10, 20, 30, 50, 100' : `pageSize must be 1-${max}`,
    );
  return { pageNo, pageSize };
}

/** The caller's task: 30015 without an id, 20034 ("Not found task") for any other user's or unknown id. */
export function taskOf(req: SimRequest): SimTask {
  const raw = req.body.taskId;
  if (empty(raw)) throw new SimFail(30015);
  const id = typeof raw === 'number' ? (Number.isSafeInteger(raw) ? String(raw) : '') : String(raw).trim();
  const task = ivState(req.sim).tasks.get(id);
  if (!task || task.owner !== req.user.username) throw new SimFail(20034, null, 'Not found task');
  return task;
}

/** An inverter of the caller's plants, or undefined. */
export function ownInverter(req: SimRequest, dn: string): SimInverter | undefined {
  const inv = ivState(req.sim).inverter(dn);
  return inv && req.sim.ownPlant(req.user, inv.plant.plantCode) ? inv : undefined;
}

/** One page of `all`; `row` turns only the page's items into what the answer lists. */
export function pageOf<T>(
  all: T[],
  pageNo: number,
  pageSize: number,
  extra: JsonObject = {},
  row: (item: T) => unknown = (item) => item,
): JsonObject {
  return {
    total: all.length,
    pageCount: Math.max(1, Math.ceil(all.length / pageSize)),
    pageNo,
    pageSize,
    ...extra,
    list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(row),
  };
}
