import { isObject, type JsonObject } from '../core/normalise';
import type { MaxPowerPoint } from './normalise';

/** The one message runDiagnosis ends with: everything a finished task found, joined per string. */

export interface StringCurve {
  dn: string;
  pvIndex: number | null;
  pvName: string | null;
  inverterName: string | null;
  plantName: string | null;
  points: number;
  current: number[];
  voltage: number[];
  power: number[];
  mpp: MaxPowerPoint | null;
  /** From the fault list; null for strings it does not list (normal strings). */
  faultCode: number | null;
  faultName: string | null;
}

export interface DiagnosisReport {
  taskId: string;
  taskName: string;
  status: 'complete' | 'canceled';
  dns: string[];
  startTime: number;
  endTime: number;
  process: number | null;
  subtasks: JsonObject[];
  faults: JsonObject[];
  lossData: JsonObject[];
  curves: StringCurve[];
  /** Inverters whose curves could not be read, with the reason. */
  errors: { dn: string; code: string; message: string }[];
  svg?: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function objects(v: unknown): JsonObject[] {
  const list = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.list) ? v.list : [];
  return list.filter(isObject);
}

/** Curves of curveData items, labelled with their subtask (names) and fault (if any). */
export function joinCurves(items: JsonObject[], subtasks: JsonObject[], faults: JsonObject[]): StringCurve[] {
  const key = (dn: unknown, pv: unknown): string => `${String(dn)}\0${String(pv)}`;
  const faultBy = new Map(faults.map((f) => [key(f.inverterDN, f.pvIndex), f]));
  const subtaskBy = new Map(subtasks.map((s) => [key(s.inverterDN, s.pvName), s]));
  return items.map((item) => {
    const pvIndex = num(item.pvIndex);
    const fault = faultBy.get(key(item.dn, pvIndex));
    const pvName = str(fault?.pvName) ?? (pvIndex !== null ? `PV${pvIndex}` : null);
    const sub = subtaskBy.get(key(item.dn, pvName));
    return {
      dn: String(item.dn),
      pvIndex,
      pvName,
      inverterName: str(fault?.inverterName) ?? str(sub?.inverterName),
      plantName: str(fault?.plantName) ?? str(sub?.plantName),
      points: Array.isArray(item.current) ? item.current.length : 0,
      current: (item.current as number[]) ?? [],
      voltage: (item.voltage as number[]) ?? [],
      power: (item.power as number[]) ?? [],
      mpp: (item.mpp as MaxPowerPoint | null) ?? null,
      faultCode: num(fault?.faultCode),
      faultName: str(fault?.faultName),
    };
  });
}
