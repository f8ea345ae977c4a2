import { SimFail, type JsonObject } from '../types';
import { text } from '../../text';

/** Comma-separated string or array, as the API takes lists. */
export function commaList(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  const parts = Array.isArray(v) ? v.map(text) : text(v).split(',');
  return parts.map((s) => s.trim()).filter(Boolean);
}

/**
 * pageNo and pageSize of 9.2.x: mandatory (20612, "an input parameter is empty"), pageSize
 * from the allowed set and pageNo from 1 (20611, "out of the valid range"). The 3000x codes
 * are the I-V interfaces' own (iv-common.ts).
 */
export function pageArgs(body: JsonObject, sizes: number[]): { pageNo: number; pageSize: number } {
  if (body.pageNo === undefined || body.pageNo === null || body.pageNo === '')
    throw new SimFail(20612, null, 'pageNo is empty.');
  if (body.pageSize === undefined || body.pageSize === null || body.pageSize === '')
    throw new SimFail(20612, null, 'pageSize is empty.');
  const pageNo = Number(body.pageNo);
  const pageSize = Number(body.pageSize);
  if (!Number.isInteger(pageNo) || pageNo < 1) throw new SimFail(20611, null, 'pageNo must be at least 1.');
  if (!sizes.includes(pageSize)) throw new SimFail(20611, null, `pageSize must be one of ${sizes.join(', ')}`);
  return { pageNo, pageSize };
}

export function paged<T>(all: T[], pageNo: number, pageSize: number): JsonObject {
  return {
    list: all.slice((pageNo - 1) * pageSize, pageNo * pageSize),
    pageCount: Math.max(1, Math.ceil(all.length / pageSize)),
    pageNo,
    pageSize,
    total: all.length,
  };
}
