import { inverterConvergence } from './convergence';
import { deviceFiveMinuteKpi, deviceHistoryKpi, deviceRealtimeKpi } from './realtime';
import { deviceDayKpi, deviceMonthKpi, deviceYearKpi } from './reports';

/** The fusionsolar-device-data node's operations, in the editor's order (V6 only). */
export const DEVICE_DATA_OPERATIONS = [deviceRealtimeKpi, deviceHistoryKpi, deviceDayKpi, deviceMonthKpi, deviceYearKpi, deviceFiveMinuteKpi, inverterConvergence];
