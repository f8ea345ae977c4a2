import { deviceList, plantList } from './plants/lists';
import { ENROLMENT_OPERATIONS } from './enrolment/workflow';
import { CONTROL_OPERATIONS } from './control/index';
import { runDiagnosisOp } from './iv/diagnosis';
import { cancelTask, createTask, listTasks, taskStatus } from './iv/tasks';
import { curveData, faultList, lossData } from './iv/results';
import { configureStrings } from './iv/configure';
import { moduleDetails, moduleLibrary, stringConfigs, stringDetails } from './iv/strings';
import { plantInfo, ratedData, realtimeKpi } from './plant-data/current';
import { fiveMinuteKpi, historyKpi } from './plant-data/history';
import type { OperationDef } from './core/types';

/**
 * The catalogue: one entry per endpoint, grouped by node type. Editor lists, help and
 * tests are checked against it.
 */
export const NODE_OPERATIONS = {
  'fusionsolar-plants': [plantList, deviceList],
  'fusionsolar-enrolment': ENROLMENT_OPERATIONS,
  'fusionsolar-control': CONTROL_OPERATIONS,
  'fusionsolar-iv': [runDiagnosisOp, listTasks, createTask, cancelTask, taskStatus, faultList, curveData, lossData, stringConfigs, stringDetails, configureStrings, moduleLibrary, moduleDetails],
  'fusionsolar-plant-data': [plantInfo, realtimeKpi, historyKpi, fiveMinuteKpi, ratedData],
} as const satisfies Record<string, readonly OperationDef[]>;

export type NodeType = keyof typeof NODE_OPERATIONS;

const byName = new Map<string, OperationDef>();
for (const ops of Object.values(NODE_OPERATIONS)) for (const op of ops) byName.set(op.name, op);

export function operation(name: string): OperationDef | undefined {
  return byName.get(name);
}

export function operationsOf(type: NodeType): readonly OperationDef[] {
  return NODE_OPERATIONS[type];
}

export function allOperations(): OperationDef[] {
  return [...byName.values()];
}

/** The catalogue's quota rule for an endpoint path, if any operation uses it. */
export function ruleForEndpoint(endpoint: string): OperationDef['quota'] | undefined {
  for (const op of byName.values()) if (op.endpoint === endpoint) return op.quota;
  return undefined;
}
