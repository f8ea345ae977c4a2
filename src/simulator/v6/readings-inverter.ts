import { DEV } from '../fleet';
import { dayStartSlot, localDay, plantKey, SLOT_MS, SLOTS_PER_DAY, slotPv, unit } from '../physics';
import { dayEnergy, energies } from '../physics-energy';
import { causeOff, DRM, inverterOff } from '../physics-inverters';
import type { JsonObject } from '../types';
import type { Ctx, Moment } from './context';
import { T, type V6Device } from './devices';
import { code, out } from './values';

/** 6.2.6 string (1) and residential (38) inverters: AC side, PV strings, MPPT energy. */

const PV_U = Array.from({ length: 28 }, (_, k) => `pv${k + 1}_u`);
const PV_I = Array.from({ length: 28 }, (_, k) => `pv${k + 1}_i`);
const MPPT = Array.from({ length: 10 }, (_, k) => `mppt_${k + 1}_cap`);
const shares = new WeakMap<V6Device, number>();

/** The inverter's share of its plant's PV, by rated power. */
export function shareOf(d: V6Device): number {
  const known = shares.get(d);
  if (known !== undefined) return known;
  const invs = d.plant.devices.filter((x) => x.deviceTypeId === DEV.inverter);
  const total = invs.reduce((s, x) => s + (x.ratedPower ?? 1), 0);
  const share = total > 0 ? (d.dev?.ratedPower ?? 1) / total : 1;
  shares.set(d, share);
  return share;
}

/** A plant day's first and last slot with sun (-1 without): the same for every inverter and poll of the day. */
function sunSlots(ctx: Ctx, d: V6Device, first: number): { firstSun: number; lastSun: number } {
  let days = ctx.sim.state.get('v6.sun') as Map<string, { firstSun: number; lastSun: number }> | undefined;
  if (!days || days.size > 100_000) {
    days = new Map();
    ctx.sim.state.set('v6.sun', days);
  }
  const key = `${d.plant.plantCode}|${first}`;
  let s = days.get(key);
  if (!s) {
    s = { firstSun: -1, lastSun: -1 };
    for (let k = first; k < first + SLOTS_PER_DAY; k++) {
      if (slotPv(ctx.sim.options.seed, d.plant, k) > 0) {
        if (s.firstSun < 0) s.firstSun = k;
        s.lastSun = k;
      }
    }
    days.set(key, s);
  }
  return s;
}

/** Startup and shutdown of today: the first and last slot with sun, when they have passed. */
function openClose(ctx: Ctx, d: V6Device, m: Moment): { open: number | null; close: number | null } {
  const { firstSun, lastSun } = sunSlots(ctx, d, dayStartSlot(d.plant, localDay(d.plant, m.t)));
  const open = firstSun >= 0 && firstSun * SLOT_MS <= m.t ? firstSun * SLOT_MS : null;
  const close = lastSun >= 0 && (lastSun + 1) * SLOT_MS <= m.t ? (lastSun + 1) * SLOT_MS : null;
  return { open, close };
}

/** The plant's energies at `t`, once per request however many of its inverters are read. */
function plantEnergy(
  ctx: Ctx,
  plant: V6Device['plant'],
  t: number,
): { energy: ReturnType<typeof energies>; today: number } {
  const key = `${plant.plantCode}|${t}`;
  let e = ctx.energy.get(key);
  if (!e) {
    e = {
      energy: energies(ctx.sim, plant, t),
      today: dayEnergy(ctx.sim, plant, localDay(plant, t - 1), Math.floor(t / SLOT_MS)),
    };
    ctx.energy.set(key, e);
  }
  return e;
}

export function inverterMap(ctx: Ctx, d: V6Device, m: Moment): JsonObject {
  const { sim } = ctx;
  const plant = d.plant;
  const residential = d.devTypeId === T.residentialInverter;
  const at = m.live ? m.t : m.t + SLOT_MS / 2;
  const stopped = d.dev ? inverterOff(sim, d.dev, at) : false;
  const drm = d.dev ? causeOff(sim, d.dev, DRM, at) : false;
  const share = shareOf(d);
  const ac = stopped ? 0 : m.pv * share;
  const awake = m.pv > 0;
  const noise = (salt: number): number => unit(sim.options.seed, plantKey(plant), m.slot, d.id % 100_000, salt);
  const efficiency = awake && !stopped ? 97.6 + noise(1) * 0.9 : 0;
  const dc = efficiency > 0 ? ac / (efficiency / 100) : 0;
  const strings = d.dev?.strings ?? 2;
  const big = plant.capacity >= 30;
  // Written straight through `out`: a 3-day history of 10 inverters is 8640 of these maps.
  const map: JsonObject = {};
  const put = (k: string, x: number | null): void => {
    map[k] = out(sim, plant, x);
  };
  const pvKeys = residential ? 8 : sim.options.quirks ? 28 : 24;
  for (let k = 1; k <= pvKeys; k++) {
    const used = k <= strings;
    const u = awake ? (big ? 600 : 380) * (0.96 + 0.08 * noise(10 + k)) : 0;
    put(PV_U[k - 1], used ? u : null);
    put(PV_I[k - 1], used ? (u > 0 ? (dc * 1000) / strings / u : 0) : null);
  }
  const v = (base: number, salt: number): number => (awake ? base * (0.98 + 0.04 * noise(salt)) : 0);
  const phaseI = ac > 0 ? (ac * 1000) / (3 * 230) : 0;
  const t = m.live ? m.t : m.t + SLOT_MS;
  const { energy, today } = plantEnergy(ctx, plant, t);
  const total = energy.totalEnergy * share;
  const mppts = Math.min(residential ? 4 : 10, Math.max(1, Math.ceil(strings / 2)));
  for (let k = 1; k <= (residential ? 4 : 10); k++) put(MPPT[k - 1], k <= mppts ? (total * 1.015) / mppts : null);
  if (!residential) put('mppt_total_cap', total * 1.015);
  const { open, close } = m.live ? openClose(ctx, d, m) : { open: null, close: null };
  const rest: Record<string, number> = {
    ab_u: v(400, 2),
    bc_u: v(400, 3),
    ca_u: v(400, 4),
    a_u: v(230, 5),
    b_u: v(230, 6),
    c_u: v(230, 7),
    a_i: phaseI,
    b_i: phaseI,
    c_i: phaseI,
    efficiency,
    temperature: 22 + (ac / Math.max(1, d.dev?.ratedPower ?? 10)) * 25 + noise(8) * 3,
    power_factor: ac > 0 ? 1 : 0,
    elec_freq: awake ? 49.97 + noise(9) * 0.06 : 0,
    active_power: ac,
    reactive_power: 0,
    day_cap: today * share,
    mppt_power: dc,
    total_cap: total,
  };
  for (const k in rest) put(k, rest[k]);
  const state = stopped ? (drm ? 772 : 769) : awake ? 512 : 40960;
  // Times are epoch ms: whole numbers even where values are strings.
  map.open_time = open;
  map.close_time = close;
  map.inverter_state = code(sim, plant, state);
  map.run_state = code(sim, plant, 1);
  return map;
}
