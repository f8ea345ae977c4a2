import { z } from 'zod';
import { HOUR } from '../../client/quota/rules';
import { isObject, normaliseRecord, toNumber } from '../core/normalise';
import type { ExecContext, ExecResult, Params } from '../core/types';
import { defineOperation } from '../core/types';
import { INVERTER_TYPES } from '../core/v6-reference';
import { optional, STATION_OTHER_NAMES, sns, stationCodes } from '../core/v6-params';
import { deviceIndex } from '../plants/v6-cache';
import { deviceSets } from './devices';

/** V6 6.3.1, a restricted interface Huawei enables on request: running and alarm data of inverters. */

const KPI_NUMBERS = [
  'activePower',
  'createTime',
  'eDay',
  'eMonth',
  'eTotal',
  'fac',
  'iac1',
  'iac2',
  'iac3',
  'pac',
  'powerFactor',
  'reactivePower',
  'status',
  'temperature',
  'vac1',
  'vac2',
  'vac3',
] as const;
const KPI_STRINGS = [
  'collectorSN',
  'controlVersion',
  'errorCode',
  'inventerSN',
  'inverterManufacturer',
  'nationalStandard',
] as const;

const params = z.object({ stationCodes: optional(stationCodes), sns: optional(sns) }).strict();
type P = z.infer<typeof params>;

function normalise(data: unknown): unknown {
  if (!Array.isArray(data)) return [];
  for (const item of data) {
    if (!isObject(item)) continue;
    normaliseRecord(item, { strings: ['sn'] });
    for (const kpi of Array.isArray(item.kpis) ? item.kpis : []) {
      if (!isObject(kpi)) continue;
      normaliseRecord(kpi, { numbers: KPI_NUMBERS, strings: KPI_STRINGS });
      for (const k of ['ipvs', 'vpvs']) if (Array.isArray(kpi[k])) kpi[k] = (kpi[k] as unknown[]).map(toNumber);
    }
  }
  return data;
}

/** Without SNs: every inverter (types 1 and 38) of the plants, by the SNs of the device list. */
async function run(p: P, ctx: ExecContext, plain: (sets: Params[]) => Promise<ExecResult>): Promise<ExecResult> {
  if (p.sns) return plain([{ sns: p.sns }]);
  const { sets, calls } = await deviceSets(
    { stationCodes: p.stationCodes },
    {},
    INVERTER_TYPES,
    'inverterConvergence',
    ctx,
  );
  const index = deviceIndex(ctx.client);
  const list = sets.flatMap((s) =>
    (s.devIds as string[]).map((id) => index?.byId.get(id)?.esnCode).filter((sn): sn is string => !!sn),
  );
  if (list.length === 0) return { payload: [], calls, total: 0 };
  const r = await plain([{ sns: list }]);
  return { ...r, calls: r.calls + calls };
}

export const inverterConvergence = defineOperation<P>({
  name: 'inverterConvergence',
  api: 'v6',
  endpoint: 'thirdData/cs/getInventerRealKpi',
  section: 'V6 6.3.1',
  summary:
    'Restricted (enabled by Huawei on request): running and alarm data of up to 100 inverters a call, once an hour.',
  changesDevices: false,
  quota: { limits: [{ count: 1, windowMs: HOUR }], lane: true },
  params,
  fields: ['sns', 'stationCodes'],
  otherNames: STATION_OTHER_NAMES,
  batch: { chunk: { key: 'sns', size: 100 } },
  runCalls: run,
  normalise,
  topicKey: 'sn',
});
