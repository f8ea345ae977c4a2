import { configureStrings } from './configure';
import { runDiagnosisOp } from './diagnosis';
import { curveData, faultList, lossData } from './results';
import { moduleDetails, moduleLibrary, stringConfigs, stringDetails } from './strings';
import { cancelTask, createTask, listTasks, taskStatus } from './tasks';
import { attachIvWorkflows } from './workflows';

/** The operations of the fusionsolar-iv node, in the editor's order. */
export const IV_OPERATIONS = [
  runDiagnosisOp,
  listTasks,
  createTask,
  cancelTask,
  taskStatus,
  faultList,
  curveData,
  lossData,
  stringConfigs,
  stringDetails,
  configureStrings,
  moduleLibrary,
  moduleDetails,
] as const;
attachIvWorkflows(IV_OPERATIONS);

export { configureStrings, fillModuleFields } from './configure';
export {
  DIAGNOSIS_OPTIONS,
  runDiagnosis,
  runDiagnosisOp,
  type DiagnosisOptions,
  type DiagnosisProgress,
} from './diagnosis';
export { curveData, faultList, lossData } from './results';
export { moduleDetails, moduleLibrary, stringConfigs, stringDetails } from './strings';
export { cancelTask, createTask, listTasks, taskStatus } from './tasks';
export { cancelDiagnoses } from './runs';
export { type DiagnosisReport } from './report';
export { parseSeries, toCurve } from './normalise';
export { ivCurvesSvg } from './svg';
export { Pacer } from './pacer';
