import { isQuirky, wireId } from '../quirks';
import type { Simulator } from '../server';
import { planeIrradiance } from '../iv-physics';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { commaList } from './common';
import { IV_QUOTA, ivPage, ownInverter, pageOf, taskOf } from './iv-common';
import { faultOf } from './iv-measure';
import { planSubtasks, subtaskView, taskView } from './iv-progress';
import { ivState, type SimTask } from './iv-state';

/** 9.4.1-9.4.4: creating, listing, cancelling and following I-V scans. */

const empty = (v: unknown): boolean => v === undefined || v === null || v === '';
/** The lower end of the irradiance range 9.4.2 allows: less light is "radiation is not satisfied". */
const MIN_IRRADIANCE = 600;

function tasks(req: SimRequest): unknown {
  const { pageNo, pageSize } = ivPage(req.body);
  if (empty(req.body.startTime) !== empty(req.body.endTime)) throw new SimFail(30007);
  const name = empty(req.body.taskName) ? '' : String(req.body.taskName).toLowerCase();
  const from = Number(req.body.startTime ?? -Infinity);
  const to = Number(req.body.endTime ?? Infinity);
  const mine = [...ivState(req.sim).tasks.values()]
    .filter(
      (t) =>
        t.owner === req.user.username &&
        t.taskName.toLowerCase().includes(name) &&
        t.createdAt >= from &&
        t.createdAt < to,
    )
    .sort((a, b) => b.createdAt - a.createdAt);
  // Rows only for the page asked for: a row diagnoses every string of its task, and a
  // long-lived simulator (the fault suite) holds thousands of tasks.
  return pageOf(mine, pageNo, pageSize, {}, (t) => taskRow(req.sim, t, req.now));
}

function taskRow(sim: Simulator, t: SimTask, now: number): JsonObject {
  const view = taskView(t, now);
  const state = ivState(sim);
  const faulty = (s: SimTask['subtasks'][number]): boolean => {
    const inv = state.inverter(s.dn);
    return inv !== undefined && faultOf(inv, s).code !== 10000;
  };
  const faults = view.taskStatus === 1 ? t.subtasks.filter(faulty).length : 0;
  return {
    taskId: wireId(sim, t.taskId),
    taskName: t.taskName,
    startTime: t.createdAt,
    endTime: view.endTime,
    faultCount: faults,
    unitCount: view.total,
    deviceCount: t.dns.length,
    process: view.process,
    // Quirks: the 9.4.1 example's undocumented cleanStatus 2.
    cleanStatus: isQuirky(sim) ? 2 : t.cleanStatus,
    environmentalParameters: t.environmentalParameters,
    ...(t.environmentalParameters === 1
      ? { modulePlaneIrradiance: t.modulePlaneIrradiance, moduleBackSurfaceTemperature: t.moduleBackSurfaceTemperature }
      : {}),
    scanPointNum: 128,
    taskStatus: view.taskStatus,
  };
}

function scanTask(req: SimRequest): unknown {
  const b = req.body;
  if (empty(b.taskName)) throw new SimFail(30009);
  if (typeof b.taskName !== 'string' || b.taskName.trim() === '') throw new SimFail(30018);
  const dns = commaList(b.dns);
  if (dns.length === 0) throw new SimFail(30010);
  if (![0, 1].includes(Number(b.cleanStatus)) || empty(b.cleanStatus)) throw new SimFail(30011);
  const env = Number(b.environmentalParameters);
  if (empty(b.environmentalParameters) || ![0, 1].includes(env)) throw new SimFail(30012);
  if (env === 1 && (empty(b.modulePlaneIrradiance) || empty(b.moduleBackSurfaceTemperature))) throw new SimFail(30013);
  if (env === 1 && !(Number(b.modulePlaneIrradiance) >= 600 && Number(b.modulePlaneIrradiance) <= 1500))
    throw new SimFail(30020);
  if (env === 1 && !(Number(b.moduleBackSurfaceTemperature) >= 0 && Number(b.moduleBackSurfaceTemperature) <= 100))
    throw new SimFail(30019);
  if (Number(b.scanPointNum) !== 128) throw new SimFail(30014);
  const inverters = dns.map((dn) => ownInverter(req, dn));
  if (dns.length > 100 || new Set(dns).size !== dns.length || inverters.some((i) => !i)) throw new SimFail(30017);
  const state = ivState(req.sim);
  const busy = new Set(
    [...state.tasks.values()]
      .filter((t) => taskView(t, req.now).taskStatus === 0)
      .flatMap((t) => t.dns.map((dn) => state.inverter(dn)?.plant.plantCode)),
  );
  if (inverters.some((i) => busy.has(i?.plant.plantCode))) throw new SimFail(30033, null, 'The task is in progress');
  // Manual conditions stand in for the weather (see iv-measure.ts), so only automatic mode checks the sun.
  if (
    env === 0 &&
    inverters.some((i) => i && planeIrradiance(i.plant.latitude, i.plant.longitude, req.now) < MIN_IRRADIANCE)
  ) {
    // As in the reference's example 2: success true, yet failCode 20030.
    throw new SimFail(20030, null, 'radiation is not satisfied', true);
  }
  const task: SimTask = {
    taskId: state.newTaskId(),
    owner: req.user.username,
    taskName: b.taskName.trim(),
    dns,
    createdAt: req.now,
    cleanStatus: Number(b.cleanStatus),
    environmentalParameters: env,
    ...(env === 1
      ? {
          modulePlaneIrradiance: Number(b.modulePlaneIrradiance),
          moduleBackSurfaceTemperature: Number(b.moduleBackSurfaceTemperature),
        }
      : {}),
    needQuantifyLosses: b.needQuantifyLosses === true || b.needQuantifyLosses === 'true',
    subtasks: planSubtasks(
      dns,
      (dn) => state.inverter(dn)?.strings.length ?? 0,
      (dn) => state.inverter(dn)?.device.off === true,
      req.now,
      () => state.newId(),
    ),
  };
  state.tasks.set(task.taskId, task);
  return { taskId: wireId(req.sim, task.taskId) };
}

function revokeTask(req: SimRequest): unknown {
  const task = taskOf(req);
  if (taskView(task, req.now).taskStatus !== 0)
    throw new SimFail(30030, null, 'A completed or cancelled task cannot be cancelled');
  task.canceledAt = req.now;
  return null;
}

function status(req: SimRequest): unknown {
  const task = taskOf(req);
  const { pageNo, pageSize } = ivPage(req.body);
  const state = ivState(req.sim);
  const rows = task.subtasks.map((s, k) => {
    const inv = state.inverter(s.dn);
    const view = subtaskView(task, s, req.now);
    const failed = view.status === 1;
    return {
      sequenceNo: k + 1,
      subTaskId: Number(s.subTaskId),
      plantName: inv?.plant.plantName ?? null,
      inverterName: inv?.device.deviceName ?? null,
      inverterDN: s.dn,
      pvName: `PV${s.pvIndex}`,
      startTime: view.startTime,
      endTime: view.endTime,
      status: view.status,
      failCause: failed ? 2 : null,
      failDesc: failed ? 'The inverter is shut down' : null,
      failRepairSuggestion: failed ? 'Start the inverter and scan again' : null,
    };
  });
  return pageOf(rows, pageNo, pageSize, { process: taskView(task, req.now).process });
}

export function registerIvTasks(sim: Simulator): void {
  sim.route('iv/tasks', tasks, { quota: IV_QUOTA });
  sim.route('iv/scanTask', scanTask, { quota: IV_QUOTA });
  sim.route('iv/revokeTask', revokeTask, { quota: IV_QUOTA });
  sim.route('iv/scanTask/status', status, { quota: IV_QUOTA });
}
