'use strict';
// Valid inputs for every operation of DESIGN.md's contract table, by node type. The fault
// engine sends them round-robin; rows whose node type or operation is not built yet are
// skipped (and counted), so a new operation only needs its row here.
const { USER } = require('../helpers/sim');
const { ivState } = require('../../dist/src/simulator/routes/iv-state');
const { planSubtasks } = require('../../dist/src/simulator/routes/iv-progress');

const DEV = { battery: 20815, inverter: 20822 };
const DAY = 86_400_000;

const codes = (sim, n = 3) => sim.fleet.plants.slice(0, n).map((p) => p.plantCode);
const devicesOf = (sim, typeId) => sim.fleet.devices().filter((d) => d.deviceTypeId === typeId);
const dn = (sim, typeId) => (devicesOf(sim, typeId)[0] || sim.fleet.devices()[0]).dn;
const sn = (sim) => sim.fleet.devices()[0].sn;
const batteryPlant = (sim) => (devicesOf(sim, DEV.battery)[0] || sim.fleet.devices()[0]).plantCode;
const dayStart = (now) => now - (now % DAY);

const MODULE = {
  pvIndex: 1, moduleQuantity: 10, is2in1String: 0, moduleManufacturer: 'Sim Solar', moduleModel: 'SIM-450', moduleType: 1,
  maxModulePower: 450, optimalModuleOperatingVoltage: 41.5, optimalModuleOperatingCurrent: 10.85, moduleOpenCircuitVoltage: 49.6,
  moduleShortCircuitCurrent: 11.5, maxPowerTemperatureCoefficient: -0.35, openCircuitVoltageTemperatureCoefficient: -0.27,
  shortCircuitCurrentTemperatureCoefficient: 0.048, cellQuantity: 144, moduleDegradationRateInFirstYear: 2, moduleDegradationRateFromSecondYear: 0.55,
  gridConnectionDate: '2022-01-15',
};
/** Manual conditions: the simulator scans at any hour (the suite's clock starts at midnight UTC). */
const MANUAL = { environmentalParameters: 1, modulePlaneIrradiance: 900, moduleBackSurfaceTemperature: 45 };
const SCAN = (ctx) => ({ taskName: `fault-suite-${ctx.seq}`, dns: [dn(ctx.sim, DEV.inverter)], cleanStatus: 0, ...MANUAL, scanPointNum: 128, needQuantifyLosses: true });

/**
 * A task of the test user put straight into the simulator's state (no request the fault
 * under test could hit): finished a day ago for the result reads, or just started for
 * cancelTask. Its id is the message's own, so each message reads a task that exists.
 */
function simTask(ctx, { finished }) {
  const state = ivState(ctx.sim);
  const dns = [dn(ctx.sim, DEV.inverter)];
  const createdAt = finished ? ctx.now - DAY : ctx.now;
  const taskId = state.newTaskId();
  state.tasks.set(taskId, {
    taskId, owner: USER.username, taskName: `fault-suite-${ctx.seq}`, dns, createdAt, cleanStatus: 0, ...MANUAL, needQuantifyLosses: true,
    subtasks: planSubtasks(dns, (d) => state.inverter(d).strings.length, () => false, createdAt, () => state.newId()),
  });
  return { taskId, dn: dns[0] };
}
const doneTask = (ctx) => simTask(ctx, { finished: true });

/** Rows: `op` (catalogue name; null for a node without operations), `payload(ctx)`, optional `msg(ctx)` extras and `endpoint`. */
const OPERATION_ROWS = {
  'fusionsolar-plants': [
    { op: 'plantList', payload: () => ({}) },
    { op: 'deviceList', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
  ],
  'fusionsolar-plant-data': [
    { op: 'plantInfo', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
    { op: 'realtimeKpi', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
    { op: 'historyKpi', payload: ({ sim, now }) => ({ plantCodes: codes(sim, 2), startTime: now - DAY, endTime: now }) },
    { op: 'fiveMinuteKpi', payload: ({ sim, now }) => ({ plantCode: codes(sim, 1)[0], startTime: dayStart(now) - DAY, endTime: dayStart(now) - DAY / 2 }) },
    { op: 'ratedData', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
  ],
  'fusionsolar-control': [
    { op: 'chargeDischarge', payload: ({ sim, seq }) => ({ plantCodes: [batteryPlant(sim)], dispatchSwitch: 1, controlType: 2, dispatchTime: 30, requestID: 700_000_000 + seq }) },
    { op: 'chargeDischargeStatus', payload: () => ({ requestID: 700_000_000 }) },
    { op: 'setDod', payload: ({ sim }) => ({ dns: [dn(sim, DEV.battery)], dod: 90 }) },
    { op: 'inverterPower', payload: ({ sim }) => ({ dns: [dn(sim, DEV.inverter)], controlType: 1 }) },
    { op: 'emsMode', payload: ({ sim }) => ({ dn: codes(sim, 1)[0], controlType: 6 }) },
    { op: 'defaultSetting', payload: ({ sim }) => ({ tasks: [{ plantCode: codes(sim, 1)[0], maxFeedGridPower: 1.5 }] }) },
    { op: 'defaultSettingStatus', payload: () => ({ requestId: '1' }) },
    { op: 'drm', payload: ({ sim }) => ({ plantcodes: codes(sim, 1), drms: { drm0: 'false', drm1: 'false', drm5: 'false' } }) },
    { op: 'drmStatus', payload: () => ({ remoteIds: ['1'] }) },
  ],
  'fusionsolar-iv': [
    { op: 'listTasks', payload: () => ({}) },
    { op: 'createTask', payload: SCAN },
    { op: 'cancelTask', payload: (ctx) => ({ taskId: simTask(ctx, { finished: false }).taskId }) },
    { op: 'taskStatus', payload: (ctx) => ({ taskId: doneTask(ctx).taskId }) },
    { op: 'faultList', payload: (ctx) => ({ taskId: doneTask(ctx).taskId }) },
    { op: 'curveData', payload: (ctx) => doneTask(ctx) },
    { op: 'stringConfigs', payload: () => ({}) },
    { op: 'stringDetails', payload: ({ sim }) => ({ dn: dn(sim, DEV.inverter) }) },
    { op: 'configureStrings', payload: ({ sim }) => ({ dn: dn(sim, DEV.inverter), pvNum: 1, configuration: [{ ...MODULE }] }) },
    { op: 'moduleLibrary', payload: () => ({}) },
    { op: 'moduleDetails', payload: () => ({ moduleId: 180053 }) },
    { op: 'lossData', payload: (ctx) => ({ taskId: doneTask(ctx).taskId }) },
    { op: 'runDiagnosis', payload: SCAN },
  ],
  'fusionsolar-enrolment': [
    // The reference's own examples, which the simulator knows: device HV1920000027 of mark@email.com
    // (9.6.1.1), NMI 20019857328 (9.6.1.2) and the installer admin@qq.com (9.6.2.1).
    { op: 'snEnrolment', payload: () => ({ devices: [{ sn: 'HV1920000027', email: 'mark@email.com' }] }) },
    { op: 'acEnrolment', payload: () => ({ authorizationCodes: ['20019857328'] }) },
    { op: 'snRegistration', payload: ({ sim }) => ({ sns: ['HV1920000027', sn(sim)], account: 'admin@qq.com' }) },
  ],
  'fusionsolar-request': [
    { op: null, endpoint: 'plants', msg: () => ({ path: '/rest/openapi/pvms/v1/plants', method: 'POST' }), payload: () => ({ pageNo: 1, pageSize: 100 }) },
  ],
};

module.exports = { OPERATION_ROWS, DEV };
