// The package's public entry: require('node-red-contrib-fusionsolar') outside Node-RED.
export {
  FusionSolarClient,
  type CallOptions,
  type CallResult,
  type ClientConfig,
  type ClientEvent,
} from './client/client';
export { FusionSolarError, type ErrorInit } from './client/errors';
export { describeCode, type Locale } from './client/error-catalogue';
export type { QuotaInfo, LimitInfo } from './client/governor';
export type { Credentials } from './client/session';
export { allOperations, NODE_OPERATIONS, operation, operationsOf, ruleForEndpoint, type NodeType } from './api';
export type { ExecResult, OperationDef, Params } from './api/core/types';
export { startSimulator, Simulator, type SimulatorOptions } from './simulator/server';
export { realClock, VirtualClock, type Clock } from './clock';
