import { DEVICE_TYPES, fieldsOf, type FieldMeta } from './fields';
import type { OutMessage } from './output';
import type { Identity, Reading } from './types';

/**
 * Home Assistant MQTT discovery for the core MQTT out node: a retained config message per
 * entity the first time it has a value (and again after Home Assistant announces `online`),
 * then one retained JSON state message per plant or device that all its sensors read from.
 */

/** MQTT topic levels and HA ids: letters, digits, `_` and `-` only, the same on every run. */
export function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'x';
}

export function objectId(r: Pick<Reading, 'kind' | 'code'>): string {
  return `fusionsolar_${r.kind}_${slug(r.code)}`;
}

export function uniqueId(r: Pick<Reading, 'kind' | 'code'>, field: string): string {
  return `${objectId(r)}_${slug(field)}`;
}

export function stateTopic(r: Pick<Reading, 'kind' | 'code'>): string {
  return `fusionsolar/${r.kind}/${slug(r.code)}/state`;
}

function deviceOf(r: Reading, id: Identity): Record<string, unknown> {
  const type = r.kind === 'plant' ? 'plant' : (DEVICE_TYPES[r.devTypeId ?? -1] ?? `device type ${r.devTypeId}`);
  const device: Record<string, unknown> = {
    identifiers: [objectId(r)],
    name: id.name || `FusionSolar ${type} ${r.code}`,
    manufacturer: 'Huawei',
    model: id.model || (r.kind === 'plant' ? 'FusionSolar plant' : type),
  };
  if (id.sn) device.serial_number = id.sn;
  if (r.kind === 'device' && r.plantCode) device.via_device = objectId({ kind: 'plant', code: r.plantCode });
  return device;
}

function configPayload(r: Reading, field: string, meta: FieldMeta | undefined, id: Identity): Record<string, unknown> {
  const p: Record<string, unknown> = {
    name: meta?.label ?? field,
    unique_id: uniqueId(r, field),
    object_id: uniqueId(r, field),
    state_topic: stateTopic(r),
    value_template: `{{ value_json.${slug(field)} }}`,
    device: deviceOf(r, id),
  };
  const unit = r.units?.[field] ?? meta?.unit;
  if (unit) p.unit_of_measurement = unit;
  if (meta?.deviceClass) p.device_class = meta.deviceClass;
  if (meta?.stateClass) p.state_class = meta.stateClass;
  return p;
}

export class HomeAssistantFormat {
  private readonly announced = new Set<string>();
  /** Last state per topic: a held-back counter keeps its last good value in the JSON. */
  private readonly states = new Map<string, Record<string, number | string>>();

  constructor(
    private readonly prefix: string,
    private readonly api: 'v7' | 'v6',
  ) {}

  /** Home Assistant restarted: every entity is announced again with its next state. */
  rediscover(): void {
    this.announced.clear();
  }

  /** Config for entities announced before, sent at once after `online` with the last states. */
  replay(identity: (r: Reading) => Identity, readings: Iterable<Reading>): OutMessage[] {
    const out: OutMessage[] = [];
    for (const r of readings) out.push(...this.messages(r, identity(r), true));
    return out;
  }

  /** Config messages for fields not yet announced, then the state. History points have no place in HA's present. */
  messages(r: Reading, id: Identity, forceState = false): OutMessage[] {
    if (r.source === 'history') return [];
    const meta = fieldsOf(r, this.api);
    const topic = stateTopic(r);
    const state = { ...(this.states.get(topic) ?? {}) };
    let changed = forceState;
    for (const [k, v] of Object.entries(r.values)) {
      if (v === null) continue;
      if (state[slug(k)] !== v) changed = true;
      state[slug(k)] = v;
    }
    this.states.set(topic, state);
    const out: OutMessage[] = [];
    for (const field of Object.keys(state)) {
      const uid = uniqueId(r, field);
      if (this.announced.has(uid)) continue;
      this.announced.add(uid);
      const name = Object.keys(r.values).find((k) => slug(k) === field) ?? field;
      out.push({
        topic: `${this.prefix}/sensor/${uid}/config`,
        payload: configPayload(r, name, meta[name], id),
        retain: true,
        qos: 1,
      });
    }
    if (changed || out.length) out.push({ topic, payload: state, retain: true, qos: 1 });
    return out;
  }
}
