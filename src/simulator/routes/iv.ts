import type { Simulator } from '../server';
import { registerIvConfig } from './iv-config';
import { registerIvResults } from './iv-results';
import { registerIvTasks } from './iv-tasks';

/** Reference 9.4: smart I-V curve diagnosis. */
export function registerIv(sim: Simulator): void {
  registerIvTasks(sim);
  registerIvResults(sim);
  registerIvConfig(sim);
}
