/**
 * Units of the V6 device keys (reference 6.2.6-6.2.11), per device type: the same key
 * carries different units on different types (grid meter `active_power` kW, power sensor
 * W). Results carry the units of the keys they hold, so a flow never has to guess.
 */

type Units = Readonly<Record<string, string>>;

const GRID = { ab_u: 'V', bc_u: 'V', ca_u: 'V', a_u: 'V', b_u: 'V', c_u: 'V', a_i: 'A', b_i: 'A', c_i: 'A' };

const INVERTER: Units = {
  ...GRID,
  efficiency: '%',
  temperature: '°C',
  elec_freq: 'Hz',
  active_power: 'kW',
  reactive_power: 'kVar',
  day_cap: 'kWh',
  mppt_power: 'kW',
  total_cap: 'kWh',
  open_time: 'ms',
  close_time: 'ms',
  mppt_total_cap: 'kWh',
  // Day/month/year reports (6.2.9-6.2.11).
  installed_capacity: 'kW',
  product_power: 'kWh',
  perpower_ratio: 'h',
};

const METER_ENERGY = ['active_cap', 'reverse_active_cap', 'forward_reactive_cap', 'reverse_reactive_cap'];
const TARIFFS = ['peak', 'power', 'valley', 'top'];

function meter(): Units {
  const u: Record<string, string> = {
    ...GRID,
    active_power: 'kW',
    active_power_a: 'kW',
    active_power_b: 'kW',
    active_power_c: 'kW',
    reactive_power: 'kVar',
    reactive_power_a: 'kVar',
    reactive_power_b: 'kVar',
    reactive_power_c: 'kVar',
    total_apparent_power: 'kVA',
    grid_frequency: 'Hz',
  };
  for (const k of METER_ENERGY) u[k] = 'kWh';
  for (const dir of ['positive', 'reverse']) {
    for (const t of TARIFFS) {
      u[`${dir}_active_${t}`] = 'kWh';
      // The reference writes "kVar" for these reactive energy registers.
      u[`${dir}_reactive_${t}`] = 'kVar';
    }
  }
  return u;
}

const STORAGE = {
  ch_discharge_power: 'W',
  battery_soc: '%',
  charge_cap: 'kWh',
  discharge_cap: 'kWh',
  charge_time: 'h',
  discharge_time: 'h',
};

export const UNITS: Readonly<Record<number, Units>> = {
  1: INVERTER,
  38: INVERTER,
  10: {
    temperature: '°C',
    pv_temperature: '°C',
    wind_speed: 'm/s',
    wind_direction: '°',
    radiant_total: 'MJ/m²',
    radiant_line: 'W/m²',
    horiz_radiant_line: 'W/m²',
    horiz_radiant_total: 'MJ/m²',
  },
  17: meter(),
  47: {
    meter_u: 'V',
    meter_i: 'A',
    active_power: 'W',
    reactive_power: 'Var',
    grid_frequency: 'Hz',
    active_cap: 'kWh',
    reverse_active_cap: 'kWh',
  },
  39: { ...STORAGE, max_charge_power: 'W', max_discharge_power: 'W', busbar_u: 'V' },
  41: STORAGE,
};

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/^pv\d+_u$/, 'V'],
  [/^pv\d+_i$/, 'A'],
  [/^mppt_\d+_cap$/, 'kWh'],
];

export function unitOf(devTypeId: number, key: string): string | undefined {
  const table = UNITS[devTypeId];
  if (!table) return undefined;
  if (table[key]) return table[key];
  if (devTypeId !== 1 && devTypeId !== 38) return undefined;
  for (const [re, unit] of PATTERNS) if (re.test(key)) return unit;
  return undefined;
}

/** Units of the keys of one data map, for the keys that have one. */
export function unitsFor(devTypeId: number, map: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(map)) {
    const u = unitOf(devTypeId, k);
    if (u) out[k] = u;
  }
  return out;
}
