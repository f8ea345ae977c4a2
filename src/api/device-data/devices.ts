import { invalidInput } from '../../client/errors';
import { execute } from '../core/planner';
import type { ExecContext, Params } from '../core/types';
import { deviceTypeName } from '../core/v6-reference';
import { deviceIndex, type DeviceIndex, type V6Device } from '../plants/v6-cache';
import { accountStations, deviceListV6 } from '../plants/v6';

/**
 * Which devices a device-data call covers, grouped into one parameter set per device type
 * (the API takes one `devTypeId` a call): the given `devIds` or `sns`, or every device of
 * the chosen types on the given plants (all plants when none are given).
 */

export interface DeviceSelection {
  stationCodes?: string[];
  devIds?: string[];
  sns?: string[];
  devTypeId?: number[];
}

export interface DeviceSets {
  sets: Params[];
  /** Calls made to learn the devices (plant and device lists). */
  calls: number;
}

function typeLabel(id: number): string {
  const name = deviceTypeName(id, 'en-us');
  return name ? `${name} (devTypeId ${id})` : `devTypeId ${id}`;
}

async function listDevices(
  ctx: ExecContext,
  stationCodes: string[] | undefined,
): Promise<{ index: DeviceIndex | undefined; calls: number }> {
  const r = await execute(deviceListV6, stationCodes ? { stationCodes } : {}, ctx);
  return { index: deviceIndex(ctx.client), calls: r.calls };
}

function lookup(index: DeviceIndex | undefined, key: 'devIds' | 'sns', id: string): V6Device | undefined {
  return key === 'devIds' ? index?.byId.get(id) : index?.bySn.get(id);
}

export async function deviceSets(
  sel: DeviceSelection,
  rest: Params,
  supported: readonly number[],
  opName: string,
  ctx: ExecContext,
): Promise<DeviceSets> {
  const key = sel.devIds ? 'devIds' : sel.sns ? 'sns' : undefined;
  const types = sel.devTypeId;
  for (const t of types ?? []) {
    if (!supported.includes(t))
      throw invalidInput('devTypeId', `${opName} does not support ${typeLabel(t)}: use ${supported.join(', ')}`);
  }
  // One type named for the given devices: nothing to look up.
  if (key && types?.length === 1) return { sets: [{ ...rest, devTypeId: types[0], [key]: sel[key] }], calls: 0 };

  let calls = 0;
  let index = deviceIndex(ctx.client, true);
  if (key) {
    const ids = sel[key] as string[];
    if (!index || ids.some((id) => !lookup(index, key, id))) {
      const listed = await listDevices(ctx, sel.stationCodes);
      index = listed.index;
      calls += listed.calls;
    }
    const groups = new Map<number, string[]>();
    for (const id of ids) {
      const d = lookup(index, key, id);
      if (!d) throw invalidInput(key, `device ${id} is not in the device list of the account: give its devTypeId`);
      if (!supported.includes(d.devTypeId))
        throw invalidInput(
          key,
          `device ${id} is a ${typeLabel(d.devTypeId)}, which ${opName} does not support ` +
            `(supported: ${supported.join(', ')})`,
        );
      if (types && !types.includes(d.devTypeId))
        throw invalidInput(key, `device ${id} is a ${typeLabel(d.devTypeId)}, not of devTypeId ${types.join(', ')}`);
      const g = groups.get(d.devTypeId);
      if (g) g.push(id);
      else groups.set(d.devTypeId, [id]);
    }
    return { sets: [...groups].map(([devTypeId, list]) => ({ ...rest, devTypeId, [key]: list })), calls };
  }

  let scope = sel.stationCodes;
  if (!scope) {
    const all = await accountStations(ctx);
    calls += all.calls;
    scope = all.codes;
  }
  if (scope.length === 0) return { sets: [], calls };
  if (!index || scope.some((c) => !index!.plants.has(c))) {
    const listed = await listDevices(ctx, scope);
    index = listed.index;
    calls += listed.calls;
  }
  const wanted = new Set(types ?? supported);
  const inScope = new Set(scope);
  const groups = new Map<number, string[]>();
  for (const d of index?.byId.values() ?? []) {
    if (!wanted.has(d.devTypeId) || !d.stationCode || !inScope.has(d.stationCode)) continue;
    const g = groups.get(d.devTypeId);
    if (g) g.push(d.id);
    else groups.set(d.devTypeId, [d.id]);
  }
  const order = [...groups.keys()].sort((a, b) => a - b);
  return { sets: order.map((devTypeId) => ({ ...rest, devTypeId, devIds: groups.get(devTypeId) })), calls };
}
