import { CONTROL_OPERATIONS } from './control';
import type { OperationDef } from './core/types';
import type { QuotaRule } from '../client/quota/rules';
import { ENROLMENT_OPERATIONS } from './enrolment';
import { IV_OPERATIONS } from './iv';
import { PLANT_DATA_OPERATIONS } from './plant-data';
import { PLANTS_OPERATIONS } from './plants';

/**
 * The catalogue: one entry per endpoint, grouped by node type. Editor lists, help and
 * tests are checked against it.
 */
export const NODE_OPERATIONS = {
  'fusionsolar-plants': PLANTS_OPERATIONS,
  'fusionsolar-enrolment': ENROLMENT_OPERATIONS,
  'fusionsolar-control': CONTROL_OPERATIONS,
  'fusionsolar-iv': IV_OPERATIONS,
  'fusionsolar-plant-data': PLANT_DATA_OPERATIONS,
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

/** Every endpoint's rule, for the client to be made with (its governor knows them from the start). */
export function catalogueRules(): Record<string, QuotaRule> {
  const rules: Record<string, QuotaRule> = {};
  for (const op of byName.values()) rules[op.endpoint] = op.quota;
  return rules;
}
