import { plantInfo, ratedData, realtimeKpi } from './current';
import { fiveMinuteKpi, historyKpi } from './history';
import { dayKpi, hourKpi, monthKpi, realtimeKpiV6, yearKpi } from './v6';
import { runPlantData } from './run';
import {
  withWorkflow,
  type ExecResult,
  type OperationDef,
  type Params,
  type StatusText,
  type WorkflowContext,
} from '../core/types';

/** The operations of the fusionsolar-plant-data node, in the editor's order: V7's, then V6's. */
export const PLANT_DATA_OPERATIONS = [
  plantInfo,
  realtimeKpi,
  historyKpi,
  fiveMinuteKpi,
  ratedData,
  realtimeKpiV6,
  hourKpi,
  dayKpi,
  monthKpi,
  yearKpi,
] as const;

function plantDataStatus(op: OperationDef, result: ExecResult): StatusText {
  const items = op.items ? op.items(result.payload) : result.payload;
  if (!Array.isArray(items)) return { key: 'status.ok' };
  return { key: op.name === 'fiveMinuteKpi' ? 'status.points' : 'status.plants', vars: { count: items.length } };
}

// The message's own parameters beat the node's options ("all plants", relative range).
for (const op of PLANT_DATA_OPERATIONS) {
  withWorkflow(op, {
    ...(op.options
      ? { workflow: (p: Params, o: Params, ctx: WorkflowContext) => runPlantData(op, p, o, ctx, ctx.fromMessage) }
      : {}),
    status: (r) => plantDataStatus(op, r),
  });
}

export { plantInfo, ratedData, realtimeKpi } from './current';
export { fiveMinuteKpi, historyKpi } from './history';
export { accountPlantCodes, rangeTimes, RANGES, runPlantData, type RelativeRange } from './run';
export { mergeHistory, normaliseHistory, normalisePoints, POINT_NUMBERS, type PlantHistory } from './points';
export { offsetOf } from './zones';
