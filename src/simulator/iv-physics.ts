import type { SimModule } from './iv-modules';

/**
 * Physics behind the simulated I-V scans: clear-sky irradiance on a tilted module plane and
 * the single-diode model of a string of modules with bypass diodes, so curves have the
 * knee, shading steps and slopes that real diagnosis looks for.
 */

const RAD = Math.PI / 180;
const K_OVER_Q = 8.617333e-5;
/** Diode ideality factor of crystalline silicon cells. */
const IDEALITY = 1.2;
const SHUNT_OHM = 300;
/** Forward voltage of a module's conducting bypass diodes. */
const BYPASS_V = -0.5;

/** W/m² on a plane tilted toward the equator, from sun position and a Meinel clear sky. */
export function planeIrradiance(lat: number, lon: number, t: number): number {
  const date = new Date(t);
  const day = Math.floor((t - Date.UTC(date.getUTCFullYear(), 0, 0)) / 86_400_000);
  const decl = 23.44 * Math.sin((2 * Math.PI * (284 + day)) / 365);
  const solarHour = date.getUTCHours() + date.getUTCMinutes() / 60 + lon / 15;
  const hourAngle = 15 * (solarHour - 12);
  const sinElev =
    Math.sin(lat * RAD) * Math.sin(decl * RAD) + Math.cos(lat * RAD) * Math.cos(decl * RAD) * Math.cos(hourAngle * RAD);
  if (sinElev <= 0.02) return 0;
  const dni = 1353 * 0.7 ** ((1 / sinElev) ** 0.678);
  const side = lat >= 0 ? 1 : -1;
  const tilt = Math.min(35, Math.abs(lat) * 0.8);
  const latTilt = (Math.abs(lat) - tilt) * RAD;
  const declSide = side * decl * RAD;
  const cosInc =
    Math.sin(declSide) * Math.sin(latTilt) + Math.cos(declSide) * Math.cos(hourAngle * RAD) * Math.cos(latTilt);
  return Math.round(dni * Math.max(0, cosInc) + 0.1 * dni);
}

/** Cell temperature (°C): warmer air and sun-heated modules as irradiance rises. */
export function cellTemperature(g: number): number {
  return Math.round((20 + 5 * (g / 1000) + (g / 800) * 25) * 10) / 10;
}

export type Condition = 'normal' | 'lowCurrent' | 'shading' | 'degraded';

interface ModuleState {
  iph: number;
  i0: number;
  a: number;
  rs: number;
}

/** Single-diode parameters of one module at irradiance g and cell temperature tc. */
function moduleState(
  m: SimModule,
  g: number,
  tc: number,
  photoFactor: number,
  rsFactor: number,
  vocFactor: number,
): ModuleState {
  // Half-cut modules (108, 132, 144 cells) are two parallel halves: half the cells in series.
  const series = m.cellQuantity > 72 ? m.cellQuantity / 2 : m.cellQuantity;
  const aStc = IDEALITY * series * K_OVER_Q * 298.15;
  const i0Stc = m.moduleShortCircuitCurrent / (Math.exp(m.moduleOpenCircuitVoltage / aStc) - 1);
  const rsFit =
    (aStc * Math.log((m.moduleShortCircuitCurrent - m.optimalModuleOperatingCurrent) / i0Stc + 1) -
      m.optimalModuleOperatingVoltage) /
    m.optimalModuleOperatingCurrent;
  const a = IDEALITY * series * K_OVER_Q * (tc + 273.15);
  const iph =
    m.moduleShortCircuitCurrent *
    (g / 1000) *
    (1 + (m.shortCircuitCurrentTemperatureCoefficient / 100) * (tc - 25)) *
    photoFactor;
  const voc =
    vocFactor *
    (m.moduleOpenCircuitVoltage * (1 + (m.openCircuitVoltageTemperatureCoefficient / 100) * (tc - 25)) +
      a * Math.log(Math.max(g, 1) / 1000));
  return { iph, i0: iph / (Math.exp(Math.max(voc, 0.1) / a) - 1), a, rs: Math.max(0.05, rsFit) * rsFactor };
}

/** Module voltage at current i; a module that cannot carry i is bypassed. */
function moduleVoltage(s: ModuleState, i: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const arg = (s.iph - i - (v + i * s.rs) / SHUNT_OHM) / s.i0 + 1;
    if (arg <= 1e-12) return BYPASS_V;
    v = s.a * Math.log(arg) - i * s.rs;
  }
  return Math.max(BYPASS_V, v);
}

/**
 * The I-V curve of `quantity` modules in series as `points` scan points, ordered from open
 * circuit (no current) to short circuit (no voltage) as the live API returns them.
 */
export function stringCurve(
  m: SimModule,
  quantity: number,
  g: number,
  tc: number,
  condition: Condition,
  /** Factors of a few percent that make strings of the same modules differ, as real ones do. */
  mismatch: { current: number; voltage: number } = { current: 1, voltage: 1 },
  points = 128,
): { current: number[]; voltage: number[] } {
  const shaded = condition === 'shading' ? Math.max(1, Math.round(quantity / 3)) : 0;
  const photo = (condition === 'lowCurrent' ? 0.72 : condition === 'degraded' ? 0.93 : 1) * mismatch.current;
  const modules: ModuleState[] = [];
  for (let k = 0; k < quantity; k++) {
    modules.push(
      moduleState(
        m,
        g,
        tc,
        k < shaded ? photo * 0.35 : photo,
        condition === 'degraded' ? 4 : 1,
        (condition === 'degraded' ? 0.97 : 1) * mismatch.voltage,
      ),
    );
  }
  const isc = Math.max(...modules.map((s) => s.iph));
  // Sample the curve densely in current, where it is explicit, then resample in voltage.
  const dense: Array<[number, number]> = [];
  const steps = 600;
  for (let k = 0; k <= steps; k++) {
    const i = (isc * k) / steps;
    dense.push([
      i,
      Math.max(
        0,
        modules.reduce((sum, s) => sum + moduleVoltage(s, i), 0),
      ),
    ]);
  }
  const voc = dense[0][1];
  const current: number[] = [];
  const voltage: number[] = [];
  let j = 0;
  for (let p = 0; p < points; p++) {
    const v = voc * (1 - p / (points - 1));
    while (j < dense.length - 2 && dense[j + 1][1] > v) j++;
    const [i1, v1] = dense[j];
    const [i2, v2] = dense[j + 1];
    const i = v1 === v2 ? i2 : i1 + ((v1 - v) / (v1 - v2)) * (i2 - i1);
    current.push(Math.round(Math.max(0, Math.min(isc, i)) * 1000) / 1000);
    voltage.push(Math.round(v * 10) / 10);
  }
  return { current, voltage };
}

export interface CurveKpis {
  voc: number;
  isc: number;
  vm: number;
  im: number;
  pm: number;
  ff: number;
}

export function curveKpis(c: { current: number[]; voltage: number[] }): CurveKpis {
  let best = 0;
  for (let k = 1; k < c.current.length; k++)
    if (c.current[k] * c.voltage[k] > c.current[best] * c.voltage[best]) best = k;
  const voc = c.voltage[0];
  const isc = c.current[c.current.length - 1];
  const pm = c.current[best] * c.voltage[best];
  return {
    voc,
    isc,
    vm: c.voltage[best],
    im: c.current[best],
    pm,
    ff: voc > 0 && isc > 0 ? (pm / (voc * isc)) * 100 : 0,
  };
}
