import { isQuirky, respell } from '../quirks';
import type { Simulator } from '../server';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { IV_QUOTA, ivPage, pageOf, taskOf } from './iv-common';
import { curveText, kpiFields, measure } from './iv-measure';
import { executed, subtaskView } from './iv-progress';
import { ivState, type SimInverter, type SimSubtask, type SimTask } from './iv-state';
import { text } from '../../text';

/** 9.4.5, 9.4.6 and 9.4.12: what a scan found, once its subtasks have run. */

interface Scanned {
  sub: SimSubtask;
  inv: SimInverter;
}

/** The task's subtasks that ran (not cancelled); 30033 while any is still pending. */
function scanned(req: SimRequest, task: SimTask): Scanned[] {
  if (!executed(task, req.now)) throw new SimFail(30033, null, 'The task is in progress');
  const state = ivState(req.sim);
  return task.subtasks
    .filter((s) => subtaskView(task, s, req.now).status !== 2)
    .map((sub) => ({ sub, inv: state.inverter(sub.dn) as SimInverter }));
}

function faultList(req: SimRequest): unknown {
  const task = taskOf(req);
  const { pageNo, pageSize } = ivPage(req.body);
  const rows: JsonObject[] = [];
  for (const { sub, inv } of scanned(req, task)) {
    const m = measure(task, inv, sub);
    // "The returned list does not display normal inverters and strings."
    if (m.fault.code === 10000) continue;
    const row: JsonObject = {
      plantName: inv.plant.plantName,
      plantCode: inv.plant.plantCode,
      plantAddress: inv.plant.plantAddress,
      inverterName: inv.device.deviceName,
      inverterDN: inv.device.dn,
      inverterSN: inv.device.sn,
      invertVersion: inv.device.softwareVersion ?? null,
      invertModel: inv.device.model,
      invertRatedPower: inv.device.ratedPower ?? null,
      // The 9.4.5 table types pvIndex as a String.
      pvName: `PV${sub.pvIndex}`,
      pvIndex: String(sub.pvIndex),
      ...kpiFields(m),
      faultCode: m.fault.code,
      faultName: m.fault.name,
      faultDetail: m.fault.detail,
      faultSuggestion: m.fault.suggestion,
      scanTime: sub.end,
    };
    // Quirks: the 9.4.5 example's spellings.
    if (isQuirky(req.sim)) {
      respell(row, 'inverterName', 'inveterName');
      respell(row, 'stringImIsc', 'stringImIoc');
    }
    rows.push(row);
  }
  return pageOf(rows, pageNo, pageSize);
}

function ivdata(req: SimRequest): unknown {
  const task = taskOf(req);
  if (req.body.dn === undefined || req.body.dn === null || req.body.dn === '') throw new SimFail(30016);
  const { pageNo, pageSize } = ivPage(req.body);
  const dn = text(req.body.dn);
  if (!task.dns.includes(dn)) throw new SimFail(30008, null, 'check task failed');
  const mine = task.subtasks.filter((s) => s.dn === dn);
  if (mine.some((s) => subtaskView(task, s, req.now).status === null))
    throw new SimFail(30033, null, 'The task is in progress');
  const inv = ivState(req.sim).inverter(dn) as SimInverter;
  const rows = mine
    .filter((s) => subtaskView(task, s, req.now).status === 0)
    .map((s) => {
      const curve = measure(task, inv, s).curve as { current: number[]; voltage: number[] };
      // Odd strings come as "[null, ...]"; every fourth one only in its current, as seen live.
      const odd = s.pvIndex % 2 === 1;
      return {
        pvIndex: s.pvIndex,
        current: curveText(curve.current, odd),
        voltage: curveText(curve.voltage, odd && s.pvIndex % 4 !== 3),
      };
    });
  return pageOf(rows, pageNo, pageSize);
}

function pvResultList(req: SimRequest): unknown {
  const task = taskOf(req);
  const { pageNo, pageSize } = ivPage(req.body, 5000);
  const rows = scanned(req, task).map(({ sub, inv }) => {
    const m = measure(task, inv, sub);
    const logger = inv.plant.devices.find((d) => d.deviceTypeId === 20821 || d.deviceTypeId === 20819) ?? inv.device;
    return {
      communicateDevSn: logger.sn,
      pvIndex: sub.pvIndex,
      pvName: `PV${sub.pvIndex}`,
      ivFaultCode: m.fault.code,
      inverterName: inv.device.deviceName,
      quantifyingLosses: task.needQuantifyLosses ? m.loss : null,
      inverterSn: inv.device.sn,
    };
  });
  return pageOf(rows, pageNo, pageSize);
}

export function registerIvResults(sim: Simulator): void {
  sim.route('iv/scanTask/faultList', faultList, { quota: IV_QUOTA });
  sim.route('iv/scanTask/ivdata', ivdata, { quota: IV_QUOTA });
  sim.route('iv/scanTask/pvResultList', pvResultList, { quota: IV_QUOTA });
}
