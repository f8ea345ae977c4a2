import type { Simulator } from '../server';
import { registerConfig } from './config';
import { registerPlantData } from './plant-data';

/** Every endpoint group of the reference; each file registers its own routes. */
export function registerAll(sim: Simulator): void {
  registerConfig(sim);
  registerPlantData(sim);
}
