import { attachPlant } from '../physics-live';
import type { Simulator } from '../server';
import { SimFail, type Handler, type SimRequest } from '../types';
import { mayCall } from './account';
import { alarmRoutes } from './alarms';
import { convergenceRoutes } from './convergence';
import { startCounters } from './counters';
import { deviceDataRoutes } from './device-data';
import { deviceReportRoutes } from './device-reports';
import { REAL_TYPES, REPORT_TYPES } from './params';
import { plantKpiRoutes } from './plant-kpi';
import { plantReportRoutes } from './plant-reports';
import { plantRoutes } from './plants';
import { v6Quotas } from './quota';

/**
 * Every interface of the V6 reference (`/thirdData/`), plus `stations` (the paged plant
 * list newer versions have instead of getStationList). Login and logout are the server's.
 */
export function registerV6(sim: Simulator): void {
  for (const plant of sim.fleet.plants) attachPlant(sim, plant);
  startCounters(sim);
  const quotas = v6Quotas(REAL_TYPES, REPORT_TYPES);
  const routes: Record<string, Handler> = {
    ...plantRoutes,
    ...plantKpiRoutes,
    ...plantReportRoutes,
    ...deviceDataRoutes,
    ...deviceReportRoutes,
    ...alarmRoutes,
    ...convergenceRoutes,
  };
  for (const [name, handler] of Object.entries(routes)) {
    const guarded = (req: SimRequest): unknown => {
      // An interface not ticked for the user, or gone for users created after 2022-06-30.
      if (!mayCall(req.user, name)) throw new SimFail(401, null, 'Invalid access to current interface!');
      return handler(req);
    };
    sim.route(`thirdData/${name}`, guarded, { quota: quotas[name] });
  }
}
