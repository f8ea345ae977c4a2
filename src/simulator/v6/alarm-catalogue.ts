/**
 * Alarms the simulated devices raise, in the shape of 6.1.7 (ids and wording after the
 * SUN2000/LUNA2000 alarm references; the simulator's own, not a copy of any list). Texts
 * in English, Chinese and German; the other languages of 6.1.7 get the English text.
 */

interface Text {
  en: string;
  zh: string;
  de: string;
}

export interface AlarmEntry {
  alarmId: number;
  causeId: number;
  /** 1 critical, 2 major, 3 minor, 4 warning. */
  lev: number;
  /** 1 transposition signal, 2 exception, 3 protection event, 4 notification, 5 alarm information. */
  alarmType: number;
  devTypes: number[];
  name: Text;
  cause: Text;
  repair: Text;
}

const INVERTERS = [1, 38];

export const ALARMS: AlarmEntry[] = [
  {
    alarmId: 2003,
    causeId: 1,
    lev: 2,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'DC arc fault', zh: '直流电弧故障', de: 'DC-Lichtbogenfehler' },
    cause: {
      en: 'The PV string arcs or is in poor contact.',
      zh: '组串存在拉弧或接触不良。',
      de: 'Der PV-String bildet einen Lichtbogen oder hat schlechten Kontakt.',
    },
    repair: {
      en: 'Check whether the PV string has arcs or is in poor contact.',
      zh: '检查组串是否存在拉弧或接触不良。',
      de: 'Prüfen Sie den PV-String auf Lichtbögen und schlechte Kontakte.',
    },
  },
  {
    alarmId: 2032,
    causeId: 1,
    lev: 2,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'Grid loss', zh: '电网掉电', de: 'Netzausfall' },
    cause: {
      en: 'The power grid has an outage or the AC circuit is disconnected.',
      zh: '电网停电或交流线路断开。',
      de: 'Das Netz ist ausgefallen oder der AC-Kreis ist getrennt.',
    },
    repair: {
      en: 'Check the AC voltage and the AC switch; the alarm clears when the grid returns.',
      zh: '检查交流电压与交流开关，电网恢复后告警自动消除。',
      de: 'AC-Spannung und AC-Schalter prüfen; die Meldung erlischt, wenn das Netz zurückkehrt.',
    },
  },
  {
    alarmId: 2034,
    causeId: 1,
    lev: 2,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'Grid overvoltage', zh: '电网过压', de: 'Netzüberspannung' },
    cause: {
      en: 'The grid voltage exceeds the upper threshold.',
      zh: '电网电压高于上限阈值。',
      de: 'Die Netzspannung überschreitet die obere Schwelle.',
    },
    repair: {
      en: 'If it recurs, ask the grid operator to check the voltage at the connection point.',
      zh: '若频繁出现，请联系电网公司检查并网点电压。',
      de: 'Bei Wiederholung den Netzbetreiber die Spannung am Anschlusspunkt prüfen lassen.',
    },
  },
  {
    alarmId: 2062,
    causeId: 1,
    lev: 2,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'Low insulation resistance', zh: '绝缘阻抗低', de: 'Niedriger Isolationswiderstand' },
    cause: {
      en: 'A PV string is short-circuited to protective ground, or the environment is damp.',
      zh: '组串对保护地短路，或环境潮湿。',
      de: 'Ein PV-String hat Erdschluss oder die Umgebung ist feucht.',
    },
    repair: {
      en: 'Check the impedance between the PV strings and protective ground.',
      zh: '检查组串对保护地的阻抗。',
      de: 'Impedanz zwischen PV-Strings und Schutzerde prüfen.',
    },
  },
  {
    alarmId: 2063,
    causeId: 1,
    lev: 3,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'Overtemperature', zh: '机柜温度过高', de: 'Übertemperatur' },
    cause: {
      en: 'The installation position is not ventilated or the ambient temperature is too high.',
      zh: '安装位置通风不良或环境温度过高。',
      de: 'Der Aufstellort ist schlecht belüftet oder zu warm.',
    },
    repair: {
      en: 'Check the ventilation and the ambient temperature.',
      zh: '检查通风与环境温度。',
      de: 'Belüftung und Umgebungstemperatur prüfen.',
    },
  },
  {
    alarmId: 61440,
    causeId: 1,
    lev: 3,
    alarmType: 2,
    devTypes: INVERTERS,
    name: { en: 'Faulty monitoring unit', zh: '监控单元故障', de: 'Überwachungseinheit defekt' },
    cause: {
      en: 'The flash memory space is insufficient or has bad sectors.',
      zh: 'Flash空间不足或存在坏块。',
      de: 'Der Flash-Speicher ist voll oder hat defekte Sektoren.',
    },
    repair: {
      en: 'Turn off the AC output and DC input switches, and turn them on after 5 minutes.',
      zh: '断开交流输出和直流输入开关，5分钟后再闭合。',
      de: 'AC-Ausgangs- und DC-Eingangsschalter aus- und nach 5 Minuten wieder einschalten.',
    },
  },
  {
    alarmId: 2068,
    causeId: 1,
    lev: 3,
    alarmType: 2,
    devTypes: [39, 41],
    name: { en: 'Abnormal battery', zh: '电池异常', de: 'Batteriestörung' },
    cause: {
      en: 'The battery communication is interrupted or a battery module is faulty.',
      zh: '电池通信中断或电池模块故障。',
      de: 'Die Kommunikation zur Batterie ist unterbrochen oder ein Modul ist defekt.',
    },
    repair: {
      en: 'Check the battery cables and the battery status on the app.',
      zh: '检查电池线缆，并在App中查看电池状态。',
      de: 'Batteriekabel und Batteriestatus in der App prüfen.',
    },
  },
  {
    alarmId: 2067,
    causeId: 1,
    lev: 2,
    alarmType: 2,
    devTypes: [17, 47],
    name: { en: 'Faulty power collector', zh: '电表通信异常', de: 'Leistungsmesser gestört' },
    cause: {
      en: 'The meter is disconnected or its communication parameters are wrong.',
      zh: '电表断连或通信参数配置错误。',
      de: 'Der Zähler ist getrennt oder falsch parametriert.',
    },
    repair: {
      en: 'Check the meter cable and its RS485 address and baud rate.',
      zh: '检查电表线缆及RS485地址和波特率。',
      de: 'Zählerkabel, RS485-Adresse und Baudrate prüfen.',
    },
  },
  {
    alarmId: 10001,
    causeId: 2,
    lev: 4,
    alarmType: 4,
    devTypes: [62, 2],
    name: { en: 'Device disconnected', zh: '设备断连', de: 'Gerät getrennt' },
    cause: {
      en: 'The communication between the device and the management system is interrupted.',
      zh: '设备与管理系统之间的通信中断。',
      de: 'Die Verbindung zwischen Gerät und Managementsystem ist unterbrochen.',
    },
    repair: {
      en: 'Check the network of the device (WLAN, FE or 4G).',
      zh: '检查设备网络（WLAN、FE或4G）。',
      de: 'Netzwerk des Geräts prüfen (WLAN, FE oder 4G).',
    },
  },
  {
    alarmId: 2090,
    causeId: 1,
    lev: 4,
    alarmType: 5,
    devTypes: [10, 46],
    name: { en: 'Abnormal sensor reading', zh: '传感器读数异常', de: 'Unplausibler Sensorwert' },
    cause: {
      en: 'A sensor reports values outside its range.',
      zh: '传感器上报值超出量程。',
      de: 'Ein Sensor meldet Werte außerhalb seines Bereichs.',
    },
    repair: {
      en: 'Clean the sensor and check its cable.',
      zh: '清洁传感器并检查线缆。',
      de: 'Sensor reinigen und Kabel prüfen.',
    },
  },
];

export const LANGUAGES = ['zh_CN', 'en_US', 'ja_JP', 'it_IT', 'nl_NL', 'pt_BR', 'de_DE', 'fr_FR', 'es_ES', 'pl_PL'];

export function textIn(t: Text, language: string): string {
  return language === 'zh_CN' ? t.zh : language === 'de_DE' ? t.de : t.en;
}
