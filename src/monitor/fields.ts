/**
 * What each value is: unit, Home Assistant classes, and whether it is an energy counter the
 * guard protects. Names are the API's own (V7 camelCase, V6 snake_case).
 */

export type Counter = 'lifetime' | 'daily' | 'monthly' | 'yearly';

export interface FieldMeta {
  unit?: string;
  deviceClass?:
    | 'energy'
    | 'power'
    | 'battery'
    | 'voltage'
    | 'current'
    | 'temperature'
    | 'frequency'
    | 'reactive_power'
    | 'power_factor'
    | 'monetary';
  stateClass?: 'measurement' | 'total_increasing' | 'total';
  counter?: Counter;
  /** Friendly name of the entity. */
  label: string;
}

const energy = (label: string, counter: Counter): FieldMeta => ({
  unit: 'kWh',
  deviceClass: 'energy',
  stateClass: 'total_increasing',
  counter,
  label,
});
const kw = (label: string): FieldMeta => ({ unit: 'kW', deviceClass: 'power', stateClass: 'measurement', label });
const percent = (label: string, battery = false): FieldMeta => ({
  unit: '%',
  ...(battery ? { deviceClass: 'battery' as const } : {}),
  stateClass: 'measurement',
  label,
});
const volts = (label: string): FieldMeta => ({ unit: 'V', deviceClass: 'voltage', stateClass: 'measurement', label });
const amps = (label: string): FieldMeta => ({ unit: 'A', deviceClass: 'current', stateClass: 'measurement', label });

/** V7 plant real-time KPI (9.3.2): energies kWh, powers kW, SOC/DOD percent. */
export const V7_PLANT: Record<string, FieldMeta> = {
  dayEnergy: energy('Energy today', 'daily'),
  monthEnergy: energy('Energy this month', 'monthly'),
  totalEnergy: energy('Energy total', 'lifetime'),
  pvPower: kw('PV power'),
  meterPower: kw('Grid power'),
  batteryPower: kw('Battery power'),
  loadPower: kw('Load power'),
  batterySOC: percent('Battery SOC', true),
  batteryDOD: percent('Battery DOD'),
  healthState: { label: 'Health state' },
};

/** V7 5-minute history points (9.3.3): energies of the slot, not counters. */
export const V7_POINT: Record<string, FieldMeta> = {
  pvEnergy: { unit: 'kWh', deviceClass: 'energy', stateClass: 'measurement', label: 'PV energy (5 min)' },
  batterySOC: percent('Battery SOC', true),
};

/** V6 plant real-time KPI (getStationRealKpi). */
export const V6_PLANT: Record<string, FieldMeta> = {
  day_power: energy('Energy today', 'daily'),
  month_power: energy('Energy this month', 'monthly'),
  total_power: energy('Energy total', 'lifetime'),
  day_income: { label: 'Income today', stateClass: 'total_increasing', counter: 'daily' },
  total_income: { label: 'Income total', stateClass: 'total_increasing', counter: 'lifetime' },
  real_health_state: { label: 'Health state' },
};

/** Phase voltages and currents: the same keys on V6 inverters and meters. */
const THREE_PHASE: Record<string, FieldMeta> = {
  a_u: volts('Phase A voltage'),
  b_u: volts('Phase B voltage'),
  c_u: volts('Phase C voltage'),
  a_i: amps('Phase A current'),
  b_i: amps('Phase B current'),
  c_i: amps('Phase C current'),
};

/**
 * V6 device real-time KPI (getDevRealKpi) by device type:
 * inverter 1, meter 17 and 47, battery 39, EMI 10, string inverter 38.
 */
const V6_INVERTER: Record<string, FieldMeta> = {
  day_cap: energy('Energy today', 'daily'),
  total_cap: energy('Energy total', 'lifetime'),
  active_power: kw('Active power'),
  reactive_power: { unit: 'kvar', deviceClass: 'reactive_power', stateClass: 'measurement', label: 'Reactive power' },
  mppt_power: kw('MPPT power'),
  mppt_total_cap: energy('MPPT energy total', 'lifetime'),
  efficiency: percent('Efficiency'),
  temperature: { unit: '°C', deviceClass: 'temperature', stateClass: 'measurement', label: 'Temperature' },
  power_factor: { deviceClass: 'power_factor', stateClass: 'measurement', label: 'Power factor' },
  elec_freq: { unit: 'Hz', deviceClass: 'frequency', stateClass: 'measurement', label: 'Grid frequency' },
  ...THREE_PHASE,
  inverter_state: { label: 'State' },
  run_state: { label: 'Run state' },
};
const V6_METER: Record<string, FieldMeta> = {
  active_power: kw('Active power'),
  reactive_power: { unit: 'kvar', deviceClass: 'reactive_power', stateClass: 'measurement', label: 'Reactive power' },
  power_factor: { deviceClass: 'power_factor', stateClass: 'measurement', label: 'Power factor' },
  grid_frequency: { unit: 'Hz', deviceClass: 'frequency', stateClass: 'measurement', label: 'Grid frequency' },
  active_cap: energy('Energy imported total', 'lifetime'),
  reverse_active_cap: energy('Energy exported total', 'lifetime'),
  meter_u: volts('Voltage'),
  meter_i: amps('Current'),
  ...THREE_PHASE,
  meter_status: { label: 'Status' },
  run_state: { label: 'Run state' },
};
const V6_BATTERY: Record<string, FieldMeta> = {
  battery_soc: percent('Battery SOC', true),
  battery_soh: percent('Battery SOH'),
  ch_discharge_power: { unit: 'W', deviceClass: 'power', stateClass: 'measurement', label: 'Charge/discharge power' },
  charge_cap: energy('Charged today', 'daily'),
  discharge_cap: energy('Discharged today', 'daily'),
  busbar_u: volts('Busbar voltage'),
  battery_status: { label: 'Status' },
  run_state: { label: 'Run state' },
};

export const V6_DEVICE: Record<number, Record<string, FieldMeta>> = {
  1: V6_INVERTER,
  38: V6_INVERTER,
  17: V6_METER,
  47: V6_METER,
  39: V6_BATTERY,
};

/** Device type names for tags and Home Assistant models (reference chapter 10 / V6 appendix). */
export const DEVICE_TYPES: Record<number, string> = {
  1: 'inverter',
  2: 'smartlogger',
  8: 'transformer',
  10: 'emi',
  13: 'protocol-converter',
  16: 'general-device',
  17: 'grid-meter',
  22: 'pid',
  37: 'pinnet-datalogger',
  38: 'residential-inverter',
  39: 'battery',
  40: 'backup-box',
  41: 'ess',
  45: 'plc',
  46: 'optimizer',
  47: 'power-sensor',
  62: 'dongle',
  63: 'distributed-smartlogger',
  70: 'safety-box',
};

export function fieldsOf(
  reading: { kind: 'plant' | 'device'; devTypeId?: number; source: 'realtime' | 'history' },
  api: 'v7' | 'v6',
): Record<string, FieldMeta> {
  if (reading.kind === 'device') return V6_DEVICE[reading.devTypeId ?? -1] ?? {};
  if (reading.source === 'history') return V7_POINT;
  return api === 'v6' ? V6_PLANT : V7_PLANT;
}
