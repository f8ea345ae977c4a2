import { MINUTE } from '../../client/quota/rules';
import { chargeDischargeStatus } from './dispatch';
import { drmStatus } from './drm';
import { defaultSettingStatus } from './grid';
import { listOf } from './results';
import type { Subtask, SubtaskState, TrackSpec } from './tracking';
import { isObject, toNumber, toStr, type JsonObject } from '../core/normalise';
import { text } from '../../text';

/**
 * Which status operation follows which command, and how often. 9.3.5 updates a dispatch's
 * status every 3 minutes and times it out after 24 hours, so polling faster than 3 minutes
 * (the quota would allow one a minute) only spends calls. Default and DRM tasks have no
 * documented duration (20615 suggests minutes): one poll a minute uses a tenth of the
 * 10-a-minute quota and, over the hour allowed, 60 of the 1000 calls a day.
 */

const HOUR = 60 * MINUTE;

function dispatchId(item: JsonObject): string {
  return toStr(item.remoteID) ?? `${toStr(item.plantCode) ?? ''}/${toStr(item.sn) ?? ''}`;
}

/** 9.3.5: 0 complete, 1 in progress, 2 timeout or failure. */
function dispatchState(status: unknown): SubtaskState {
  const n = toNumber(status);
  return n === 0 ? 'succeeded' : n === 2 ? 'failed' : 'running';
}

/** 9.6.1.4 / 9.6.1.7: "0" executing, "1" successful, "2" failed. */
function taskState(status: unknown): SubtaskState {
  const s = toStr(status);
  return s === '1' ? 'succeeded' : s === '2' ? 'failed' : 'running';
}

const accepted = (items: JsonObject[], key: string): JsonObject[] => items.filter((i) => toNumber(i[key]) === 0);

export const TRACKING: Readonly<Record<string, TrackSpec>> = {
  chargeDischarge: {
    status: chargeDischargeStatus,
    pollMs: 3 * MINUTE,
    timeoutMs: 24 * HOUR,
    plan(payload, params) {
      const items = accepted(listOf(payload), 'dispatchResult');
      const requestID = items[0]?.requestID ?? params.requestID;
      if (!items.length || requestID === undefined) return undefined;
      return { key: text(requestID), query: { requestID }, ids: items.map(dispatchId) };
    },
    subtasks: (data): Subtask[] =>
      listOf(data).map((item) => ({
        id: dispatchId(item),
        group: dispatchId(item),
        state: dispatchState(item.status),
        item,
      })),
  },
  defaultSetting: {
    status: defaultSettingStatus,
    pollMs: MINUTE,
    timeoutMs: HOUR,
    plan(payload) {
      if (!isObject(payload) || typeof payload.requestId !== 'string') return undefined;
      const ids = accepted(listOf(payload.tasks), 'result').map((t) => String(t.plantCode));
      return ids.length ? { key: payload.requestId, query: { requestId: payload.requestId }, ids } : undefined;
    },
    subtasks: (data): Subtask[] =>
      listOf(data).map((item) => ({
        id: String(item.plantCode),
        group: String(item.plantCode),
        state: taskState(item.status),
        item,
      })),
  },
  drm: {
    status: drmStatus,
    pollMs: MINUTE,
    timeoutMs: HOUR,
    plan(payload) {
      const ids = accepted(listOf(payload), 'result')
        .map((i) => toStr(i.remoteId))
        .filter((id): id is string => !!id);
      return ids.length ? { key: ids.join(','), query: { remoteIds: ids }, ids } : undefined;
    },
    subtasks: (data): Subtask[] =>
      listOf(data).flatMap((plant): Subtask[] => {
        const group = String(plant.remoteId);
        const devices = listOf(plant.devicesStatusInfo);
        if (!devices.length) return [{ id: group, group, state: 'running', item: plant }];
        return devices.map((d): Subtask => ({
          id: `${group}/${String(d.dn)}`,
          group,
          state: taskState(d.status),
          item: { remoteId: group, plantCode: plant.plantCode, ...d },
        }));
      }),
  },
};
