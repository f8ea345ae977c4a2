import type { Simulator } from '../server';
import { DEV } from '../fleet';
import { MODULE_LIBRARY, moduleById } from '../iv-modules';
import { SimFail, type JsonObject, type SimRequest } from '../types';
import { commaList } from './common';
import { IV_QUOTA, ivPage, ownInverter, pageOf } from './iv-common';
import { ivState, type StringConfig } from './iv-state';

/** 9.4.7-9.4.11: string configurations and the module library. */

const empty = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Fields 9.4.9 marks mandatory for each configured string. */
const MANDATORY = [
  'pvIndex',
  'moduleQuantity',
  'is2in1String',
  'moduleManufacturer',
  'moduleModel',
  'moduleType',
  'maxModulePower',
  'optimalModuleOperatingVoltage',
  'optimalModuleOperatingCurrent',
  'moduleOpenCircuitVoltage',
  'moduleShortCircuitCurrent',
  'maxPowerTemperatureCoefficient',
  'openCircuitVoltageTemperatureCoefficient',
  'shortCircuitCurrentTemperatureCoefficient',
  'cellQuantity',
  'moduleDegradationRateInFirstYear',
  'moduleDegradationRateFromSecondYear',
  'gridConnectionDate',
];

function pvConfig(req: SimRequest): unknown {
  const { pageNo, pageSize } = ivPage(req.body);
  const name = empty(req.body.inverterName) ? '' : String(req.body.inverterName).toLowerCase();
  const status = empty(req.body.configStatus) ? undefined : Number(req.body.configStatus);
  if (status !== undefined && status !== 0 && status !== 1) throw new SimFail(30030);
  const codes = new Set(commaList(req.body.plantCodes));
  const state = ivState(req.sim);
  const rows = req.sim
    .plantsOf(req.user)
    .filter((p) => codes.size === 0 || codes.has(p.plantCode))
    .flatMap((p) => p.devices.filter((d) => d.deviceTypeId === DEV.inverter))
    .map((d) => state.inverter(d.dn))
    .flatMap((inv) => (inv ? [inv] : []))
    .map((inv) => ({
      dn: inv.device.dn,
      plantName: inv.plant.plantName,
      sn: inv.device.sn,
      inverterName: inv.device.deviceName,
      configStatus: inv.config.size > 0 ? 1 : 0,
      pvNum: inv.strings.length,
    }))
    .filter((r) => r.inverterName.toLowerCase().includes(name) && (status === undefined || r.configStatus === status));
  return pageOf(rows, pageNo, pageSize);
}

function detail(req: SimRequest): unknown {
  if (empty(req.body.dn)) throw new SimFail(30016);
  const inv = ownInverter(req, String(req.body.dn));
  if (!inv) throw new SimFail(20008);
  return [...inv.config.values()].sort((a, b) => a.pvIndex - b.pvIndex);
}

function configuration(req: SimRequest): unknown {
  const b = req.body;
  if (empty(b.dn)) throw new SimFail(30016);
  const inv = ownInverter(req, String(b.dn));
  if (!inv) throw new SimFail(30017, null, 'dn is illegal.');
  if (empty(b.pvNum) || !Array.isArray(b.configuration) || b.configuration.length === 0) throw new SimFail(20612);
  const pvNum = Number(b.pvNum);
  if (!Number.isInteger(pvNum) || pvNum < 1 || pvNum > inv.strings.length)
    throw new SimFail(20611, null, `pvNum must be 1-${inv.strings.length}`);
  const next = new Map<number, StringConfig>();
  const state = ivState(req.sim);
  for (const raw of b.configuration as unknown[]) {
    if (typeof raw !== 'object' || raw === null) throw new SimFail(20612);
    const item = raw as JsonObject;
    if (MANDATORY.some((k) => empty(item[k]))) throw new SimFail(20612);
    const pvIndex = Number(item.pvIndex);
    if (!Number.isInteger(pvIndex) || pvIndex < 1 || pvIndex > pvNum || next.has(pvIndex)) throw new SimFail(20611);
    const { isDefault: _ignored, ...fields } = item;
    next.set(pvIndex, {
      ...fields,
      dn: inv.device.dn,
      pvIndex,
      devId: inv.config.get(pvIndex)?.devId ?? state.nextDevId(),
    });
  }
  // "The details of unconfigured PV strings are cleared automatically."
  inv.config = next;
  return null;
}

function modules(): unknown {
  return MODULE_LIBRARY.map((m) => ({
    id: m.id,
    manufacturer: m.manufacturer,
    moduleModel: m.moduleModel,
    moduleType: m.moduleType,
    modulePower: m.maxModulePower,
  }));
}

function moduleDetail(req: SimRequest): unknown {
  if (empty(req.body.id)) throw new SimFail(20612);
  const m = moduleById(Number(req.body.id));
  if (!m) throw new SimFail(20611, null, 'Unknown module id');
  // The 9.4.11 example spells the vendor moduleManufacturer although the table says manufacturer.
  const { id, manufacturer, ...rest } = m;
  return { id, moduleManufacturer: manufacturer, ...rest };
}

export function registerIvConfig(sim: Simulator): void {
  sim.route('iv/pvConfig', pvConfig, { quota: IV_QUOTA });
  sim.route('iv/pvConfig/detail', detail, { quota: IV_QUOTA });
  sim.route('iv/pvConfig/configuration', configuration, { quota: IV_QUOTA, command: true });
  sim.route('iv/pvConfig/modules', modules, { quota: IV_QUOTA });
  sim.route('iv/pvConfig/module', moduleDetail, { quota: IV_QUOTA });
}
