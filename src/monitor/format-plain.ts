import { fieldsOf } from './fields';
import type { OutMessage } from './output';
import type { Reading } from './types';

/** `msg.payload`: the reading with every value's unit beside it (`units`). */
export function plainMessage(r: Reading, api: 'v7' | 'v6'): OutMessage {
  const meta = fieldsOf(r, api);
  const values: Record<string, number | string> = {};
  const units: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.values)) {
    if (v === null) continue;
    values[k] = v;
    const unit = r.units?.[k] ?? meta[k]?.unit;
    if (unit) units[k] = unit;
  }
  const payload: Record<string, unknown> = {
    kind: r.kind,
    code: r.code,
    plantCode: r.plantCode,
    source: r.source,
    time: r.time,
    values,
    units,
  };
  if (r.devTypeId !== undefined) payload.devTypeId = r.devTypeId;
  return { topic: r.code, payload };
}
