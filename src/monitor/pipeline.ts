import { CounterGuard } from './counters';
import { fieldsOf } from './fields';
import { influxMessage } from './format-influx';
import { HomeAssistantFormat } from './format-ha';
import { plainMessage } from './format-plain';
import type { Format, OutMessage } from './output';
import type { Identity, Reading } from './types';

export interface PipelineOptions {
  api: 'v7' | 'v6';
  format: Format;
  haPrefix: string;
  changesOnly: boolean;
  guard: CounterGuard;
  /** The plant's offset from UTC in minutes, for its midnight. */
  offsetOf(plantCode: string): number;
  identity(r: Reading): Identity;
}

function seriesOf(r: Reading): string {
  return `${r.kind}:${r.code}:${r.source}`;
}

function sameValues(a: Reading['values'], b: Reading['values']): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/**
 * Every reading, whoever's call brought it: counters guarded, unchanged readings dropped
 * (changesOnly), then shaped for the sink.
 */
export class Pipeline {
  /** Last reading emitted per series: changesOnly compares with it; `online` replays it. */
  readonly last = new Map<string, Reading>();
  private readonly ha: HomeAssistantFormat;

  constructor(private readonly o: PipelineOptions) {
    this.ha = new HomeAssistantFormat(o.haPrefix, o.api);
  }

  process(reading: Reading): OutMessage[] {
    const series = seriesOf(reading);
    const raw: Reading['values'] = { ...reading.values };
    this.o.guard.check(series, reading.time, raw, fieldsOf(reading, this.o.api), this.o.offsetOf(reading.plantCode));
    // A fresh object of what is left, not one with holes: it is compared and formatted next.
    const kept: Reading['values'] = {};
    let any = false;
    for (const k in raw) {
      const v = raw[k];
      if (v === null || v === undefined) continue;
      kept[k] = v;
      any = true;
    }
    if (!any) return [];
    const r: Reading = { ...reading, values: kept };
    const previous = this.last.get(series);
    // The same answer seen twice (two listeners of one call) is one reading.
    if (previous && previous.time === r.time) return [];
    if (this.o.changesOnly && previous && sameValues(previous.values, r.values)) return [];
    this.last.set(series, r);
    return this.format(r);
  }

  private format(r: Reading): OutMessage[] {
    if (this.o.format === 'influxdb') {
      const m = influxMessage([r], r.code);
      return m ? [m] : [];
    }
    if (this.o.format === 'homeassistant') return this.ha.messages(r, this.o.identity(r));
    return [plainMessage(r, this.o.api)];
  }

  /** Home Assistant came back online: every entity's config again, with its last state. */
  rediscover(): OutMessage[] {
    if (this.o.format !== 'homeassistant') return [];
    this.ha.rediscover();
    return this.ha.replay((r) => this.o.identity(r), this.last.values());
  }
}
