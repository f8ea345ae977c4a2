import type { Simulator } from '../server';
import { registerConfig } from './config';
import { registerEnrolment } from './enrolment';
import { registerControl } from './control';
import { registerIv } from './iv';
import { registerPlantData } from './plant-data';
import { registerV6 } from '../v6';

/** Every endpoint group of the reference; each file registers its own routes. */
export function registerAll(sim: Simulator): void {
  registerConfig(sim);
  registerEnrolment(sim);
  registerControl(sim);
  registerIv(sim);
  registerPlantData(sim);
  registerV6(sim);
}
