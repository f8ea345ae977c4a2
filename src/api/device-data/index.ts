import { inverterConvergence } from './convergence';
import { deviceFiveMinuteKpi, deviceHistoryKpi, deviceRealtimeKpi } from './realtime';
import { deviceDayKpi, deviceMonthKpi, deviceYearKpi } from './reports';
import { withWorkflow } from '../core/types';

/** The fusionsolar-device-data node's operations, in the editor's order (V6 only). */
export const DEVICE_DATA_OPERATIONS = [
  deviceRealtimeKpi,
  deviceHistoryKpi,
  deviceDayKpi,
  deviceMonthKpi,
  deviceYearKpi,
  deviceFiveMinuteKpi,
  inverterConvergence,
];

// Real-time data and convergence give one item per device; the others one per point in time.
for (const op of DEVICE_DATA_OPERATIONS) {
  const noun = op === deviceRealtimeKpi || op === inverterConvergence ? 'status.devices' : 'status.points';
  withWorkflow(op, {
    status: (r) => ({ key: noun, vars: { count: Array.isArray(r.payload) ? r.payload.length : 0 } }),
  });
}
