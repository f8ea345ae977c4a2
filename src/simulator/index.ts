export { Simulator, startSimulator, DEFAULT_USER, type SimulatorOptions, type SimStats, type LoggedRequest } from './server';
export { Fleet, DEV, type SimPlant, type SimDevice } from './fleet';
export type { Fault, FaultKind, SimUser, V6Account } from './types';
