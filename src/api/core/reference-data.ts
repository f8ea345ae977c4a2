/*
 * Enumerations of the Northbound Interface V7 reference, with English and Simplified Chinese
 * names so flows and the editor can show readable values instead of bare numbers.
 */

import type { Locale } from '../../client/error-catalogue';

export interface Named {
  en: string;
  zh: string;
}

export type NamedMap = Readonly<Record<number, Named>>;

function pick(map: NamedMap, code: number | string, locale: Locale | undefined): string | undefined {
  // Several fields arrive as strings ("1") even where the reference documents integers.
  const n = typeof code === 'number' ? code : Number(String(code).trim());
  if (!Number.isInteger(n) || !Object.prototype.hasOwnProperty.call(map, n)) return undefined;
  const entry = map[n];
  if (!entry) return undefined;
  return locale === 'zh-cn' ? entry.zh : entry.en;
}

// ---- Chapter 10, plus 20835 which only the 9.2.2 basic-information table lists -----------

export interface DeviceType {
  id: number;
  en: string;
  zh: string;
}

export const DEVICE_TYPES: readonly DeviceType[] = Object.freeze(
  [
    { id: 20811, en: 'MPPT', zh: 'MPPT' },
    { id: 20812, en: 'PV', zh: 'PV组串' },
    { id: 20813, en: 'PV module', zh: '光伏组件' },
    { id: 20814, en: 'Optimizer', zh: '优化器' },
    { id: 20815, en: 'Battery', zh: '电池' },
    { id: 20816, en: 'Meter', zh: '电表' },
    { id: 20817, en: 'Backup Box', zh: '备电盒' },
    { id: 20818, en: 'Safety box', zh: '安全盒' },
    { id: 20819, en: 'Communication module', zh: '通信模块' },
    { id: 20821, en: 'SmartLogger', zh: '数据采集器（SmartLogger）' },
    { id: 20822, en: 'Inverter', zh: '逆变器' },
    { id: 20824, en: 'Environmental monitoring instrument', zh: '环境监测仪' },
    { id: 20825, en: 'PID', zh: 'PID' },
    { id: 20826, en: 'PLC', zh: 'PLC' },
    { id: 20827, en: 'Central inverter', zh: '集中式逆变器' },
    { id: 20828, en: 'DC combiner box', zh: '直流汇流箱' },
    { id: 20829, en: 'STS', zh: '箱变（STS）' },
    { id: 20830, en: 'STS meter', zh: '箱变电表' },
    { id: 20831, en: 'AC combiner box', zh: '交流汇流箱' },
    { id: 20833, en: 'Communication management unit', zh: '通管机' },
    { id: 20835, en: 'Energy storage container', zh: '储能集装箱' },
    { id: 20843, en: 'Lithium battery cell', zh: '锂电池电芯' },
  ].map((t) => Object.freeze(t)),
);

// ---- I-V diagnosis fault types ---------------------------------------------------------------
// Field `faultCode` (+ `faultName`, localised by the server) in 9.4.5 fault list, and
// `ivFaultCode` in 9.4.12 loss data. The reference has no table of these codes: the three below
// are all that appear, in its examples. 10000 carries no name there; it is read as "normal"
// because 9.4.5 omits normal strings while 9.4.12 lists every string and marks most of them 10000.
// Prefer the server's faultName when present; this list only covers the bare code of 9.4.12.

export interface FaultType {
  code: number;
  en: string;
  zh: string;
}

export const IV_FAULT_TYPES: readonly FaultType[] = Object.freeze(
  [
    { code: 10000, en: 'Normal', zh: '正常' },
    { code: 10012, en: 'PV not set', zh: '组串未配置' },
    { code: 99999, en: 'No data to scan', zh: '无扫描数据' },
  ].map((t) => Object.freeze(t)),
);

const IV_FAULT_BY_CODE: ReadonlyMap<number, FaultType> = new Map(IV_FAULT_TYPES.map((t) => [t.code, t]));

export function ivFaultName(code: number, locale?: Locale): string | undefined {
  const t = IV_FAULT_BY_CODE.get(code);
  if (!t) return undefined;
  return locale === 'zh-cn' ? t.zh : t.en;
}

// ---- 9.3.8 EMS controlType. Only 6 is accepted; the others are documented "not supported". ----
export interface EmsControlType extends Named {
  supported: boolean;
}
export const EMS_CONTROL_TYPES: Readonly<Record<number, EmsControlType>> = Object.freeze({
  0: { en: 'No control', zh: '无控制', supported: false },
  2: { en: 'Maximum self-consumption', zh: '自发自用最大化', supported: false },
  4: { en: 'Fully fed to grid', zh: '全额上网', supported: false },
  5: { en: 'Time-of-use price (TOU)', zh: '分时电价（TOU）', supported: false },
  6: { en: 'Scheduled charge/discharge', zh: '定时充放电', supported: true },
});

// ---- 9.6.2.1 snIsRegister result ---------------------------------------------------------------
export const SN_REGISTER_RESULTS: NamedMap = Object.freeze({
  0: {
    en: 'Not registered, or the account may not manage this device, or the account is an owner',
    zh: '未注册，或该账号无权管理此设备，或该账号为业主用户',
  },
  1: {
    en: 'Registered, no commissioning user bound; the account may manage the device',
    zh: '已注册，未绑定调测用户；该账号有权管理此设备',
  },
  2: {
    en: 'Registered and bound to another commissioning user',
    zh: '已注册，且已绑定其他调测用户',
  },
  3: {
    en: 'Registered and bound to this account as commissioning user',
    zh: '已注册，且已绑定当前账号为调测用户',
  },
});
export const snRegisterResultName = (code: number | string, locale?: Locale): string | undefined =>
  pick(SN_REGISTER_RESULTS, code, locale);
