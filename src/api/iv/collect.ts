import { FusionSolarError } from '../../client/errors';
import { curveData, faultList, lossData } from './results';
import { joinCurves, objects, type DiagnosisReport } from './report';
import { ivCurvesSvg } from './svg';
import type { DiagnosisContext, DiagnosisOptions } from './diagnosis';
import type { OperationDef, Params } from '../core/types';

/** The last steps of runDiagnosis: read what the finished scan found and shape the report. */

export type Caller = (op: OperationDef, p: Params, sig?: AbortSignal) => Promise<unknown>;

export async function collect(
  report: DiagnosisReport,
  call: Caller,
  ctx: DiagnosisContext,
  stopped: (err: unknown) => boolean,
): Promise<void> {
  try {
    report.faults = objects(await call(faultList, { taskId: report.taskId }));
    report.lossData = objects(await call(lossData, { taskId: report.taskId }));
    const items: Params[] = [];
    for (const [k, dn] of report.dns.entries()) {
      try {
        items.push(...objects(await call(curveData, { taskId: report.taskId, dn: [dn] })));
      } catch (err) {
        // One inverter without curves (e.g. its scan failed) must not lose the whole report.
        if (!(err instanceof FusionSolarError) || !/^\d+$/.test(err.code) || err.code === '407') throw err;
        report.errors.push({ dn, code: err.code, message: err.message });
      }
      ctx.onProgress?.({
        phase: 'collecting',
        taskId: report.taskId,
        process: Math.round(((k + 1) / report.dns.length) * 100),
        done: k + 1,
        total: report.dns.length,
      });
    }
    report.curves = joinCurves(items, report.subtasks, report.faults);
  } catch (err) {
    if (!stopped(err)) throw err;
  }
}

export interface DiagnosisResult {
  payload: DiagnosisReport;
  calls: number;
  total: number;
}

export function finish(
  report: DiagnosisReport,
  status: DiagnosisReport['status'],
  now: number,
  calls: number,
  options: DiagnosisOptions,
): DiagnosisResult {
  report.status = status;
  report.endTime = now;
  if (options.chart && report.curves.length > 0) {
    report.svg = ivCurvesSvg(
      report.curves.map((c) => ({
        current: c.current,
        voltage: c.voltage,
        label: [c.plantName, c.inverterName ?? c.dn, c.pvName ?? `PV${c.pvIndex}`].filter(Boolean).join(' '),
        fault: c.faultName,
      })),
      { title: `I-V curves, task ${report.taskId}` },
    );
  }
  return { payload: report, calls, total: report.curves.length };
}
