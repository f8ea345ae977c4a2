'use strict';
// Valid inputs for every operation of DESIGN.md's contract table, by node type. The fault
// engine sends them round-robin; rows whose node type or operation is not built yet are
// skipped (and counted), so a new operation only needs its row here.
const { USER } = require('../helpers/sim');
const dispatchRoutes = require('../../dist/src/simulator/routes/control-dispatch');
const gridRoutes = require('../../dist/src/simulator/routes/control-grid');
const drmRoutes = require('../../dist/src/simulator/routes/control-drm');

const { ivState } = require('../../dist/src/simulator/routes/iv-state');
const { planSubtasks } = require('../../dist/src/simulator/routes/iv-progress');
const { must } = require('../helpers/must');

const DEV = { battery: 20815, inverter: 20822, smartLogger: 20821 };
const DAY = 86_400_000;

const codes = (sim, n = 3) => sim.fleet.plants.slice(0, n).map((p) => p.plantCode);
const devicesOf = (sim, typeId) => sim.fleet.devices().filter((d) => d.deviceTypeId === typeId);
const dn = (sim, typeId) => (devicesOf(sim, typeId)[0] || sim.fleet.devices()[0]).dn;
const sn = (sim) => sim.fleet.devices()[0].sn;
const batteryPlant = (sim) => (devicesOf(sim, DEV.battery)[0] || sim.fleet.devices()[0]).plantCode;
const dayStart = (now) => now - (now % DAY);
const plantWith = (sim, typeId) => (devicesOf(sim, typeId)[0] || sim.fleet.devices()[0]).plantCode;
const otherInverter = (sim) => {
  const first = devicesOf(sim, DEV.inverter)[0];
  return (devicesOf(sim, DEV.inverter).find((d) => d.plantCode !== first.plantCode) || first).dn;
};
const plantWithout = (sim, typeId) =>
  sim.fleet.plants.find((p) => !devicesOf(sim, typeId).some((d) => d.plantCode === p.plantCode)).plantCode;

/**
 * Tasks for the status rows, made once per simulator by its own handlers (no HTTP, so no
 * fault): a status query must not depend on whether an earlier, faulted command went through.
 * Each leaves the command rows' plants free: a stop task starts no battery run, the default
 * task is on a plant the defaultSetting row does not use, DRM switches are all off.
 */
const madeTasks = new WeakMap();
function knownTask(sim, kind, make) {
  const tasks = madeTasks.get(sim) || new Map();
  madeTasks.set(sim, tasks);
  if (!tasks.has(kind))
    tasks.set(
      kind,
      make({ sim, user: sim.accounts.users.get(USER.username), now: sim.clock.now(), endpoint: `vpp/${kind}` }),
    );
  return tasks.get(kind);
}
/**
 * How many times `sim` has been sent `op` so far: commands
 * alternate so none repeats a running task (9.3.4, 9.6.1.3 NOTICE).
 */
const sent = new WeakMap();
function turn(sim, op) {
  const counts = sent.get(sim) || {};
  sent.set(sim, counts);
  counts[op] = (counts[op] || 0) + 1;
  return counts[op] - 1;
}
const DISPATCH_ID = 699_999_999;
const dispatchTask = (sim) =>
  knownTask(sim, 'chargeAndDischarge', (req) => {
    dispatchRoutes.chargeAndDischarge({
      ...req,
      body: { plantCodes: batteryPlant(sim), dispatchSwitch: 0, requestID: DISPATCH_ID },
    });
    return DISPATCH_ID;
  });
const defaultTask = (sim) =>
  knownTask(
    sim,
    'plantDefaultSetting',
    (req) =>
      /** @type {{ requestId: string }} */ (
        gridRoutes.plantDefaultSetting({
          ...req,
          body: { tasks: [{ plantCode: codes(sim)[2], activePowerVariationGradient: 10 }] },
        })
      ).requestId,
  );
const drmTask = (sim) =>
  knownTask(
    sim,
    'drm',
    (req) =>
      /** @type {Array<{ remoteId: string }>} */ (
        drmRoutes.drm({
          ...req,
          body: {
            plantcodes: plantWithout(sim, DEV.smartLogger),
            drms: { drm0: 'false', drm1: 'false', drm5: 'false' },
          },
        })
      )[0].remoteId,
  );

const MODULE = {
  pvIndex: 1,
  moduleQuantity: 10,
  is2in1String: 0,
  moduleManufacturer: 'Sim Solar',
  moduleModel: 'SIM-450',
  moduleType: 1,
  maxModulePower: 450,
  optimalModuleOperatingVoltage: 41.5,
  optimalModuleOperatingCurrent: 10.85,
  moduleOpenCircuitVoltage: 49.6,
  moduleShortCircuitCurrent: 11.5,
  maxPowerTemperatureCoefficient: -0.35,
  openCircuitVoltageTemperatureCoefficient: -0.27,
  shortCircuitCurrentTemperatureCoefficient: 0.048,
  cellQuantity: 144,
  moduleDegradationRateInFirstYear: 2,
  moduleDegradationRateFromSecondYear: 0.55,
  gridConnectionDate: '2022-01-15',
};
/** Manual conditions: the simulator scans at any hour (the suite's clock starts at midnight UTC). */
const MANUAL = { environmentalParameters: 1, modulePlaneIrradiance: 900, moduleBackSurfaceTemperature: 45 };
const SCAN = (ctx) => ({
  taskName: `fault-suite-${ctx.seq}`,
  dns: [dn(ctx.sim, DEV.inverter)],
  cleanStatus: 0,
  ...MANUAL,
  scanPointNum: 128,
  needQuantifyLosses: true,
});

/**
 * A task of the test user put straight into the simulator's state (no request the fault
 * under test could hit): finished a day ago for the result reads, or just started for
 * cancelTask. Its id is the message's own, so each message reads a task that exists.
 */
function simTask(ctx, { finished }) {
  const state = ivState(ctx.sim);
  const dns = [finished ? dn(ctx.sim, DEV.inverter) : otherInverter(ctx.sim)];
  const createdAt = finished ? ctx.now - DAY : ctx.now;
  // A task to cancel scans only in a month, so it is still running whatever the clock does
  // before the cancel arrives (else 30030), and it sits on another plant than the scans
  // of createTask and runDiagnosis, so one left running by a failed cancel blocks none (30033).
  const scansFrom = finished ? createdAt : createdAt + 30 * DAY;
  const taskId = state.newTaskId();
  state.tasks.set(taskId, {
    taskId,
    owner: USER.username,
    taskName: `fault-suite-${ctx.seq}`,
    dns,
    createdAt,
    cleanStatus: 0,
    ...MANUAL,
    needQuantifyLosses: true,
    subtasks: planSubtasks(
      dns,
      (d) => must(state.inverter(d), 'state.inverter(d)').strings.length,
      () => false,
      scansFrom,
      () => state.newId(),
    ),
  });
  return { taskId, dn: dns[0] };
}
const doneTask = (ctx) => simTask(ctx, { finished: true });

/**
 * Rows: `op` (catalogue name; null for a node without
 * operations), `payload(ctx)`, optional `msg(ctx)` extras and `endpoint`.
 */
const OPERATION_ROWS = {
  'fusionsolar-plants': [
    { op: 'plantList', payload: () => ({}) },
    { op: 'deviceList', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
  ],
  'fusionsolar-plant-data': [
    { op: 'plantInfo', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
    { op: 'realtimeKpi', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
    {
      op: 'historyKpi',
      payload: ({ sim, now }) => ({ plantCodes: codes(sim, 2), startTime: now - DAY, endTime: now }),
    },
    {
      op: 'fiveMinuteKpi',
      payload: ({ sim, now }) => ({
        plantCode: codes(sim, 1)[0],
        startTime: dayStart(now) - DAY,
        endTime: dayStart(now) - DAY / 2,
      }),
    },
    { op: 'ratedData', payload: ({ sim }) => ({ plantCodes: codes(sim) }) },
  ],
  'fusionsolar-control': [
    // Charge, then discharge: the same signal again would meet the running task (20049).
    {
      op: 'chargeDischarge',
      payload: ({ sim, seq }) => ({
        plantCodes: [batteryPlant(sim)],
        dispatchSwitch: 1 + (turn(sim, 'chargeDischarge') % 2),
        controlType: 2,
        dispatchTime: 30,
        requestID: 700_000_000 + seq,
      }),
    },
    { op: 'chargeDischargeStatus', payload: ({ sim }) => ({ requestID: dispatchTask(sim) }) },
    { op: 'setDod', payload: ({ sim }) => ({ dns: [dn(sim, DEV.battery)], dod: 90 }) },
    { op: 'inverterPower', payload: ({ sim }) => ({ dns: [dn(sim, DEV.inverter)], controlType: 1 }) },
    // 9.3.8 addresses the SmartLoggers of the plant: a plant without one answers 20008.
    { op: 'emsMode', payload: ({ sim }) => ({ dn: plantWith(sim, DEV.smartLogger), controlType: 6 }) },
    // Plants in turn (not the status row's): a plant still applying its last task answers 20615.
    {
      op: 'defaultSetting',
      payload: ({ sim }) => ({
        tasks: [{ plantCode: codes(sim, 2)[turn(sim, 'defaultSetting') % 2], maxFeedGridPower: 1.5 }],
      }),
    },
    { op: 'defaultSettingStatus', payload: ({ sim }) => ({ requestId: defaultTask(sim) }) },
    // DRM works only for plants without a SmartLogger (9.6.1.6).
    {
      op: 'drm',
      payload: ({ sim }) => ({
        plantcodes: [plantWithout(sim, DEV.smartLogger)],
        drms: { drm0: 'false', drm1: 'false', drm5: 'false' },
      }),
    },
    { op: 'drmStatus', payload: ({ sim }) => ({ remoteIds: [drmTask(sim)] }) },
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
    {
      op: 'configureStrings',
      payload: ({ sim }) => ({ dn: dn(sim, DEV.inverter), pvNum: 1, configuration: [{ ...MODULE }] }),
    },
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
    {
      op: null,
      endpoint: 'plants',
      msg: () => ({ path: '/rest/openapi/pvms/v1/plants', method: 'POST' }),
      payload: () => ({ pageNo: 1, pageSize: 100 }),
    },
  ],
};

module.exports = { OPERATION_ROWS, DEV };
