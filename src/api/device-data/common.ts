import { z } from 'zod';
import type { QuotaContext } from '../../client/quota/rules';
import { perTypeCalls } from '../../client/quota/rules';
import type { ExecContext, ExecResult, Params } from '../core/types';
import { devIds, numberList, optional, optionalFilter, sns, stationCodes } from '../core/v6-params';
import { deviceSets, type DeviceSelection } from './devices';
import { deviceTypeName } from '../core/v6-reference';

/** What every device-data operation takes to name its devices, and how it runs them. */

export function selectionShape(supported: readonly number[]) {
  return {
    stationCodes: optional(stationCodes),
    devIds: optional(devIds),
    sns: optional(sns),
    // The editor's type picker saves [] when nothing is picked: every type.
    devTypeId: optionalFilter(
      numberList(supported, 'a device type this operation supports', (n) => deviceTypeName(n, 'en-us')),
    ),
  };
}

export const SELECTION_FIELDS = ['devTypeId', 'devIds', 'sns', 'stationCodes'] as const;

/** devIds and sns name the same thing two ways: one of them, never both. */
export function oneWayToName(p: { devIds?: unknown; sns?: unknown }): boolean {
  return p.devIds === undefined || p.sns === undefined;
}
export const ONE_WAY = {
  message: 'cannot be combined with devIds: name the devices by devIds or by sns',
  path: ['sns'],
};

/** Roundup(devices of each type the interface serves / per), summed over those types: the V6 device formulas. */
export const perType =
  (types: readonly number[], per: number, plus = 0) =>
  (c: QuotaContext): number =>
    perTypeCalls(c, per, types) + plus;

type Plain = (sets: Params[]) => Promise<ExecResult>;

/** Splits the selection from the other parameters, groups the devices by type and runs one set per type. */
export async function runDevices(
  p: Params & DeviceSelection,
  ctx: ExecContext,
  plain: Plain,
  supported: readonly number[],
  opName: string,
): Promise<ExecResult> {
  const { stationCodes: s, devIds: d, sns: n, devTypeId: t, ...rest } = p;
  const { sets, calls } = await deviceSets(
    { stationCodes: s, devIds: d, sns: n, devTypeId: t },
    rest,
    supported,
    opName,
    ctx,
  );
  if (sets.length === 0) return { payload: [], calls, total: 0 };
  const r = await plain(sets);
  return { ...r, calls: r.calls + calls };
}

export function strictSelection<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).strict().refine(oneWayToName, ONE_WAY);
}
