import { plantInfo, ratedData, realtimeKpi } from './current';
import { fiveMinuteKpi, historyKpi } from './history';
import { dayKpi, hourKpi, monthKpi, realtimeKpiV6, yearKpi } from './v6';

/** The operations of the fusionsolar-plant-data node, in the editor's order: V7's, then V6's. */
export const PLANT_DATA_OPERATIONS = [plantInfo, realtimeKpi, historyKpi, fiveMinuteKpi, ratedData, realtimeKpiV6, hourKpi, dayKpi, monthKpi, yearKpi] as const;

export { plantInfo, ratedData, realtimeKpi } from './current';
export { fiveMinuteKpi, historyKpi } from './history';
export { accountPlantCodes, rangeTimes, RANGES, runPlantData, type RelativeRange } from './run';
export { mergeHistory, normaliseHistory, normalisePoints, type PlantHistory } from './points';
export { offsetOf } from './zones';
