import { isQuirky, longTaskId } from '../quirks';
import type { Simulator } from '../server';
import { DEV, type SimDevice, type SimPlant } from '../fleet';
import { MODULE_LIBRARY, moduleById, type SimModule } from '../iv-modules';
import type { Condition } from '../iv-physics';
import { hashUnit, seeded } from '../random';

/** What the simulated I-V service remembers: strings of each inverter, their configuration, tasks. */

export interface SimString {
  pvIndex: number;
  /** The module really installed (physics), whatever the configuration says. */
  module: SimModule;
  quantity: number;
  condition: Condition;
}

/** One configured string, as 9.4.8 returns and 9.4.9 writes it. */
export type StringConfig = Record<string, unknown> & { pvIndex: number; devId: number };

export interface SimInverter {
  device: SimDevice;
  plant: SimPlant;
  strings: SimString[];
  config: Map<number, StringConfig>;
}

export interface SimSubtask {
  subTaskId: string;
  dn: string;
  pvIndex: number;
  start: number;
  end: number;
  failed: boolean;
}

export interface SimTask {
  taskId: string;
  owner: string;
  taskName: string;
  dns: string[];
  createdAt: number;
  cleanStatus: number;
  environmentalParameters: number;
  modulePlaneIrradiance?: number;
  moduleBackSurfaceTemperature?: number;
  needQuantifyLosses: boolean;
  canceledAt?: number;
  subtasks: SimSubtask[];
}

const CONDITIONS: Array<[number, Condition]> = [
  [0.6, 'normal'],
  [0.73, 'lowCurrent'],
  [0.87, 'shading'],
  [1, 'degraded'],
];

export class IvState {
  readonly tasks = new Map<string, SimTask>();
  private readonly inverters = new Map<string, SimInverter>();
  private readonly queued: string[] = [];
  private readonly rand: () => number;
  private devIds = 60;

  constructor(private readonly sim: Simulator) {
    this.rand = seeded(sim.options.seed + 94);
  }

  /** Ids the next tasks get, e.g. the reference's -14921346228625 (for tests). */
  queueTaskIds(ids: Array<string | number>): void {
    this.queued.push(...ids.map(String));
  }

  /** A long id as the live system makes them: 14-15 digits, sometimes negative. */
  newId(): string {
    const n = Math.floor(1e13 + this.rand() * 9e14);
    return String(this.rand() < 0.3 ? -n : n);
  }

  newTaskId(): string {
    const fresh = (): string => (isQuirky(this.sim) ? longTaskId(this.rand, this.tasks.size) : this.newId());
    let id = this.queued.shift() ?? fresh();
    while (this.tasks.has(id)) id = fresh();
    return id;
  }

  nextDevId(): number {
    return this.devIds++;
  }

  /** An inverter's strings, made up once from stable hashes of its DN. */
  inverter(dn: string): SimInverter | undefined {
    const known = this.inverters.get(dn);
    if (known) return known;
    const device = this.sim.fleet.device(dn);
    const plant = device ? this.sim.fleet.plant(device.plantCode) : undefined;
    if (!device || !plant || device.deviceTypeId !== DEV.inverter) return undefined;
    const small = (device.ratedPower ?? 10) <= 20;
    const module = MODULE_LIBRARY[2 + Math.floor(hashUnit(dn, 'module') * 3)];
    const quantity = (small ? 9 : 18) + Math.floor(hashUnit(dn, 'qty') * 4);
    const strings: SimString[] = [];
    for (let pvIndex = 1; pvIndex <= (device.strings ?? 2); pvIndex++) {
      const h = hashUnit(dn, pvIndex, 'condition');
      strings.push({
        pvIndex,
        module,
        quantity,
        condition: (CONDITIONS.find(([limit]) => h < limit) as [number, Condition])[1],
      });
    }
    const inv: SimInverter = { device, plant, strings, config: new Map() };
    // Most inverters are configured; some not at all, some miss their last string ("PV not set").
    const cfg = hashUnit(dn, 'setup');
    if (cfg >= 0.1) {
      for (const s of strings) {
        if (cfg < 0.2 && s.pvIndex === strings.length) continue;
        inv.config.set(s.pvIndex, configFor(s, Date.parse(plant.gridConnectionDate), this.nextDevId(), dn));
      }
    }
    this.inverters.set(dn, inv);
    return inv;
  }
}

export function configFor(s: SimString, gridConnectionDate: number, devId: number, dn: string): StringConfig {
  const { id: _id, manufacturer, abbreviation: _abbr, ...electrical } = moduleById(s.module.id) as SimModule;
  return {
    dn,
    pvIndex: s.pvIndex,
    devId,
    moduleQuantity: s.quantity,
    is2in1String: 0,
    moduleManufacturer: manufacturer,
    ...electrical,
    gridConnectionDate,
  };
}

export function ivState(sim: Simulator): IvState {
  let s = sim.state.get('iv') as IvState | undefined;
  if (!s) {
    s = new IvState(sim);
    sim.state.set('iv', s);
  }
  return s;
}
