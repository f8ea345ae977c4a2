/**
 * The simulated PV module library (9.4.10 / 9.4.11). The first two entries are the
 * reference's own examples; the others are generic modules of today's sizes.
 */
export interface SimModule {
  id: number;
  manufacturer: string;
  moduleModel: string;
  abbreviation: string;
  moduleType: number;
  maxModulePower: number;
  optimalModuleOperatingVoltage: number;
  optimalModuleOperatingCurrent: number;
  moduleOpenCircuitVoltage: number;
  moduleShortCircuitCurrent: number;
  maxPowerTemperatureCoefficient: number;
  openCircuitVoltageTemperatureCoefficient: number;
  shortCircuitCurrentTemperatureCoefficient: number;
  cellQuantity: number;
  moduleDegradationRateInFirstYear: number;
  moduleDegradationRateFromSecondYear: number;
  fillFactor: number;
  nominalModuleEfficiency: number;
  minWorkTemperature: number;
  maxWorkTemperature: number;
}

type Electrical = [
  power: number,
  vmp: number,
  imp: number,
  voc: number,
  isc: number,
  cells: number,
  efficiency: number,
];

/** Temperature coefficients (%/°C) of maximum power, open-circuit voltage and short-circuit current. */
type Coefficients = [power: number, voc: number, isc: number];

interface Vendor {
  manufacturer: string;
  abbreviation: string;
}

const GREEN_POWER: Vendor = { manufacturer: 'Green Power PV', abbreviation: 'GPPV' };
const JULI: Vendor = { manufacturer: 'Juli Solar', abbreviation: 'JLS' };
const SIM_SOLAR: Vendor = { manufacturer: 'Sim Solar', abbreviation: 'SIMS' };

function module(id: number, vendor: Vendor, model: string, type: number, e: Electrical, tc: Coefficients): SimModule {
  const [power, vmp, imp, voc, isc, cells, efficiency] = e;
  return {
    id,
    manufacturer: vendor.manufacturer,
    moduleModel: model,
    abbreviation: vendor.abbreviation,
    moduleType: type,
    maxModulePower: power,
    optimalModuleOperatingVoltage: vmp,
    optimalModuleOperatingCurrent: imp,
    moduleOpenCircuitVoltage: voc,
    moduleShortCircuitCurrent: isc,
    maxPowerTemperatureCoefficient: tc[0],
    openCircuitVoltageTemperatureCoefficient: tc[1],
    shortCircuitCurrentTemperatureCoefficient: tc[2],
    cellQuantity: cells,
    moduleDegradationRateInFirstYear: type >= 3 ? 2 : 2.5,
    moduleDegradationRateFromSecondYear: type >= 3 ? 0.55 : 0.7,
    fillFactor: Math.round(((vmp * imp) / (voc * isc)) * 10000) / 100,
    nominalModuleEfficiency: efficiency,
    minWorkTemperature: -40,
    maxWorkTemperature: 85,
  };
}

export const MODULE_LIBRARY: readonly SimModule[] = Object.freeze([
  module(180053, GREEN_POWER, 'GPM260P-B-60-7', 1, [250, 30.1, 8.31, 37.2, 8.62, 60, 15.4], [-0.48, -0.33, 0.05]),
  module(140003, JULI, 'JLS60M(156mm)-4', 2, [280, 31.95, 8.77, 39.22, 9.3, 60, 17.11], [-0.42, -0.34, 0.06]),
  module(200101, SIM_SOLAR, 'SS-410M-54', 4, [410, 31.4, 13.06, 37.5, 13.9, 108, 21.0], [-0.35, -0.27, 0.048]),
  module(200102, SIM_SOLAR, 'SS-440N-54', 3, [440, 32.6, 13.5, 39.1, 14.1, 108, 22.5], [-0.3, -0.25, 0.046]),
  module(200103, SIM_SOLAR, 'SS-550B-72', 5, [550, 41.9, 13.13, 49.9, 13.95, 144, 21.3], [-0.34, -0.26, 0.048]),
]);

export function moduleById(id: number): SimModule | undefined {
  return MODULE_LIBRARY.find((m) => m.id === id);
}
