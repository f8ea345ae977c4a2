export {
  Simulator,
  startSimulator,
  DEFAULT_USER,
  PREFIX,
  type SimulatorOptions,
  type SimStats,
  type LoggedRequest,
} from './server';
export { Fleet, DEV, type SimPlant, type SimDevice } from './fleet';
export { SimFail, type Fault, type FaultKind, type SimUser, type V6Account } from './types';
export { MODULE_LIBRARY } from './iv-modules';
export { seeded } from './random';
