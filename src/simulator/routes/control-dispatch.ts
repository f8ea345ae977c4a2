import { isQuirky } from '../quirks';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { batteryModel, cutRun, isActive, runSoc, startRun } from './control-battery';
import { commaList } from './common';
import {
  batteriesOf,
  controlState,
  invertersOf,
  isOffline,
  nextTaskId,
  ownPlants,
  plantTime,
  type DispatchSubtask,
  type DispatchTask,
} from './control-state';
import { text } from '../../text';

/** 9.3.4 / 9.3.5: forced charge and discharge tasks and their status. */

/** 9.3.5: "The execution status is updated every 3 minutes." */
const STATUS_STEP = 3 * 60_000;

/** A number from the body: undefined when absent, NaN when not a number. */
export function num(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN;
}

interface Command {
  dispatchSwitch: number;
  controlType: number;
  targetSOC?: number;
  dispatchTime?: number;
  powerW?: number;
}

/** The checks of 9.3.4, in the order its error table lists them. */
function parseCommand(body: JsonObject): Command {
  const sw = num(body.dispatchSwitch);
  if (sw !== 0 && sw !== 1 && sw !== 2) throw new SimFail(20040);
  if (sw === 0) return { dispatchSwitch: 0, controlType: 0 };
  const controlType = num(body.controlType);
  if (controlType !== 1 && controlType !== 2) throw new SimFail(20041);
  const cmd: Command = { dispatchSwitch: sw, controlType };
  if (controlType === 1) {
    cmd.targetSOC = num(body.targetSOC);
    if (cmd.targetSOC === undefined || !(cmd.targetSOC >= 0 && cmd.targetSOC <= 100)) throw new SimFail(20042);
  } else {
    cmd.dispatchTime = num(body.dispatchTime);
    if (
      cmd.dispatchTime === undefined ||
      !Number.isInteger(cmd.dispatchTime) ||
      cmd.dispatchTime < 0 ||
      cmd.dispatchTime > 1440
    )
      throw new SimFail(20043);
  }
  cmd.powerW = num(body.powerDispatch);
  if (cmd.powerW !== undefined && (!Number.isInteger(cmd.powerW) || (sw === 1 ? cmd.powerW <= 0 : cmd.powerW >= 0)))
    throw new SimFail(20047);
  return cmd;
}

export function chargeAndDischarge({ sim, user, body, now }: SimRequest): unknown {
  const s = controlState(sim);
  const codes = commaList(body.plantCodes);
  if (codes.length === 0) throw new SimFail(20010);
  if (codes.length > 100) throw new SimFail(20015);
  const cmd = parseCommand(body);
  if (body.requestID === undefined || body.requestID === null || body.requestID === '') throw new SimFail(20044);
  const plants = ownPlants(sim, user, codes);
  const key = `${user.username}\0${text(body.requestID)}`;
  if (s.dispatches.has(key)) throw new SimFail(20048);
  if (!plants.some((p) => batteriesOf(p).length > 0)) throw new SimFail(20053);

  const task: DispatchTask = { requestID: text(body.requestID), dispatchSwitch: cmd.dispatchSwitch, subtasks: [] };
  const data = plants.map((plant) => {
    const batteries = batteriesOf(plant);
    const sn = invertersOf(plant)[0]?.sn ?? batteries[0]?.sn ?? '';
    // 9.3.4 NOTICE: while a task runs, the same signal cannot be sent to its devices.
    const busy = batteries.some((b) => {
      const run = batteryModel(sim, b).run;
      return isActive(run, now) && run.dispatchSwitch === cmd.dispatchSwitch;
    });
    if (batteries.length === 0 || busy || isOffline(s, plant.plantCode, ...batteries.map((b) => b.dn))) {
      return { plantCode: plant.plantCode, sn, dispatchResult: 1, remoteID: null };
    }
    const remoteID = nextTaskId(s);
    let runs: DispatchSubtask['runs'] = [];
    if (cmd.dispatchSwitch === 0) for (const b of batteries) cutRun(batteryModel(sim, b), now);
    else runs = batteries.map((b) => startRun(sim, b, cmd, now));
    task.subtasks.push({
      plantCode: plant.plantCode,
      sn,
      remoteID,
      runs,
      startAt: now,
      tzOffsetMin: plant.tzOffsetMin,
    });
    return { plantCode: plant.plantCode, sn, dispatchResult: 0, remoteID };
  });
  if (task.subtasks.length === 0) throw new SimFail(20049);
  s.dispatches.set(key, task);
  return data;
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

function subtaskView(
  st: DispatchSubtask,
  dispatchSwitch: number,
  now: number,
  spelling: 'exec' | 'plain' = 'exec',
): JsonObject {
  const at = st.startAt + Math.floor((now - st.startAt) / STATUS_STEP) * STATUS_STEP;
  const cut = st.runs.some((r) => r.cutAt !== undefined && r.cutAt <= at);
  const endAt = Math.max(st.startAt, ...st.runs.map((r) => Math.min(r.endAt, r.cutAt ?? Infinity)));
  const done = at >= endAt;
  const timedOut = done && !cut && st.runs.some((r) => r.timesOut);
  const energy = round3(st.runs.reduce((sum, r) => sum + (Math.abs(runSoc(r, at) - r.soc0) * r.capacityKwh) / 100, 0));
  return {
    plantCode: st.plantCode,
    sn: st.sn,
    remoteID: st.remoteID,
    status: !done ? 1 : timedOut ? 2 : 0,
    chargedCapacity: dispatchSwitch === 1 ? energy : null,
    dischargedCapacity: dispatchSwitch === 2 ? energy : null,
    // 9.3.5 NOTICE: a task whose battery task changed is reported as 0 with the reason in message.
    message:
      done && cut
        ? 'The battery task was changed by a later task.'
        : timedOut
          ? 'The task timed out after 24 hours.'
          : null,
    // The second example item of 9.3.5 says startTime/endTime.
    [spelling === 'exec' ? 'execStartTime' : 'startTime']: plantTime(st.startAt, st.tzOffsetMin),
    [spelling === 'exec' ? 'execEndTime' : 'endTime']: done ? plantTime(endAt, st.tzOffsetMin) : null,
  };
}

export function chargeAndDischargeStatus({ sim, user, body, now }: SimRequest): unknown {
  if (body.requestID === undefined || body.requestID === null || body.requestID === '') throw new SimFail(20044);
  const task = controlState(sim).dispatches.get(`${user.username}\0${text(body.requestID)}`);
  if (!task) throw new SimFail(20050);
  const quirks = isQuirky(sim);
  return task.subtasks.map((st, i) =>
    subtaskView(st, task.dispatchSwitch, now, quirks && i % 2 === 0 ? 'plain' : 'exec'),
  );
}
