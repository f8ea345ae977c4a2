/*
 * Enumerations of the Northbound Interface V7 reference, with English and Simplified Chinese
 * names so flows and the editor can show readable values instead of bare numbers.
 */

import type { Locale } from '../client/error-catalogue';

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

export const DEVICE_TYPES: readonly DeviceType[] = Object.freeze([
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
].map((t) => Object.freeze(t)));

const DEVICE_TYPE_BY_ID: ReadonlyMap<number, DeviceType> = new Map(DEVICE_TYPES.map((t) => [t.id, t]));

export function deviceTypeName(id: number, locale?: Locale): string | undefined {
  const t = DEVICE_TYPE_BY_ID.get(id);
  if (!t) return undefined;
  return locale === 'zh-cn' ? t.zh : t.en;
}

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

export const IV_FAULT_TYPES: readonly FaultType[] = Object.freeze([
  { code: 10000, en: 'Normal', zh: '正常' },
  { code: 10012, en: 'PV not set', zh: '组串未配置' },
  { code: 99999, en: 'No data to scan', zh: '无扫描数据' },
].map((t) => Object.freeze(t)));

const IV_FAULT_BY_CODE: ReadonlyMap<number, FaultType> = new Map(IV_FAULT_TYPES.map((t) => [t.code, t]));

export function ivFaultName(code: number, locale?: Locale): string | undefined {
  const t = IV_FAULT_BY_CODE.get(code);
  if (!t) return undefined;
  return locale === 'zh-cn' ? t.zh : t.en;
}

// ---- 9.3.2 healthState. The example shows 3, which the reference does not define. ------------
export const HEALTH_STATES: NamedMap = Object.freeze({
  0: { en: 'Healthy', zh: '健康' },
  1: { en: 'Disconnected', zh: '断连' },
  2: { en: 'Faulty', zh: '故障' },
});
export const healthStateName = (code: number | string, locale?: Locale): string | undefined =>
  pick(HEALTH_STATES, code, locale);

// ---- 9.3.4 dispatchSwitch ----------------------------------------------------------------------
export const DISPATCH_SWITCHES: NamedMap = Object.freeze({
  0: { en: 'Stop forced charge/discharge', zh: '停止强制充放电' },
  1: { en: 'Forced charge', zh: '强制充电' },
  2: { en: 'Forced discharge', zh: '强制放电' },
});
export const dispatchSwitchName = (code: number | string, locale?: Locale): string | undefined =>
  pick(DISPATCH_SWITCHES, code, locale);

// ---- 9.3.4 controlType of forced charge/discharge ---------------------------------------------
export const CHARGE_CONTROL_TYPES: NamedMap = Object.freeze({
  1: { en: 'SOC control', zh: 'SOC控制' },
  2: { en: 'Duration control', zh: '时长控制' },
});
export const chargeControlTypeName = (code: number | string, locale?: Locale): string | undefined =>
  pick(CHARGE_CONTROL_TYPES, code, locale);

// ---- Per-item result 0/1: 9.3.4 dispatchResult, 9.3.6 / 9.3.7 / 9.6.1.6 result ---------------
export const SETTING_RESULTS: NamedMap = Object.freeze({
  0: { en: 'Succeeded', zh: '成功' },
  1: { en: 'Failed', zh: '失败' },
});
export const settingResultName = (code: number | string, locale?: Locale): string | undefined =>
  pick(SETTING_RESULTS, code, locale);

// ---- 9.3.5 charge/discharge task status. An exception (changed battery task) is also 0, with
// the reason in `message`, so 0 alone does not prove success. ----------------------------------
export const CHARGE_TASK_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Complete', zh: '已完成' },
  1: { en: 'In progress', zh: '执行中' },
  2: { en: 'Timeout or failure', zh: '超时或失败' },
});
export const chargeTaskStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(CHARGE_TASK_STATUSES, code, locale);

// ---- 9.3.7 controlType of inverter power-on/off -----------------------------------------------
export const POWER_CONTROL_TYPES: NamedMap = Object.freeze({
  1: { en: 'Power on', zh: '开机' },
  2: { en: 'Power off', zh: '关机' },
});
export const powerControlTypeName = (code: number | string, locale?: Locale): string | undefined =>
  pick(POWER_CONTROL_TYPES, code, locale);

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
export const emsControlTypeName = (code: number | string, locale?: Locale): string | undefined =>
  pick(EMS_CONTROL_TYPES, code, locale);

// ---- 9.3.8 per-SmartLogger `success`: documented as these integers, the example sends booleans.
export const EMS_RESULTS: NamedMap = Object.freeze({
  0: { en: 'Succeeded', zh: '成功' },
  1: { en: 'Failed', zh: '失败' },
  2: { en: 'Partially succeeded', zh: '部分成功' },
});
export const emsResultName = (code: number | string, locale?: Locale): string | undefined =>
  pick(EMS_RESULTS, code, locale);

// ---- 9.4.1 taskStatus of an I-V diagnosis task -------------------------------------------------
export const IV_TASK_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Incomplete', zh: '未完成' },
  1: { en: 'Complete', zh: '已完成' },
  2: { en: 'Canceled', zh: '已取消' },
});
export const ivTaskStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(IV_TASK_STATUSES, code, locale);

// ---- 9.4.4 status of an I-V subtask (one string scan) ------------------------------------------
export const IV_SUBTASK_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Succeeded', zh: '成功' },
  1: { en: 'Failed', zh: '失败' },
  2: { en: 'Canceled', zh: '已取消' },
});
export const ivSubtaskStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(IV_SUBTASK_STATUSES, code, locale);

// ---- 9.4.1 / 9.4.2 cleanStatus. The 9.4.1 example returns 2, which is undefined. -------------
export const CLEAN_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Not cleaned', zh: '未清洗' },
  1: { en: 'Cleaned', zh: '已清洗' },
});
export const cleanStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(CLEAN_STATUSES, code, locale);

// ---- 9.4.1 / 9.4.2 environmentalParameters -----------------------------------------------------
export const ENVIRONMENTAL_PARAMETER_MODES: NamedMap = Object.freeze({
  0: { en: 'Automatic (predicted irradiance and temperature)', zh: '自动（使用预测的辐照度和温度）' },
  1: { en: 'Manual', zh: '手动' },
});
export const environmentalParameterModeName = (code: number | string, locale?: Locale): string | undefined =>
  pick(ENVIRONMENTAL_PARAMETER_MODES, code, locale);

// ---- 9.4.7 configStatus. The request filter documents 0/1, the response 1/2, and the response
// example returns 0 and 1; the union keeps every documented reading resolvable. ----------------
export const STRING_CONFIG_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Not configured', zh: '未配置' },
  1: { en: 'Configured', zh: '已配置' },
  2: { en: 'Not configured', zh: '未配置' },
});
export const stringConfigStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(STRING_CONFIG_STATUSES, code, locale);

// ---- 9.4.8 / 9.4.10 / 9.4.11 moduleType. OCR dropped the label "7:"; its text
// ("four-column 60-cell", between 6 and 8) is restored as monocrystalline by the 8/9/10 pattern.
export const MODULE_TYPES: NamedMap = Object.freeze({
  1: { en: 'Polycrystalline', zh: '多晶' },
  2: { en: 'Monocrystalline', zh: '单晶' },
  3: { en: 'N-type monocrystalline', zh: 'N型单晶' },
  4: { en: 'PERC monocrystalline', zh: 'PERC单晶' },
  5: { en: 'Bifacial monocrystalline', zh: '双面单晶' },
  6: { en: 'Bifacial polycrystalline', zh: '双面多晶' },
  7: { en: 'Monocrystalline four-column 60-cell', zh: '单晶四栅60片' },
  8: { en: 'Monocrystalline four-column 72-cell', zh: '单晶四栅72片' },
  9: { en: 'Polycrystalline four-column 60-cell', zh: '多晶四栅60片' },
  10: { en: 'Polycrystalline four-column 72-cell', zh: '多晶四栅72片' },
});
export const moduleTypeName = (code: number | string, locale?: Locale): string | undefined =>
  pick(MODULE_TYPES, code, locale);

// ---- 9.6.1.4 default-task status and 9.6.1.7 DRM task status: strings "0" | "1" | "2" ---------
export const REMOTE_TASK_STATUSES: NamedMap = Object.freeze({
  0: { en: 'Executing', zh: '执行中' },
  1: { en: 'Successful', zh: '成功' },
  2: { en: 'Failed', zh: '失败' },
});
export const remoteTaskStatusName = (code: number | string, locale?: Locale): string | undefined =>
  pick(REMOTE_TASK_STATUSES, code, locale);

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
