export type { ApiClient } from './api-client';
export {
  defineOperation,
  withWorkflow,
  type StatusText,
  type WorkflowContext,
  type WorkflowProgress,
  type Batch,
  type ExecContext,
  type ExecResult,
  type OperationDef,
  type Params,
} from './types';
export { defaultBody, execute, pageOf, planCalls } from './planner';
export { checkKeys, validate, zodToError } from './validate';
export {
  editorOperation,
  editorSettings,
  type EditorOperation,
  type EditorSettings,
  type JsonSchema,
} from './json-schema';
export {
  isObject,
  normaliseMap,
  normaliseRecord,
  parseTime,
  toNumber,
  toStr,
  type FieldSpec,
  type Json,
  type JsonObject,
} from './normalise';
export {
  codeList,
  flagInput,
  intInput,
  longId,
  noDuplicates,
  oneOf,
  pageNoInput,
  RESERVED_KEYS,
  timeInput,
} from './params';
export {
  DEVICE_TYPES,
  EMS_CONTROL_TYPES,
  IV_FAULT_TYPES,
  ivFaultName,
  SN_REGISTER_RESULTS,
  snRegisterResultName,
} from './reference-data';
