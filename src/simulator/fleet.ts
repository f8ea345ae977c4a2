import { seeded } from './random';

/** Device type ids of reference chapter 10 that the simulated plants contain. */
export const DEV = {
  optimizer: 20814,
  battery: 20815,
  meter: 20816,
  dongle: 20819,
  smartLogger: 20821,
  inverter: 20822,
  centralInverter: 20827,
} as const;

export interface SimDevice {
  dn: string;
  sn: string;
  deviceName: string;
  deviceTypeId: number;
  plantCode: string;
  model: string;
  ratedPower?: number;
  ratedCapacity?: number;
  usableCapacity?: number;
  dod?: number;
  softwareVersion?: string;
  optimizerNumber?: number;
  /** Inverter stopped (power-off command or DRM): read live from the plant physics once the routes are up. */
  off?: boolean;
  /** Battery state of charge, percent: the starting value, then the physics' live reading. */
  soc?: number;
  /** Battery power now, kW: charging (+), discharging (-); read live from the physics. */
  power?: number;
  strings?: number;
}

export interface SimPlant {
  plantCode: string;
  plantName: string;
  plantAddress: string | null;
  longitude: number;
  latitude: number;
  capacity: number;
  contactPerson: string;
  contactMethod: string;
  gridConnectionDate: string;
  /** Plant time zone offset from UTC in minutes. */
  tzOffsetMin: number;
  devices: SimDevice[];
  /** Owner of the plant: only that user's plant list shows it. */
  owner?: string;
}

const SITES: Array<[string, number, number, number]> = [
  ['Munich, Germany', 11.58, 48.14, 60],
  ['Seville, Spain', -5.98, 37.39, 60],
  ['Adelaide, Australia', 138.6, -34.93, 570],
  ['Shenzhen, China', 114.06, 22.54, 480],
  ['Rotterdam, Netherlands', 4.48, 51.92, 60],
  ['Santiago, Chile', -70.67, -33.45, -180],
  ['Singapore', 103.82, 1.35, 480],
  ['Milan, Italy', 9.19, 45.46, 60],
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

function snFrom(rand: () => number, prefix: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = prefix;
  while (s.length < 16) s += chars[Math.floor(rand() * chars.length)];
  return s;
}

/** Makes one plant with a realistic device set for its size. */
export function makePlant(index: number, rand: () => number, nextDn: () => string, owner?: string): SimPlant {
  const [city, lon, lat, tz] = SITES[index % SITES.length];
  const plantCode = `NE=${33_554_432 + index}`;
  const residential = rand() < 0.7;
  const capacity = Math.round((residential ? 4 + rand() * 16 : 50 + rand() * 450) * 10) / 10;
  const plant: SimPlant = {
    plantCode,
    plantName: `Sim Plant ${pad(index + 1, 4)}`,
    plantAddress: `${city} #${index + 1}`,
    longitude: Math.round((lon + (rand() - 0.5) * 0.4) * 1e5) / 1e5,
    latitude: Math.round((lat + (rand() - 0.5) * 0.4) * 1e5) / 1e5,
    capacity,
    contactPerson: index % 3 === 0 ? '' : `Operator ${index + 1}`,
    contactMethod: index % 3 === 0 ? '' : `ops${index + 1}@example.com`,
    gridConnectionDate: `2022-${pad(1 + (index % 12), 2)}-15T00:00:00${offsetText(tz)}`,
    tzOffsetMin: tz,
    devices: [],
    owner,
  };
  const dev = (typeId: number, name: string, extra: Partial<SimDevice>): SimDevice => {
    const d: SimDevice = {
      dn: nextDn(),
      sn: snFrom(rand, typeId === DEV.inverter ? '102' : 'HV'),
      deviceName: name,
      deviceTypeId: typeId,
      plantCode,
      model: '',
      ...extra,
    };
    plant.devices.push(d);
    return d;
  };
  const inverters = residential ? 1 : Math.max(2, Math.round(capacity / 100));
  const perInverter = Math.round((capacity / inverters) * 10) / 10;
  for (let i = 0; i < inverters; i++) {
    dev(DEV.inverter, `Inverter-${i + 1}`, {
      model: residential ? 'SUN2000-10KTL-M1' : 'SUN2000-115KTL-M2',
      ratedPower: residential ? Math.min(10, Math.max(3, Math.round(perInverter))) : 115,
      softwareVersion: 'V100R001C00SPC333',
      optimizerNumber: residential ? 8 : 0,
      strings: residential ? 2 : 8,
    });
  }
  if (residential) {
    const kwh = [5, 10, 15][index % 3];
    dev(DEV.battery, 'Battery-1', {
      model: 'LUNA2000-5-E0',
      ratedCapacity: kwh,
      usableCapacity: kwh,
      dod: 90,
      soc: 40 + Math.round(rand() * 40),
    });
    dev(DEV.dongle, 'Dongle-1', { model: 'SDongleA-05' });
    for (let i = 0; i < 2; i++) dev(DEV.optimizer, `Optimizer-${i + 1}`, { model: 'SUN2000-450W-P' });
  } else {
    dev(DEV.smartLogger, 'SmartLogger-1', { model: 'SmartLogger3000A' });
    if (rand() < 0.5)
      dev(DEV.battery, 'ESS-1', {
        model: 'LUNA2000-200KWH-2H1',
        ratedCapacity: 200,
        usableCapacity: 193,
        dod: 95,
        soc: 55,
      });
  }
  dev(DEV.meter, 'Meter-1', { model: 'DTSU666-H' });
  return plant;
}

/** The simulated estate: plants, their devices and lookups by code. */
export class Fleet {
  readonly plants: SimPlant[] = [];
  private readonly byCode = new Map<string, SimPlant>();
  private readonly byDn = new Map<string, SimDevice>();
  private readonly rand: () => number;
  private dnCounter = 1_000_000;
  private readonly nextDn = (): string => `NE=${this.dnCounter++}`;

  constructor(count: number, seed = 42) {
    this.rand = seeded(seed);
    for (let i = 0; i < count; i++) this.add(makePlant(i, this.rand, this.nextDn));
  }

  add(plant: SimPlant): SimPlant {
    this.plants.push(plant);
    this.byCode.set(plant.plantCode, plant);
    for (const d of plant.devices) this.byDn.set(d.dn, d);
    return plant;
  }

  /** A new plant, e.g. created by an enrolment. */
  create(owner?: string): SimPlant {
    return this.add(makePlant(this.plants.length, this.rand, this.nextDn, owner));
  }

  plant(code: string): SimPlant | undefined {
    return this.byCode.get(code);
  }

  device(dn: string): SimDevice | undefined {
    return this.byDn.get(dn);
  }

  devices(): SimDevice[] {
    return this.plants.flatMap((p) => p.devices);
  }

  random(): number {
    return this.rand();
  }
}
