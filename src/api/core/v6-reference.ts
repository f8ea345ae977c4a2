import type { Locale } from '../../client/error-catalogue';
import type { Named, NamedMap } from './reference-data';

/**
 * Enumerations of the V6 (`/thirdData/`) reference with English and Simplified Chinese
 * names: device types (6.1.5), inverter states (table 6-1) and the state keys of 6.2.6.
 */

export interface V6DeviceType extends Named {
  id: number;
}

const type = (id: number, en: string, zh: string): V6DeviceType => Object.freeze({ id, en, zh });

/** 6.1.5: every device type the device list can report. */
export const V6_DEVICE_TYPES: readonly V6DeviceType[] = Object.freeze([
  type(1, 'String inverter', '组串式逆变器'),
  type(2, 'SmartLogger', '数据采集器'),
  type(8, 'STS', '箱变'),
  type(10, 'EMI', '环境监测仪'),
  type(13, 'Protocol converter', '协议转换器'),
  type(16, 'General device', '通用设备'),
  type(17, 'Grid meter', '关口电表'),
  type(22, 'PID', 'PID'),
  type(37, 'Pinnet SmartLogger', '品联数采'),
  type(38, 'Residential inverter', '户用逆变器'),
  type(39, 'Battery', '储能'),
  type(40, 'Backup box', '备电盒'),
  type(41, 'ESS', '工商业储能'),
  type(45, 'PLC', 'PLC'),
  type(46, 'Optimizer', '优化器'),
  type(47, 'Power sensor', '电表'),
  type(62, 'Dongle', '通信棒'),
  type(63, 'Distributed SmartLogger', '分布式数采'),
  type(70, 'Safety box', '安全关断盒'),
]);

/** 6.1.6.1 / 6.1.6.2 / 6.4.1: types with real-time, 5-minute and history data. */
export const REALTIME_TYPES = [1, 10, 17, 38, 39, 41, 47] as const;
/** 6.1.6.3-6.1.6.5: types with daily, monthly and yearly data. */
export const REPORT_TYPES = [1, 38, 39, 41] as const;
/** 6.3.1 takes inverter SNs only. */
export const INVERTER_TYPES = [1, 38] as const;
/** 6.1.7 devTypes filter: the reference's list, plus ESS (41), whose alarms the interface reports too. */
export const ALARM_DEVICE_TYPES = [1, 2, 8, 10, 13, 16, 17, 22, 37, 38, 39, 40, 41, 45, 46, 47, 62, 63, 70] as const;

function map(entries: Array<[number, string, string]>): NamedMap {
  const out: Record<number, Named> = {};
  for (const [k, en, zh] of entries) out[k] = Object.freeze({ en, zh });
  return Object.freeze(out);
}

/** Table 6-1. */
export const INVERTER_STATES = map([
  [0, 'Standby: initializing', '待机：初始化'],
  [1, 'Standby: insulation resistance detecting', '待机：绝缘阻抗检测'],
  [2, 'Standby: irradiation detecting', '待机：光照检测'],
  [3, 'Standby: grid detecting', '待机：电网检测'],
  [256, 'Start', '启动'],
  [512, 'Grid-connected', '并网'],
  [513, 'Grid-connected: power limited', '并网：限功率'],
  [514, 'Grid-connected: self-derating', '并网：自降额'],
  [768, 'Shutdown: on fault', '关机：故障'],
  [769, 'Shutdown: on command', '关机：指令'],
  [770, 'Shutdown: OVGR', '关机：OVGR'],
  [771, 'Shutdown: communication interrupted', '关机：通信中断'],
  [772, 'Shutdown: power limited', '关机：限功率'],
  [773, 'Shutdown: manual startup required', '关机：需手动开机'],
  [774, 'Shutdown: DC switch disconnected', '关机：直流开关断开'],
  [1025, 'Grid scheduling: cosφ-P curve', '电网调度：cosφ-P 曲线'],
  [1026, 'Grid scheduling: Q-U curve', '电网调度：Q-U 曲线'],
  [1280, 'Ready for terminal test', '整机测试就绪'],
  [1281, 'Terminal testing', '整机测试中'],
  [1536, 'Inspection in progress', '巡检中'],
  [1792, 'AFCI self-check', 'AFCI 自检'],
  [2048, 'I-V scanning', 'I-V 扫描中'],
  [2304, 'DC input detection', '直流输入检测'],
  [40960, 'Standby: no irradiation', '待机：无光照'],
  [45056, 'Communication interrupted (written by SmartLogger)', '通信中断（数采写入）'],
  [49152, 'Loading (written by SmartLogger)', '加载中（数采写入）'],
]);

export const RUN_STATES = map([
  [0, 'Disconnected', '断连'],
  [1, 'Connected', '连接'],
]);

export const BATTERY_STATUSES = map([
  [0, 'Offline', '离线'],
  [1, 'Standby', '待机'],
  [2, 'Running', '运行'],
  [3, 'Faulty', '故障'],
  [4, 'Hibernating', '休眠'],
]);

export const CH_DISCHARGE_MODELS = map([
  [0, 'None', '无'],
  [1, 'Forced charge/discharge', '强制充放电'],
  [2, 'Time-of-use price', '分时电价'],
  [3, 'Fixed charge/discharge', '固定充放电'],
  [4, 'Automatic charge/discharge', '自动充放电'],
]);

export const METER_STATUSES = map([
  [0, 'Offline', '离线'],
  [1, 'Normal', '正常'],
]);

export const HEALTH_STATES = map([
  [1, 'Disconnected', '断连'],
  [2, 'Faulty', '故障'],
  [3, 'Healthy', '健康'],
]);

export const ALARM_LEVELS = map([
  [1, 'Critical', '紧急'],
  [2, 'Major', '重要'],
  [3, 'Minor', '次要'],
  [4, 'Warning', '提示'],
]);

export const ALARM_STATUSES = map([
  [1, 'Not processed (active)', '未处理（活动）'],
  [2, 'Acknowledged', '已确认'],
  [3, 'Being handled', '处理中'],
  [4, 'Handled', '已处理'],
  [5, 'Cleared by the user', '已清除（用户）'],
  [6, 'Cleared by the device', '已清除（设备）'],
]);

export const ALARM_TYPES = map([
  [1, 'Transposition signal', '变位信号'],
  [2, 'Exception alarm', '异常告警'],
  [3, 'Protection event', '保护事件'],
  [4, 'Notification status', '通知状态'],
  [5, 'Alarm information', '告警信息'],
]);

/** 6.1.7 language values. */
export const ALARM_LANGUAGES = [
  'zh_CN',
  'en_US',
  'ja_JP',
  'it_IT',
  'nl_NL',
  'pt_BR',
  'de_DE',
  'fr_FR',
  'es_ES',
  'pl_PL',
] as const;

/** State keys of 6.2.6 kept as numbers, with a readable `<key>_name` beside them. */
export const NAMED_STATE_KEYS: Readonly<Record<string, NamedMap>> = Object.freeze({
  inverter_state: INVERTER_STATES,
  run_state: RUN_STATES,
  battery_status: BATTERY_STATUSES,
  ch_discharge_model: CH_DISCHARGE_MODELS,
  meter_status: METER_STATUSES,
  real_health_state: HEALTH_STATES,
});

export function nameOf(table: NamedMap, code: unknown, locale: Locale | undefined): string | undefined {
  const n = typeof code === 'number' ? code : typeof code === 'string' ? Number(code.trim()) : NaN;
  if (!Number.isInteger(n) || !Object.prototype.hasOwnProperty.call(table, n)) return undefined;
  return locale === 'zh-cn' ? table[n].zh : table[n].en;
}

export function deviceTypeName(id: number, locale: Locale | undefined): string | undefined {
  const t = V6_DEVICE_TYPES.find((d) => d.id === id);
  return t ? (locale === 'zh-cn' ? t.zh : t.en) : undefined;
}
