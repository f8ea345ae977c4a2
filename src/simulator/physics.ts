import { DEV, type SimPlant } from './fleet';

/**
 * The simulated plants' physics as pure functions of (seed, plant, 5-minute slot): PV from
 * the sun's position at the plant's longitude and latitude with seeded cloud, and load. The
 * same slot always gives the same numbers, so real-time and history agree and tests can
 * compare them. Battery and energy totals build on this (physics-battery.ts,
 * physics-energy.ts).
 */

export const SLOT_MS = 5 * 60_000;
export const SLOTS_PER_DAY = 288;
export const DAY_MS = 86_400_000;
const RAD = Math.PI / 180;
/** Share of the nameplate a module delivers with the sun at the zenith (losses, temperature). */
const PEAK_YIELD = 0.85;

/** A fast stable hash of integers to [0, 1): weather must not depend on call order. */
export function unit(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    h = Math.imul(h ^ (x | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 4294967296;
}

const keys = new Map<string, number>();
/** Integer identity of a plant for the hashes. */
export function plantKey(plant: SimPlant): number {
  let k = keys.get(plant.plantCode);
  if (k === undefined) {
    k = 2166136261;
    for (let i = 0; i < plant.plantCode.length; i++) k = Math.imul(k ^ plant.plantCode.charCodeAt(i), 16777619);
    keys.set(plant.plantCode, k);
  }
  return k;
}

export function offsetMs(plant: SimPlant): number {
  return plant.tzOffsetMin * 60_000;
}

/** The plant's calendar day of a time (days since 1970-01-01 in plant time). */
export function localDay(plant: SimPlant, t: number): number {
  return Math.floor((t + offsetMs(plant)) / DAY_MS);
}

/** First 5-minute slot of a plant day. */
export function dayStartSlot(plant: SimPlant, day: number): number {
  return Math.round((day * DAY_MS - offsetMs(plant)) / SLOT_MS);
}

export function slotOf(t: number): number {
  return Math.floor(t / SLOT_MS);
}

/** Solar declination: spring equinox near day 79 of the year. */
function declination(t: number): number {
  return 23.44 * RAD * Math.sin((2 * Math.PI * (t / DAY_MS - 79)) / 365.2422);
}

/** Cosine of the sun's zenith angle at a time: negative at night. */
export function cosZenith(plant: SimPlant, t: number): number {
  const lat = plant.latitude * RAD;
  const dec = declination(t);
  const solarHours = ((t % DAY_MS) / 3_600_000 + plant.longitude / 15 + 48) % 24;
  const hourAngle = (solarHours - 12) * 15 * RAD;
  return Math.sin(lat) * Math.sin(dec) + Math.cos(lat) * Math.cos(dec) * Math.cos(hourAngle);
}

/** Rated AC power of the plant's inverters, kW: PV beyond it is clipped. */
export function inverterKw(plant: SimPlant): number {
  return plant.devices.filter((d) => d.deviceTypeId === DEV.inverter).reduce((s, d) => s + (d.ratedPower ?? 0), 0);
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Average PV power of a slot in kW: zero at night, seeded cloud per day and per slot. */
export function slotPv(seed: number, plant: SimPlant, slot: number): number {
  const cos = cosZenith(plant, slot * SLOT_MS + SLOT_MS / 2);
  if (cos <= 0) return 0;
  const key = plantKey(plant);
  const cloudiness = 0.7 * unit(seed, key, localDay(plant, slot * SLOT_MS), 1) ** 2;
  const weather = 1 - cloudiness * (0.5 + 0.5 * unit(seed, key, slot, 2));
  return round3(Math.min(inverterKw(plant), plant.capacity * PEAK_YIELD * cos ** 1.2 * weather));
}

function bump(hour: number, centre: number, width: number): number {
  const d = (hour - centre) / width;
  return Math.exp(-d * d);
}

/** Average load of a slot in kW: homes peak morning and evening, businesses by day. */
export function slotLoad(seed: number, plant: SimPlant, slot: number): number {
  const t = slot * SLOT_MS + SLOT_MS / 2;
  const hour = ((t + offsetMs(plant)) % DAY_MS) / 3_600_000;
  const noise = unit(seed, plantKey(plant), slot, 3);
  const cap = plant.capacity;
  const kw =
    cap < 30
      ? (0.25 + cap * 0.02 + 0.8 * bump(hour, 7.5, 1) + 1.6 * bump(hour, 19.5, 1.5) + 0.3 * bump(hour, 13, 2)) *
        (0.8 + 0.4 * noise)
      : (0.08 * cap + 0.35 * cap * bump(hour, 13, 3.5)) * (0.9 + 0.2 * noise);
  return round3(kw);
}

/**
 * Clear-sky PV energy of a whole day, kWh, in closed form: an upper bound of what the slots
 * add up to (cloud and clipping only take away). Months before the current one count at
 * this bound, so the total never falls at a month change.
 */
export function clearDayEnergy(plant: SimPlant, day: number): number {
  const lat = plant.latitude * RAD;
  const dec = declination(day * DAY_MS + DAY_MS / 2);
  const x = Math.max(-1, Math.min(1, -Math.tan(lat) * Math.tan(dec)));
  const ws = Math.acos(x);
  const sunHours = (24 / Math.PI) * (Math.cos(lat) * Math.cos(dec) * Math.sin(ws) + ws * Math.sin(lat) * Math.sin(dec));
  // 1 % and 0.2 kWh over the integral cover the slot sampling and rounding to watt-hours.
  return 1.01 * plant.capacity * PEAK_YIELD * Math.max(0, sunHours) + 0.2;
}
