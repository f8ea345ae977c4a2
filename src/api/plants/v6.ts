import { z } from 'zod';
import { FusionSolarError, invalidInput } from '../../client/errors';
import { DAY, dailyOneAMinute } from '../../client/quota/rules';
import { isObject, normaliseRecord, toNumber } from '../core/normalise';
import { oneOf, timeInput } from '../core/params';
import { pageOf, execute } from '../core/planner';
import type { ExecContext, ExecResult } from '../core/types';
import { defineOperation } from '../core/types';
import { deviceTypeName } from '../core/v6-reference';
import { optional, PLANT_CODES_ROW, STATION_OTHER_NAMES, stationCodes } from '../core/v6-params';
import { learnDevices } from './v6-cache';
import { text } from '../../text';

/** V6 6.1.3 / 6.1.5 and `stations`: the plant and device lists everything else starts from. */

const plantSpec = {
  numbers: ['longitude', 'latitude', 'capacity', 'aidType'],
  strings: [
    'plantCode',
    'plantName',
    'plantAddress',
    'contactPerson',
    'contactMethod',
    'gridConnectionDate',
    'buildState',
    'combineType',
  ],
  times: ['gridConnectionDate'],
} as const;

const plantListParams = z
  .object({
    pageNo: optional(
      z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1'),
    ),
    pageSize: optional(oneOf([10, 20, 30, 50, 100] as const)),
    gridConnectedStartTime: optional(timeInput),
    gridConnectedEndTime: optional(timeInput),
  })
  .strict()
  .refine(
    (p) =>
      p.gridConnectedStartTime === undefined ||
      p.gridConnectedEndTime === undefined ||
      p.gridConnectedStartTime <= p.gridConnectedEndTime,
    {
      message: 'must not be before gridConnectedStartTime',
      path: ['gridConnectedEndTime'],
    },
  );
type PlantListParams = z.infer<typeof plantListParams>;

/** getStationList's fields under the names `stations` uses; capacity MW becomes kWp. */
function asStation(item: Record<string, unknown>): Record<string, unknown> {
  const { stationCode, stationName, stationAddr, capacity, stationLinkman, linkmanPho, ...rest } = item;
  const mw = toNumber(capacity);
  return normaliseRecord(
    {
      plantCode: stationCode,
      plantName: stationName,
      plantAddress: stationAddr,
      capacity: mw === null ? null : Math.round(mw * 1e6) / 1e3,
      contactPerson: stationLinkman,
      contactMethod: linkmanPho,
      ...rest,
    },
    plantSpec,
  );
}

/** The legacy list: all plants in one call, 24 a day. Called only when `stations` is refused. */
export const stationListFallback = defineOperation<Record<string, never>>({
  name: 'plantList',
  api: 'v6',
  endpoint: 'thirdData/getStationList',
  section: 'V6 6.1.3',
  summary: 'Legacy plant list (getStationList), used where stations is refused.',
  changesDevices: false,
  deprecated: 'thirdData/stations',
  quota: dailyOneAMinute(24),
  params: z.object({}).strict(),
  fields: [],
  normalise: (data) => pageOf(data).items.filter(isObject).map(asStation),
  learn: (result, _p, ctx) => learnPlants(result, {}, ctx),
});

/** 401 (no permission) or a missing path: the account predates or lacks `stations`. */
function refused(err: unknown): boolean {
  return err instanceof FusionSolarError && (err.code === '401' || (err.code === 'HTTP' && err.httpStatus === 404));
}

async function listPlants(
  params: PlantListParams,
  ctx: ExecContext,
  plain: (sets: PlantListParams[]) => Promise<ExecResult>,
): Promise<ExecResult> {
  if (!ctx.client.memory.stationsRefused) {
    try {
      return await plain([params]);
    } catch (err) {
      if (!refused(err)) throw err;
      ctx.client.memory.stationsRefused = true;
    }
  }
  const filtered = (['pageNo', 'pageSize', 'gridConnectedStartTime', 'gridConnectedEndTime'] as const).find(
    (k) => params[k] !== undefined,
  );
  if (filtered)
    throw invalidInput(
      filtered,
      'is not available on this account: stations is refused (401) and getStationList lists every plant at once',
    );
  const r = await execute(stationListFallback, {}, ctx);
  return { ...r, meta: { ...r.meta, endpoint: 'thirdData/getStationList' } };
}

export const plantListV6 = defineOperation<PlantListParams>({
  name: 'plantList',
  api: 'v6',
  endpoint: 'thirdData/stations',
  section: 'V6 stations',
  summary:
    'Plants of the account: every page of stations merged (getStationList where stations is ' +
    'refused), in the stations field names.',
  changesDevices: false,
  // Not in the 2022 reference; Roundup(plants/100) × 10 + 24 is the lower of the readings in use.
  quota: dailyOneAMinute((c) => Math.ceil(c.plants / 100) * 10 + 24),
  params: plantListParams,
  fields: ['pageNo', 'pageSize', 'gridConnectedStartTime', 'gridConnectedEndTime'],
  batch: { paged: { pageSize: 100 } },
  runCalls: (p, ctx, plain) => listPlants(p, ctx, plain),
  normalise(data) {
    for (const item of pageOf(data).items) if (isObject(item)) normaliseRecord(item, plantSpec);
    if (isObject(data))
      for (const k of ['total', 'pageCount', 'pageNo', 'pageSize']) if (k in data) data[k] = toNumber(data[k]);
    return data;
  },
  learn: learnPlants,
  topicKey: 'plantCode',
});

/** The account's plant count and cached list, from whichever list answered unfiltered. */
export function learnPlants(result: unknown, params: PlantListParams, ctx: ExecContext): void {
  const filtered =
    params.pageNo !== undefined ||
    params.gridConnectedStartTime !== undefined ||
    params.gridConnectedEndTime !== undefined;
  if (filtered || !Array.isArray(result)) return;
  ctx.client.learnFleet({ plants: result.length, fullPlantList: true });
  ctx.client.memory.plantList = { at: ctx.client.clock.now(), value: result };
}

const deviceSpec = {
  numbers: ['devTypeId', 'longitude', 'latitude', 'optimizerNumber'],
  strings: ['devName', 'stationCode', 'esnCode', 'softwareVersion', 'invType', 'devDn', 'model'],
} as const;

const deviceListParams = z.object({ stationCodes: optional(stationCodes) }).strict();
type DeviceListParams = z.infer<typeof deviceListParams>;

/** Plant codes of the account from the cached plant list, listed when missing or a day old. */
export async function accountStations(ctx: ExecContext): Promise<{ codes: string[]; calls: number }> {
  const cached = ctx.client.memory.plantList;
  let list: unknown = cached && ctx.client.clock.now() - cached.at < DAY ? cached.value : undefined;
  let calls = 0;
  if (!Array.isArray(list)) {
    const r = await execute(plantListV6, {}, ctx);
    calls = r.calls;
    list = r.payload;
  }
  const codes = (Array.isArray(list) ? list : [])
    .map((p) => (isObject(p) ? p.plantCode : undefined))
    .filter((c): c is string => typeof c === 'string');
  return { codes, calls };
}

export const deviceListV6 = defineOperation<DeviceListParams>({
  name: 'deviceList',
  api: 'v6',
  endpoint: 'thirdData/getDevList',
  section: 'V6 6.1.5',
  summary:
    'Devices of the given plants (all plants when none given): id, name, SN, type, model, software ' +
    'version; 100 plants a call.',
  changesDevices: false,
  quota: dailyOneAMinute((c) => Math.ceil(c.plants / 100) + 24),
  params: deviceListParams,
  fields: ['stationCodes'],
  otherNames: STATION_OTHER_NAMES,
  properties: PLANT_CODES_ROW,
  batch: { chunk: { key: 'stationCodes', size: 100 } },
  async runCalls(p, ctx, plain) {
    if (p.stationCodes) return plain([p]);
    const all = await accountStations(ctx);
    if (all.codes.length === 0) return { payload: [], calls: all.calls, total: 0 };
    const r = await plain([{ stationCodes: all.codes }]);
    return { ...r, calls: r.calls + all.calls };
  },
  normalise: (data, _p, ctx) =>
    pageOf(data)
      .items.filter(isObject)
      .map((d) => {
        normaliseRecord(d, deviceSpec);
        // Longs: a digit string keeps 16+ digit ids exact (the pre-parse already left the unsafe ones as strings).
        if (d.id !== undefined && d.id !== null) d.id = text(d.id);
        const name =
          typeof d.devTypeId === 'number' ? deviceTypeName(d.devTypeId, ctx.client.config.locale) : undefined;
        if (name) d.devTypeName = name;
        return d;
      }),
  learn(result, p, ctx) {
    if (!Array.isArray(result)) return;
    const stations = p.stationCodes ?? [
      ...new Set(
        result.map((d) => (isObject(d) ? d.stationCode : undefined)).filter((c): c is string => typeof c === 'string'),
      ),
    ];
    learnDevices(ctx.client, stations, result);
    ctx.client.learnFleet({ plants: stations.length });
  },
  topicKey: 'id',
});
