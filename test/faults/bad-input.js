'use strict';
// Invalid inputs for every operation of DESIGN.md's contract table, from the rules of
// reference sections 9.2-9.6. Each row must be answered by INVALID_INPUT naming `field`
// (or, for nested values, a path under it) before any HTTP call. Rows whose node type or
// operation is not built yet are skipped and counted.
//
// A row: { op, why, payload, field, mentions?, msg? }. `payload` may be a function (fresh
// Buffers); `field` is one name or alternatives (the reference spells DRM's `plantcodes`
// in lower case); `mentions` must appear in the message (a nested field's name).

const MB = 1024 * 1024;
const huge = () => 'A'.repeat(MB);
const many = (n, prefix = 'NE=') => Array.from({ length: n }, (_, i) => `${prefix}${33554432 + i}`);
const T0 = Date.UTC(2026, 5, 20);
const H = 3_600_000;

/** Which node type runs each operation (DESIGN.md, public contract). */
const OP_TYPE = {
  plantList: 'fusionsolar-plants', deviceList: 'fusionsolar-plants',
  plantInfo: 'fusionsolar-plant-data', realtimeKpi: 'fusionsolar-plant-data', historyKpi: 'fusionsolar-plant-data',
  fiveMinuteKpi: 'fusionsolar-plant-data', ratedData: 'fusionsolar-plant-data',
  chargeDischarge: 'fusionsolar-control', chargeDischargeStatus: 'fusionsolar-control', setDod: 'fusionsolar-control',
  inverterPower: 'fusionsolar-control', emsMode: 'fusionsolar-control', defaultSetting: 'fusionsolar-control',
  defaultSettingStatus: 'fusionsolar-control', drm: 'fusionsolar-control', drmStatus: 'fusionsolar-control',
  listTasks: 'fusionsolar-iv', createTask: 'fusionsolar-iv', cancelTask: 'fusionsolar-iv', taskStatus: 'fusionsolar-iv',
  faultList: 'fusionsolar-iv', curveData: 'fusionsolar-iv', stringConfigs: 'fusionsolar-iv', stringDetails: 'fusionsolar-iv',
  configureStrings: 'fusionsolar-iv', moduleLibrary: 'fusionsolar-iv', moduleDetails: 'fusionsolar-iv', lossData: 'fusionsolar-iv',
  runDiagnosis: 'fusionsolar-iv',
  snEnrolment: 'fusionsolar-enrolment', acEnrolment: 'fusionsolar-enrolment', snRegistration: 'fusionsolar-enrolment',
};

/** A valid input per operation: each row below breaks exactly one thing in it. */
const VALID = {
  plantList: {}, deviceList: { plantCodes: 'NE=33554432' },
  plantInfo: { plantCodes: 'NE=33554432' }, realtimeKpi: { plantCodes: 'NE=33554432' },
  historyKpi: { plantCodes: 'NE=33554432', startTime: T0, endTime: T0 + 6 * H },
  fiveMinuteKpi: { plantCode: 'NE=33554432', startTime: T0, endTime: T0 + 6 * H }, ratedData: { plantCodes: 'NE=33554432' },
  chargeDischarge: { plantCodes: 'NE=33554432', dispatchSwitch: 1, controlType: 2, dispatchTime: 60, requestID: 432523532523 },
  chargeDischargeStatus: { requestID: 432523532523 }, setDod: { dns: 'NE=1000001', dod: 90 },
  inverterPower: { dns: 'NE=1000000', controlType: 1 }, emsMode: { dn: 'NE=33554432', controlType: 6 },
  defaultSetting: { tasks: [{ plantCode: 'NE=33554432', maxFeedGridPower: 1.2 }] }, defaultSettingStatus: { requestId: '5720350070339601' },
  drm: { plantcodes: 'NE=33554432', drms: { drm0: 'false', drm1: 'false', drm5: 'false' } }, drmStatus: { remoteIds: '5720350070339601' },
  listTasks: {}, createTask: { taskName: 'scan', dns: 'NE=1000000', cleanStatus: 0, environmentalParameters: 0, scanPointNum: 64 },
  cancelTask: { taskId: -14921346228625 }, taskStatus: { taskId: 1 }, faultList: { taskId: 1 }, curveData: { taskId: 1, dn: 'NE=1000000' },
  stringConfigs: {}, stringDetails: { dn: 'NE=1000000' },
  configureStrings: { dn: 'NE=1000000', pvNum: 1, configuration: [{ pvIndex: 1, moduleQuantity: 10, is2in1String: 0, moduleManufacturer: 'Sim', moduleModel: 'S-450', moduleType: 1, maxModulePower: 450, optimalModuleOperatingVoltage: 41.5, optimalModuleOperatingCurrent: 10.8, moduleOpenCircuitVoltage: 49.6, moduleShortCircuitCurrent: 11.5, maxPowerTemperatureCoefficient: -0.35, openCircuitVoltageTemperatureCoefficient: -0.27, shortCircuitCurrentTemperatureCoefficient: 0.048, cellQuantity: 144, moduleDegradationRateInFirstYear: 2, moduleDegradationRateFromSecondYear: 0.55 }] },
  moduleLibrary: {}, moduleDetails: { id: 1 }, lossData: { taskId: 1 },
  runDiagnosis: { taskName: 'scan', dns: 'NE=1000000', cleanStatus: 0, environmentalParameters: 0, scanPointNum: 64 },
  snEnrolment: { devices: [{ sn: '102ABC0123456789', username: 'owner' }] }, acEnrolment: { authorizationCodes: '20019857328' },
  snRegistration: { sns: '102ABC0123456789', account: 'installer' },
};

const set = (op, patch) => ({ ...VALID[op], ...patch });
const without = (op, key) => {
  const p = { ...VALID[op] };
  delete p[key];
  return p;
};
const r = (op, why, payload, field, mentions) => ({ op, why, payload, field, mentions });

/** Code-list parameters: missing (when mandatory), wrong type, empty, blank entries, 1 MB. */
function codeListRows(op, key, { required = true } = {}) {
  return [
    ...(required ? [r(op, `${key} missing`, without(op, key), key)] : []),
    r(op, `${key} a number`, set(op, { [key]: 42 }), key),
    r(op, `${key} an object`, set(op, { [key]: { a: 1 } }), key),
    r(op, `${key} an empty string`, set(op, { [key]: '' }), key),
    r(op, `${key} only commas`, set(op, { [key]: ' , ,' }), key),
    r(op, `${key} a 1 MB string`, () => set(op, { [key]: huge() }), key),
  ];
}

const pageRows = (op, sizes) => [
  r(op, 'pageNo 0', set(op, { pageNo: 0 }), 'pageNo'),
  r(op, 'pageNo 1.5', set(op, { pageNo: 1.5 }), 'pageNo'),
  r(op, 'pageNo "first"', set(op, { pageNo: 'first' }), 'pageNo'),
  r(op, `pageSize ${sizes.bad} (allowed ${sizes.allowed})`, set(op, { pageSize: sizes.bad }), 'pageSize'),
];

const IV_PAGES = { bad: 25, allowed: '10, 20, 30, 50, 100' };

const scanRows = (op) => [
  r(op, 'taskName missing', without(op, 'taskName'), 'taskName'),
  r(op, 'taskName empty', set(op, { taskName: '' }), 'taskName'),
  r(op, 'taskName 1 MB', () => set(op, { taskName: huge() }), 'taskName'),
  r(op, 'dns missing', without(op, 'dns'), 'dns'),
  r(op, '101 inverters in one task (max 100)', set(op, { dns: many(101) }), 'dns'),
  r(op, 'cleanStatus 2 (0 or 1)', set(op, { cleanStatus: 2 }), 'cleanStatus'),
  r(op, 'cleanStatus missing', without(op, 'cleanStatus'), 'cleanStatus'),
  r(op, 'environmentalParameters 3 (0 or 1)', set(op, { environmentalParameters: 3 }), 'environmentalParameters'),
  r(op, 'manual environment without irradiance', set(op, { environmentalParameters: 1, moduleBackSurfaceTemperature: 25 }), 'modulePlaneIrradiance'),
  r(op, 'irradiance 500 (range [600, 1500] in 9.4.2)', set(op, { environmentalParameters: 1, modulePlaneIrradiance: 500, moduleBackSurfaceTemperature: 25 }), 'modulePlaneIrradiance'),
  r(op, 'irradiance 1600', set(op, { environmentalParameters: 1, modulePlaneIrradiance: 1600, moduleBackSurfaceTemperature: 25 }), 'modulePlaneIrradiance'),
  r(op, 'backplane temperature 101 °C (range [0, 100])', set(op, { environmentalParameters: 1, modulePlaneIrradiance: 800, moduleBackSurfaceTemperature: 101 }), 'moduleBackSurfaceTemperature'),
  r(op, 'scanPointNum 129 (max 128)', set(op, { scanPointNum: 129 }), 'scanPointNum'),
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

const SPECIFIC = [
  // 9.2.1 plant list
  r('plantList', 'pageSize 10 (the example uses it; only 50 or 100 are allowed)', { pageSize: 10 }, 'pageSize'),
  ...pageRows('plantList', { bad: 20, allowed: '50, 100' }),
  r('plantList', '101 plant names (max 100)', { plantNames: many(101, 'Plant ') }, 'plantNames'),
  ...codeListRows('plantList', 'plantNames', { required: false }),
  // 9.2.2 device list
  ...codeListRows('deviceList', 'plantCodes'),
  r('deviceList', 'deviceTypeId "inverter"', set('deviceList', { deviceTypeId: 'inverter' }), 'deviceTypeId'),
  r('deviceList', 'deviceTypeId -1', set('deviceList', { deviceTypeId: -1 }), 'deviceTypeId'),
  r('deviceList', 'deviceTypeId 1.5', set('deviceList', { deviceTypeId: 1.5 }), 'deviceTypeId'),
  ...pageRows('deviceList', { bad: 10, allowed: '50, 100' }),
  // 9.3.1-9.3.3, 9.5.1, 9.6.1.5 plant data
  ...codeListRows('plantInfo', 'plantCodes'),
  ...codeListRows('realtimeKpi', 'plantCodes'),
  ...codeListRows('historyKpi', 'plantCodes'),
  r('historyKpi', 'startTime missing', without('historyKpi', 'startTime'), 'startTime'),
  r('historyKpi', 'endTime missing', without('historyKpi', 'endTime'), 'endTime'),
  r('historyKpi', 'startTime "yesterday"', set('historyKpi', { startTime: 'yesterday' }), 'startTime'),
  r('historyKpi', 'startTime negative', set('historyKpi', { startTime: -5 }), 'startTime'),
  r('historyKpi', 'startTime true', set('historyKpi', { startTime: true }), 'startTime'),
  r('historyKpi', 'endTime an object', set('historyKpi', { endTime: { at: 1 } }), 'endTime'),
  r('historyKpi', 'endTime before startTime', set('historyKpi', { endTime: T0 - H }), ['endTime', 'startTime']),
  ...codeListRows('ratedData', 'plantCodes'),
  r('fiveMinuteKpi', 'plantCode missing', without('fiveMinuteKpi', 'plantCode'), 'plantCode'),
  r('fiveMinuteKpi', 'two plants (one plant per call)', set('fiveMinuteKpi', { plantCode: ['NE=33554432', 'NE=33554433'] }), 'plantCode'),
  r('fiveMinuteKpi', 'plantCode empty', set('fiveMinuteKpi', { plantCode: '' }), 'plantCode'),
  r('fiveMinuteKpi', 'plantCode 1 MB', () => set('fiveMinuteKpi', { plantCode: huge() }), 'plantCode'),
  r('fiveMinuteKpi', 'startTime "noon"', set('fiveMinuteKpi', { startTime: 'noon' }), 'startTime'),
  r('fiveMinuteKpi', 'endTime before startTime', set('fiveMinuteKpi', { endTime: T0 - H }), ['endTime', 'startTime']),
  // 9.3.4 charge and discharge
  ...codeListRows('chargeDischarge', 'plantCodes'),
  r('chargeDischarge', 'dispatchSwitch missing', without('chargeDischarge', 'dispatchSwitch'), 'dispatchSwitch'),
  r('chargeDischarge', 'dispatchSwitch 3 (0, 1 or 2)', set('chargeDischarge', { dispatchSwitch: 3 }), 'dispatchSwitch'),
  r('chargeDischarge', 'dispatchSwitch "charge"', set('chargeDischarge', { dispatchSwitch: 'charge' }), 'dispatchSwitch'),
  r('chargeDischarge', 'forced charge without controlType', without('chargeDischarge', 'controlType'), 'controlType'),
  r('chargeDischarge', 'controlType 3 (1 or 2)', set('chargeDischarge', { controlType: 3 }), 'controlType'),
  r('chargeDischarge', 'SOC control without targetSOC', set('chargeDischarge', { controlType: 1, dispatchTime: undefined }), 'targetSOC'),
  r('chargeDischarge', 'targetSOC 150 %', set('chargeDischarge', { controlType: 1, targetSOC: 150, dispatchTime: undefined }), 'targetSOC'),
  r('chargeDischarge', 'targetSOC -1 %', set('chargeDischarge', { controlType: 1, targetSOC: -1, dispatchTime: undefined }), 'targetSOC'),
  r('chargeDischarge', 'duration control without dispatchTime', without('chargeDischarge', 'dispatchTime'), 'dispatchTime'),
  r('chargeDischarge', 'dispatchTime 1441 min (range [0, 1440])', set('chargeDischarge', { dispatchTime: 1441 }), 'dispatchTime'),
  r('chargeDischarge', 'dispatchTime -1', set('chargeDischarge', { dispatchTime: -1 }), 'dispatchTime'),
  r('chargeDischarge', 'dispatchTime 1.5', set('chargeDischarge', { dispatchTime: 1.5 }), 'dispatchTime'),
  r('chargeDischarge', 'powerDispatch negative for a forced charge', set('chargeDischarge', { powerDispatch: -5000 }), 'powerDispatch'),
  r('chargeDischarge', 'powerDispatch positive for a forced discharge', set('chargeDischarge', { dispatchSwitch: 2, powerDispatch: 5000 }), 'powerDispatch'),
  r('chargeDischarge', 'powerDispatch "max"', set('chargeDischarge', { powerDispatch: 'max' }), 'powerDispatch'),
  r('chargeDischarge', 'requestID "abc"', set('chargeDischarge', { requestID: 'abc' }), 'requestID'),
  r('chargeDischarge', 'requestID 1.5', set('chargeDischarge', { requestID: 1.5 }), 'requestID'),
  // 9.3.5 charge and discharge status
  r('chargeDischargeStatus', 'requestID missing', {}, 'requestID'),
  r('chargeDischargeStatus', 'requestID "abc"', { requestID: 'abc' }, 'requestID'),
  r('chargeDischargeStatus', 'requestID an object', { requestID: { id: 1 } }, 'requestID'),
  // 9.3.6 DoD
  ...codeListRows('setDod', 'dns'),
  r('setDod', 'dod missing', without('setDod', 'dod'), 'dod'),
  r('setDod', 'dod 101 (range [0, 100])', set('setDod', { dod: 101 }), 'dod'),
  r('setDod', 'dod -1', set('setDod', { dod: -1 }), 'dod'),
  r('setDod', 'dod "ninety"', set('setDod', { dod: 'ninety' }), 'dod'),
  r('setDod', 'dod 90.5 (Integer)', set('setDod', { dod: 90.5 }), 'dod'),
  // 9.3.7 inverter power on/off
  ...codeListRows('inverterPower', 'dns'),
  r('inverterPower', 'controlType missing', without('inverterPower', 'controlType'), 'controlType'),
  r('inverterPower', 'controlType 0 (1 on, 2 off)', set('inverterPower', { controlType: 0 }), 'controlType'),
  r('inverterPower', 'controlType 3', set('inverterPower', { controlType: 3 }), 'controlType'),
  r('inverterPower', 'controlType "on"', set('inverterPower', { controlType: 'on' }), 'controlType'),
  // 9.3.8 EMS
  r('emsMode', 'dn missing', without('emsMode', 'dn'), 'dn'),
  r('emsMode', 'dn empty', set('emsMode', { dn: '' }), 'dn'),
  r('emsMode', 'two plants (one DN per request)', set('emsMode', { dn: ['NE=33554432', 'NE=33554433'] }), 'dn'),
  r('emsMode', 'dn 1 MB', () => set('emsMode', { dn: huge() }), 'dn'),
  r('emsMode', 'controlType missing', without('emsMode', 'controlType'), 'controlType'),
  r('emsMode', 'controlType 1 (not a documented mode)', set('emsMode', { controlType: 1 }), 'controlType'),
  r('emsMode', 'controlType "auto"', set('emsMode', { controlType: 'auto' }), 'controlType'),
  // 9.6.1.3 / 9.6.1.4 default settings
  r('defaultSetting', 'tasks missing', {}, 'tasks'),
  r('defaultSetting', 'tasks empty', { tasks: [] }, 'tasks'),
  r('defaultSetting', 'tasks a string', { tasks: 'NE=33554432' }, 'tasks'),
  r('defaultSetting', 'task without plantCode', { tasks: [{ maxFeedGridPower: 1.2 }] }, 'tasks', /plantCode/),
  r('defaultSetting', 'task with neither value', { tasks: [{ plantCode: 'NE=33554432' }] }, 'tasks'),
  r('defaultSetting', 'maxFeedGridPower -1001 (min -1000)', { tasks: [{ plantCode: 'NE=33554432', maxFeedGridPower: -1001 }] }, 'tasks', /maxFeedGridPower/),
  r('defaultSetting', 'maxFeedGridPower "high"', { tasks: [{ plantCode: 'NE=33554432', maxFeedGridPower: 'high' }] }, 'tasks', /maxFeedGridPower/),
  r('defaultSetting', 'gradient 0.05 (range [0.1, 5000])', { tasks: [{ plantCode: 'NE=33554432', activePowerVariationGradient: 0.05 }] }, 'tasks', /activePowerVariationGradient/),
  r('defaultSetting', 'gradient 5001', { tasks: [{ plantCode: 'NE=33554432', activePowerVariationGradient: 5001 }] }, 'tasks', /activePowerVariationGradient/),
  r('defaultSetting', 'the same plant twice (20608)', { tasks: [{ plantCode: 'NE=33554432', maxFeedGridPower: 1 }, { plantCode: 'NE=33554432', maxFeedGridPower: 2 }] }, 'tasks'),
  r('defaultSettingStatus', 'requestId missing', {}, 'requestId'),
  r('defaultSettingStatus', 'requestId empty', { requestId: '' }, 'requestId'),
  r('defaultSettingStatus', 'requestId an object', { requestId: { id: 1 } }, 'requestId'),
  r('defaultSettingStatus', 'plantCodes a number', set('defaultSettingStatus', { plantCodes: 42 }), 'plantCodes'),
  // 9.6.1.6 / 9.6.1.7 DRM
  r('drm', 'plantcodes missing', without('drm', 'plantcodes'), ['plantcodes', 'plantCodes']),
  r('drm', 'plantcodes a number', set('drm', { plantcodes: 42 }), ['plantcodes', 'plantCodes']),
  r('drm', 'plantcodes 1 MB', () => set('drm', { plantcodes: huge() }), ['plantcodes', 'plantCodes']),
  r('drm', 'drms missing', without('drm', 'drms'), 'drms'),
  r('drm', 'drms a string', set('drm', { drms: 'drm0' }), 'drms'),
  r('drm', 'drm0 "maybe"', set('drm', { drms: { drm0: 'maybe', drm1: 'false', drm5: 'false' } }), 'drms', /drm0/),
  r('drm', 'drm7 (only drm0, drm1, drm5 exist)', set('drm', { drms: { drm0: 'false', drm7: 'true' } }), 'drms', /drm7/),
  ...codeListRows('drmStatus', 'remoteIds'),
  // 9.4 I-V diagnosis
  ...pageRows('listTasks', IV_PAGES),
  r('listTasks', 'startTime without endTime', { startTime: T0 }, ['endTime', 'startTime']),
  r('listTasks', 'startTime "soon"', { startTime: 'soon', endTime: T0 }, 'startTime'),
  r('listTasks', 'endTime before startTime', { startTime: T0, endTime: T0 - H }, ['endTime', 'startTime']),
  ...scanRows('createTask'),
  ...taskIdRows('cancelTask'),
  ...taskIdRows('taskStatus'),
  ...pageRows('taskStatus', IV_PAGES),
  ...taskIdRows('faultList'),
  ...pageRows('faultList', IV_PAGES),
  ...taskIdRows('curveData'),
  r('curveData', 'dn missing', without('curveData', 'dn'), 'dn'),
  r('curveData', 'dn empty', set('curveData', { dn: '' }), 'dn'),
  ...pageRows('curveData', IV_PAGES),
  ...pageRows('stringConfigs', IV_PAGES),
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
  r('configureStrings', 'string without its mandatory module data', set('configureStrings', { configuration: [{ pvIndex: 1 }] }), 'configuration'),
  r('configureStrings', 'pvIndex 0 (strings start at 1)', set('configureStrings', { configuration: [{ ...VALID.configureStrings.configuration[0], pvIndex: 0 }] }), 'configuration', /pvIndex/),
  r('configureStrings', 'moduleQuantity "ten"', set('configureStrings', { configuration: [{ ...VALID.configureStrings.configuration[0], moduleQuantity: 'ten' }] }), 'configuration', /moduleQuantity/),
  r('moduleDetails', 'id missing', {}, 'id'),
  r('moduleDetails', 'id "abc"', { id: 'abc' }, 'id'),
  r('moduleDetails', 'id 1.5 (Integer)', { id: 1.5 }, 'id'),
  ...taskIdRows('lossData'),
  r('lossData', 'pageSize 5001 (max 5000)', set('lossData', { pageSize: 5001 }), 'pageSize'),
  r('lossData', 'pageSize 0', set('lossData', { pageSize: 0 }), 'pageSize'),
  ...scanRows('runDiagnosis'),
  // 9.6.1.1, 9.6.1.2, 9.6.2.1 enrolment
  r('snEnrolment', 'devices missing', {}, 'devices'),
  r('snEnrolment', 'devices empty', { devices: [] }, 'devices'),
  r('snEnrolment', 'devices a string', { devices: '102ABC0123456789' }, 'devices'),
  r('snEnrolment', 'device without sn', { devices: [{ username: 'owner' }] }, 'devices', /sn/),
  r('snEnrolment', 'device with no username, email or phone', { devices: [{ sn: '102ABC0123456789' }] }, 'devices'),
  r('snEnrolment', 'device sn 1 MB', () => ({ devices: [{ sn: huge(), username: 'owner' }] }), 'devices', /sn/),
  ...codeListRows('acEnrolment', 'authorizationCodes'),
  ...codeListRows('snRegistration', 'sns'),
  r('snRegistration', 'account missing', without('snRegistration', 'account'), 'account'),
  r('snRegistration', 'account empty', set('snRegistration', { account: '' }), 'account'),
  r('snRegistration', 'account 1 MB', () => set('snRegistration', { account: huge() }), 'account'),
];

/** For every operation: non-object payloads, prototype-pollution keys and unknown parameters. */
function generalRows(op) {
  return [
    r(op, 'payload a Buffer', () => Buffer.from(JSON.stringify(VALID[op])), 'payload'),
    r(op, 'payload a query string', 'plantCodes=NE=33554432', 'payload'),
    r(op, 'payload an array', () => [VALID[op]], 'payload'),
    // Only JSON.parse makes an own "__proto__" key, as a message from an HTTP-in node would have.
    r(op, 'own __proto__ key', () => Object.assign(JSON.parse('{"__proto__":{"admin":true}}'), VALID[op]), '__proto__'),
    r(op, 'constructor key', () => ({ ...VALID[op], constructor: { prototype: { admin: true } } }), 'constructor'),
    r(op, 'prototype key', () => ({ ...VALID[op], prototype: { admin: true } }), 'prototype'),
    r(op, 'unknown parameter', () => ({ ...VALID[op], plantCodez: 'NE=1' }), 'plantCodez'),
  ];
}

const REQUEST_ROWS = [
  { type: 'fusionsolar-request', op: null, why: 'path to another host', msg: { path: 'https://evil.example.com/rest/openapi/pvms/v1/plants' }, payload: {}, field: 'path' },
  { type: 'fusionsolar-request', op: null, why: 'path outside the API', msg: { path: '/rest/openapi/pvms/v1/../../../admin' }, payload: {}, field: 'path' },
  { type: 'fusionsolar-request', op: null, why: 'path not a string', msg: { path: 42 }, payload: {}, field: 'path' },
  { type: 'fusionsolar-request', op: null, why: 'method DELETE', msg: { path: '/rest/openapi/pvms/v1/plants', method: 'DELETE' }, payload: {}, field: 'method' },
  { type: 'fusionsolar-request', op: null, why: 'body a Buffer', msg: { path: '/rest/openapi/pvms/v1/plants' }, payload: () => Buffer.from('{}'), field: 'payload' },
  { type: 'fusionsolar-request', op: null, why: 'body with an own __proto__ key', msg: { path: '/rest/openapi/pvms/v1/plants' }, payload: () => JSON.parse('{"__proto__":{"admin":true}}'), field: '__proto__' },
];

const TYPES = [...new Set(Object.values(OP_TYPE))];

/** Every row with its node type: specific rules, general rows per operation, unknown operations, the request node. */
const BAD_INPUT = [
  ...SPECIFIC.map((row) => ({ ...row, type: OP_TYPE[row.op] })),
  ...Object.keys(OP_TYPE).flatMap((op) => generalRows(op).map((row) => ({ ...row, type: OP_TYPE[op] }))),
  ...TYPES.map((type) => ({ type, op: 'noSuchOperation', why: 'unknown operation', payload: {}, field: 'operation' })),
  ...REQUEST_ROWS,
];

module.exports = { BAD_INPUT, OP_TYPE, VALID };
