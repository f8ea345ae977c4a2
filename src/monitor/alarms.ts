import { isObject } from '../api/core/normalise';
import type { Alarm } from './types';
import { text } from '../text';

/** Filters that make an alarm list partial: an alarm missing from such an answer is not cleared. */
const FILTERS = ['beginTime', 'endTime', 'status', 'levels', 'devTypes', 'types', 'devName'] as const;

function keyOf(a: Record<string, unknown>): string {
  return [a.stationCode, a.alarmId, a.causeId, a.esnCode ?? a.devName, a.raiseTime].map((v) => text(v ?? '')).join('|');
}

/**
 * V6 alarms as events: an alarm is `raised` the first time a full alarm list of its plant
 * shows it and `cleared` when a later full list of that plant no longer does (6.1.7 lists
 * only current alarms). The open alarms are lasting state: a restart raises none again.
 */
export class AlarmTracker {
  constructor(
    private readonly open: Record<string, Record<string, unknown>>,
    private readonly watched: (stationCode: string) => boolean,
  ) {}

  /** One alarmList answer; `params` are the call's, `at` its time. */
  answer(params: Record<string, unknown>, data: unknown, at: number): Alarm[] {
    if (
      !Array.isArray(data) ||
      FILTERS.some(
        (k) =>
          k !== 'beginTime' &&
          k !== 'endTime' &&
          params[k] !== undefined &&
          !(Array.isArray(params[k]) && (params[k] as unknown[]).length === 0),
      )
    )
      return [];
    const covered = new Set((Array.isArray(params.stationCodes) ? params.stationCodes : []).map(String));
    const out: Alarm[] = [];
    const now = new Set<string>();
    for (const a of data) {
      if (!isObject(a) || typeof a.stationCode !== 'string' || !this.watched(a.stationCode)) continue;
      const key = keyOf(a);
      now.add(key);
      if (this.open[key]) continue;
      this.open[key] = { ...a };
      out.push({
        state: 'raised',
        key,
        plantCode: a.stationCode,
        time: typeof a.raiseTime === 'number' ? a.raiseTime : at,
        alarm: { ...a },
      });
    }
    for (const [key, a] of Object.entries(this.open)) {
      const code = String(a.stationCode);
      if (!covered.has(code) || now.has(key)) continue;
      delete this.open[key];
      out.push({ state: 'cleared', key, plantCode: code, time: at, alarm: a });
    }
    return out;
  }
}
