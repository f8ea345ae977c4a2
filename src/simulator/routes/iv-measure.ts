import {
  cellTemperature,
  curveKpis,
  planeIrradiance,
  stringCurve,
  type Condition,
  type CurveKpis,
} from '../iv-physics';
import { hashUnit } from '../random';
import type { SimInverter, SimSubtask, SimTask } from './iv-state';

/**
 * What one string's scan measured and what the diagnosis concluded. 10000, 10012 and 99999
 * are the codes of the reference's examples; the reference lists no others, so low current,
 * shading and degradation use codes of this simulator (10004, 10006, 10009).
 */

export interface FaultText {
  code: number;
  name: string;
  detail: string;
  suggestion: string;
}

const FAULTS: Record<Condition | 'notSet' | 'noData', FaultText> = {
  normal: { code: 10000, name: 'normal', detail: 'normal', suggestion: '' },
  lowCurrent: {
    code: 10004,
    name: 'String current low',
    detail: 'The string current is clearly lower than expected for the irradiance',
    suggestion: 'Check the modules for soiling, cracks or loose connectors',
  },
  shading: {
    code: 10006,
    name: 'String shaded',
    detail: 'Steps in the I-V curve show part of the string shaded',
    suggestion: 'Remove or trim what casts the shadow; check the bypass diodes',
  },
  degraded: {
    code: 10009,
    name: 'String degraded',
    detail: 'Fill factor and power are well below the STC rating',
    suggestion: 'Check the modules for PID and ageing; compare with the warranty curve',
  },
  notSet: { code: 10012, name: 'PV not set', detail: 'PV not set', suggestion: 'please check params' },
  noData: { code: 99999, name: 'no data to scan', detail: 'no data to scan', suggestion: 'please wait...' },
};

export interface Measurement {
  fault: FaultText;
  curve: { current: number[]; voltage: number[] } | null;
  kpis: CurveKpis | null;
  /** Converted to standard test conditions with the task's (or the predicted) irradiance and temperature. */
  stc: CurveKpis | null;
  degradation: number | null;
  /** Quantified loss (W): 0 for a normal string, negative for a loss, -1 when it cannot be quantified. */
  loss: number;
  energy: number;
}

/** The diagnosis of one string's scan, as measure() gives it, without computing the curve. */
export function faultOf(inv: SimInverter, sub: SimSubtask): FaultText {
  if (sub.failed) return FAULTS.noData;
  if (!inv.config.has(sub.pvIndex)) return FAULTS.notSet;
  return FAULTS[inv.strings[sub.pvIndex - 1].condition];
}

export function measure(task: SimTask, inv: SimInverter, sub: SimSubtask): Measurement {
  const energy = Math.round((300 + hashUnit(sub.dn, sub.pvIndex, 'energy') * 1200) * 100) / 100;
  const fault = faultOf(inv, sub);
  if (fault === FAULTS.noData)
    return { fault, curve: null, kpis: null, stc: null, degradation: null, loss: -1, energy };
  const s = inv.strings[sub.pvIndex - 1];
  // Manual conditions are taken as the truth of the scan, so an offline demo scans at any hour.
  const manual = task.environmentalParameters === 1;
  const g = manual
    ? (task.modulePlaneIrradiance as number)
    : Math.max(20, planeIrradiance(inv.plant.latitude, inv.plant.longitude, sub.end));
  const tc = manual ? (task.moduleBackSurfaceTemperature as number) : cellTemperature(g);
  const mismatch = {
    current: 0.97 + 0.05 * hashUnit(sub.dn, sub.pvIndex, 'i'),
    voltage: 0.985 + 0.03 * hashUnit(sub.dn, sub.pvIndex, 'v'),
  };
  const curve = stringCurve(s.module, s.quantity, g, tc, s.condition, mismatch);
  const kpis = curveKpis(curve);
  if (fault === FAULTS.notSet) return { fault, curve, kpis: null, stc: null, degradation: null, loss: -1, energy };
  const m = s.module;
  const iScale = 1000 / g / (1 + (m.shortCircuitCurrentTemperatureCoefficient / 100) * (tc - 25));
  const vScale = 1 / (1 + (m.openCircuitVoltageTemperatureCoefficient / 100) * (tc - 25));
  const stc: CurveKpis = {
    voc: kpis.voc * vScale,
    isc: kpis.isc * iScale,
    vm: kpis.vm * vScale,
    im: kpis.im * iScale,
    pm: kpis.pm * vScale * iScale,
    ff: kpis.ff,
  };
  const rated = m.maxModulePower * s.quantity;
  const degradation = Math.max(0, (1 - stc.pm / rated) * 100);
  const loss = s.condition === 'normal' ? 0 : -Math.round(Math.max(0, rated - stc.pm) * (g / 1000));
  return { fault, curve, kpis, stc, degradation, loss, energy };
}

const r = (n: number, d = 3): number => Math.round(n * 10 ** d) / 10 ** d;

/** The 9.4.6 string form: "[null, 0.0,0.315,...]" for some strings, plain "0.0,0.315,..." for others. */
export function curveText(values: number[], leadingNull: boolean): string {
  const body = values.map((v) => (Number.isInteger(v) ? v.toFixed(1) : String(v))).join(',');
  return leadingNull ? `[null, ${body}]` : body;
}

export function kpiFields(m: Measurement): Record<string, number | null> {
  const k = m.kpis;
  const s = m.stc;
  return {
    stringTotalPEnergy: m.energy,
    stringFillFactor: k ? r(k.ff, 2) : null,
    stcStringFillFactor: s ? r(s.ff, 2) : null,
    stringVoc: k ? r(k.voc, 1) : null,
    stcStringVoc: s ? r(s.voc, 1) : null,
    stringIsc: k ? r(k.isc) : null,
    stcStringIsc: s ? r(s.isc) : null,
    stringVm: k ? r(k.vm, 1) : null,
    stcStringVm: s ? r(s.vm, 1) : null,
    stringIm: k ? r(k.im) : null,
    stcStringIm: s ? r(s.im) : null,
    stringPm: k ? r(k.pm, 1) : null,
    stcStringPm: s ? r(s.pm, 1) : null,
    stringVmVoc: k && k.voc ? r(k.vm / k.voc) : null,
    stringImIsc: k && k.isc ? r(k.im / k.isc) : null,
    stringDegradationRate: m.degradation === null ? null : r(m.degradation, 2),
  };
}
