import { CONTROL_OPERATIONS } from './control';
import type { OperationDef } from './core/types';
import type { QuotaRule } from '../client/quota/rules';
import { ENROLMENT_OPERATIONS } from './enrolment';
import { IV_OPERATIONS } from './iv';
import { PLANT_DATA_OPERATIONS } from './plant-data';
import { PLANTS_OPERATIONS } from './plants';
import { stationListFallback } from './plants/v6';
import { DEVICE_DATA_OPERATIONS } from './device-data';
import { ALARM_OPERATIONS } from './alarms';

/**
 * The catalogue: one entry per endpoint, grouped by node type. Editor lists, help and
 * tests are checked against it. V7 and V6 entries of a node may share a name (plantList):
 * the account's interface picks one.
 */
export const NODE_OPERATIONS = {
  'fusionsolar-plants': PLANTS_OPERATIONS,
  'fusionsolar-enrolment': ENROLMENT_OPERATIONS,
  'fusionsolar-control': CONTROL_OPERATIONS,
  'fusionsolar-iv': IV_OPERATIONS,
  'fusionsolar-plant-data': PLANT_DATA_OPERATIONS,
  'fusionsolar-device-data': DEVICE_DATA_OPERATIONS,
  'fusionsolar-alarms': ALARM_OPERATIONS,
} as const satisfies Record<string, readonly OperationDef[]>;

export type Api = 'v7' | 'v6';

export function apiOf(op: OperationDef): Api {
  return op.api === 'v6' ? 'v6' : 'v7';
}

export type NodeType = keyof typeof NODE_OPERATIONS;

const byName = new Map<string, OperationDef>();
for (const ops of Object.values(NODE_OPERATIONS))
  for (const op of ops as readonly OperationDef[]) byName.set(`${apiOf(op)}:${op.name}`, op);

/** The operation of that name on an interface; without one, V7's and then V6's. */
export function operation(name: string, api?: Api): OperationDef | undefined {
  if (api) return byName.get(`${api}:${name}`);
  return byName.get(`v7:${name}`) ?? byName.get(`v6:${name}`);
}

/** A node type's operations, all of them or those of one interface. */
export function operationsOf(type: NodeType, api?: Api): readonly OperationDef[] {
  const ops = NODE_OPERATIONS[type] as readonly OperationDef[];
  return api ? ops.filter((o) => apiOf(o) === api) : ops;
}

export function allOperations(): OperationDef[] {
  return [...byName.values()];
}

/** The catalogue's quota rule for an endpoint path, if any operation uses it. */
export function ruleForEndpoint(endpoint: string): OperationDef['quota'] | undefined {
  for (const op of byName.values()) if (op.endpoint === endpoint) return op.quota;
  return undefined;
}

/** Calls an operation makes on an endpoint of its own (a fallback), not offered on their own. */
export function innerOperations(): OperationDef[] {
  return [stationListFallback];
}

/** Every endpoint's rule, for the client to be made with (its governor knows them from the start). */
export function catalogueRules(): Record<string, QuotaRule> {
  const rules: Record<string, QuotaRule> = {};
  for (const op of [...innerOperations(), ...byName.values()]) rules[op.endpoint] = op.quota;
  return rules;
}
