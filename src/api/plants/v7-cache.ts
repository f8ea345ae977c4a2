import type { V7DeviceRecord } from '../../client/client';
import type { ApiClient } from '../core/api-client';
import { isObject } from '../core/normalise';

/**
 * The devices V7 device lists answered, kept per plant: the editor's pickers offer them
 * without a device list call of their own. Only complete lists (every type, every page)
 * replace what a plant had, so a filtered list never hides the plant's other devices.
 */
export function learnV7Devices(client: ApiClient, plantCodes: readonly string[], items: readonly unknown[]): void {
  const byPlant = new Map(client.memory.v7Devices?.value ?? []);
  const listed = new Map<string, V7DeviceRecord[]>(plantCodes.map((c) => [c, []]));
  for (const item of items) {
    if (!isObject(item) || typeof item.dn !== 'string' || typeof item.plantCode !== 'string') continue;
    const own = listed.get(item.plantCode);
    if (!own) continue;
    const d: V7DeviceRecord = { dn: item.dn, plantCode: item.plantCode };
    if (typeof item.deviceTypeId === 'number') d.deviceTypeId = item.deviceTypeId;
    if (typeof item.sn === 'string' && item.sn) d.sn = item.sn;
    if (typeof item.deviceName === 'string') d.deviceName = item.deviceName;
    own.push(d);
  }
  for (const [code, devices] of listed) byPlant.set(code, devices);
  client.memory.v7Devices = { at: client.clock.now(), value: byPlant };
}
