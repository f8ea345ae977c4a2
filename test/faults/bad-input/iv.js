'use strict';
// 9.4 Smart I-V curve diagnosis: tasks, results, string configuration, module library.
const { MB, huge, many, T0, H, r, editors, pageRows } = require('./rows');

// scanPointNum: 128 is the only value the server takes (failCode 30014, reference 11).
const SCAN = { taskName: 'scan', dns: 'NE=1000000', cleanStatus: 0, environmentalParameters: 0, scanPointNum: 128 };
const STRING = {
  pvIndex: 1,
  moduleQuantity: 10,
  is2in1String: 0,
  moduleManufacturer: 'Sim',
  moduleModel: 'S-450',
  moduleType: 1,
  maxModulePower: 450,
  optimalModuleOperatingVoltage: 41.5,
  optimalModuleOperatingCurrent: 10.8,
  moduleOpenCircuitVoltage: 49.6,
  moduleShortCircuitCurrent: 11.5,
  maxPowerTemperatureCoefficient: -0.35,
  openCircuitVoltageTemperatureCoefficient: -0.27,
  shortCircuitCurrentTemperatureCoefficient: 0.048,
  cellQuantity: 144,
  moduleDegradationRateInFirstYear: 2,
  moduleDegradationRateFromSecondYear: 0.55,
};
const VALID = {
  listTasks: {},
  createTask: SCAN,
  runDiagnosis: SCAN,
  cancelTask: { taskId: -14921346228625 },
  taskStatus: { taskId: 1 },
  faultList: { taskId: 1 },
  curveData: { taskId: 1, dn: 'NE=1000000' },
  stringConfigs: {},
  stringDetails: { dn: 'NE=1000000' },
  configureStrings: { dn: 'NE=1000000', pvNum: 1, configuration: [STRING] },
  // The reference's 9.4.11 `id` is `moduleId` in the node, as in configureStrings' configuration.
  moduleLibrary: {},
  moduleDetails: { moduleId: 1 },
  lossData: { taskId: 1 },
};
const { set, without } = editors(VALID);
const PAGES = { bad: 25, allowed: '10, 20, 30, 50, 100' };
const manual = (extra) => ({
  environmentalParameters: 1,
  modulePlaneIrradiance: 800,
  moduleBackSurfaceTemperature: 25,
  ...extra,
});

/**
 * 9.4.2 create task (and the runDiagnosis workflow that starts with it). taskName has no
 * maximum in the reference: the node allows 256 characters. runDiagnosis supplies
 * taskName, cleanStatus (0) and environmentalParameters (0) when they are left out.
 */
const scanRows = (op) => [
  ...(op === 'createTask' ? [r(op, 'taskName missing', without(op, 'taskName'), 'taskName')] : []),
  r(op, 'taskName empty', set(op, { taskName: '' }), 'taskName'),
  r(op, 'taskName 1 MB', () => set(op, { taskName: huge() }), 'taskName'),
  r(op, 'taskName 257 characters (max 256)', set(op, { taskName: 'T'.repeat(257) }), 'taskName'),
  r(op, 'dns missing', without(op, 'dns'), 'dns'),
  r(op, '101 inverters in one task (max 100)', set(op, { dns: many(101) }), 'dns'),
  r(op, 'cleanStatus 2 (0 or 1)', set(op, { cleanStatus: 2 }), 'cleanStatus'),
  ...(op === 'createTask' ? [r(op, 'cleanStatus missing', without(op, 'cleanStatus'), 'cleanStatus')] : []),
  r(op, 'environmentalParameters 3 (0 or 1)', set(op, { environmentalParameters: 3 }), 'environmentalParameters'),
  r(
    op,
    'manual environment without irradiance',
    set(op, manual({ modulePlaneIrradiance: undefined })),
    'modulePlaneIrradiance',
  ),
  r(
    op,
    'irradiance 500 (range [600, 1500] in 9.4.2)',
    set(op, manual({ modulePlaneIrradiance: 500 })),
    'modulePlaneIrradiance',
  ),
  r(op, 'irradiance 1600', set(op, manual({ modulePlaneIrradiance: 1600 })), 'modulePlaneIrradiance'),
  r(
    op,
    'backplane temperature 101 °C (range [0, 100])',
    set(op, manual({ moduleBackSurfaceTemperature: 101 })),
    'moduleBackSurfaceTemperature',
  ),
  r(op, 'scanPointNum 129 (max 128)', set(op, { scanPointNum: 129 }), 'scanPointNum'),
  r(op, 'scanPointNum 64 (30014: must be 128)', set(op, { scanPointNum: 64 }), 'scanPointNum'),
  r(op, 'scanPointNum 0', set(op, { scanPointNum: 0 }), 'scanPointNum'),
  r(op, 'scanPointNum "many"', set(op, { scanPointNum: 'many' }), 'scanPointNum'),
  r(op, 'needQuantifyLosses "maybe"', set(op, { needQuantifyLosses: 'maybe' }), 'needQuantifyLosses'),
];

const taskIdRows = (op) => [
  r(op, 'taskId missing', without(op, 'taskId'), 'taskId'),
  r(op, 'taskId "abc"', set(op, { taskId: 'abc' }), 'taskId'),
  r(op, 'taskId 1.5', set(op, { taskId: 1.5 }), 'taskId'),
  r(op, 'taskId of 1 MB of digits', () => set(op, { taskId: '1'.repeat(MB) }), 'taskId'),
];

const string = (patch) => set('configureStrings', { configuration: [{ ...STRING, ...patch }] });

const ROWS = [
  ...pageRows(VALID, 'listTasks', PAGES),
  r('listTasks', 'startTime without endTime', { startTime: T0 }, ['endTime', 'startTime']),
  r('listTasks', 'startTime "soon"', { startTime: 'soon', endTime: T0 }, 'startTime'),
  r('listTasks', 'endTime before startTime', { startTime: T0, endTime: T0 - H }, ['endTime', 'startTime']),
  ...scanRows('createTask'),
  ...taskIdRows('cancelTask'),
  ...taskIdRows('taskStatus'),
  ...pageRows(VALID, 'taskStatus', PAGES),
  ...taskIdRows('faultList'),
  ...pageRows(VALID, 'faultList', PAGES),
  ...taskIdRows('curveData'),
  r('curveData', 'dn missing', without('curveData', 'dn'), 'dn'),
  r('curveData', 'dn empty', set('curveData', { dn: '' }), 'dn'),
  ...pageRows(VALID, 'curveData', PAGES),
  ...pageRows(VALID, 'stringConfigs', PAGES),
  r('stringConfigs', 'configStatus 2 (0 or 1)', { configStatus: 2 }, 'configStatus'),
  r('stringConfigs', 'plantCodes a number', { plantCodes: 42 }, 'plantCodes'),
  r('stringDetails', 'dn missing', {}, 'dn'),
  r('stringDetails', 'dn empty', { dn: '' }, 'dn'),
  r('stringDetails', 'dn an object', { dn: { dn: 'NE=1' } }, 'dn'),
  r('stringDetails', 'dn 1 MB', () => ({ dn: huge() }), 'dn'),
  r('configureStrings', 'dn missing', without('configureStrings', 'dn'), 'dn'),
  r('configureStrings', 'pvNum "two"', set('configureStrings', { pvNum: 'two' }), 'pvNum'),
  r('configureStrings', 'pvNum 0', set('configureStrings', { pvNum: 0 }), 'pvNum'),
  r('configureStrings', 'configuration missing', without('configureStrings', 'configuration'), 'configuration'),
  r('configureStrings', 'configuration a string', set('configureStrings', { configuration: 'pv1' }), 'configuration'),
  r(
    'configureStrings',
    'string without its mandatory module data',
    set('configureStrings', { configuration: [{ pvIndex: 1 }] }),
    'configuration',
  ),
  r('configureStrings', 'pvIndex 0 (strings start at 1)', string({ pvIndex: 0 }), 'configuration', /pvIndex/),
  r('configureStrings', 'moduleQuantity "ten"', string({ moduleQuantity: 'ten' }), 'configuration', /moduleQuantity/),
  r('moduleDetails', 'moduleId missing', {}, 'moduleId'),
  r('moduleDetails', 'moduleId "abc"', { moduleId: 'abc' }, 'moduleId'),
  r('moduleDetails', 'moduleId 1.5 (Integer)', { moduleId: 1.5 }, 'moduleId'),
  ...taskIdRows('lossData'),
  r('lossData', 'pageSize 5001 (max 5000)', set('lossData', { pageSize: 5001 }), 'pageSize'),
  r('lossData', 'pageSize 0', set('lossData', { pageSize: 0 }), 'pageSize'),
  ...scanRows('runDiagnosis'),
];

module.exports = { type: 'fusionsolar-iv', VALID, ROWS };
