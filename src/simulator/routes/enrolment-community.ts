import type { Simulator } from '../server';
import { SimFail, type SimRequest } from '../types';
import { commaList } from './common';
import { enrolmentState, INSTALLERS } from './enrolment-state';

/** 9.6.2.1: is an SN registered, and to which commissioning user is it bound? */

const MINUTE = 60_000;
const MAX_SNS = 50;

interface Known {
  installer?: string;
  plantCreateTime: string;
}

/**
 * Devices of the fleet are bound by plant: the first of every three plants to admin@qq.com,
 * the second to other-installer, the third to nobody.
 */
function lookup(sim: Simulator, sn: string): Known | undefined {
  const p = enrolmentState(sim).prospects.find((x) => x.sn === sn);
  if (p) return { installer: p.installer, plantCreateTime: p.plantCreateTime };
  const index = sim.fleet.plants.findIndex((plant) => plant.devices.some((d) => d.sn === sn));
  if (index < 0) return undefined;
  const plant = sim.fleet.plants[index];
  return { installer: [INSTALLERS[0], INSTALLERS[1], undefined][index % 3], plantCreateTime: plant.gridConnectionDate };
}

function isOwner(sim: Simulator, account: string): boolean {
  const a = account.toLowerCase();
  return enrolmentState(sim).prospects.some(
    (p) => p.username.toLowerCase() === a || p.email.toLowerCase() === a || p.phone === account,
  );
}

function snIsRegister(req: SimRequest): unknown {
  const sns = commaList(req.body.sns);
  if (sns.length === 0) throw new SimFail(30001);
  if (sns.length > MAX_SNS) throw new SimFail(30002);
  const account = typeof req.body.account === 'string' ? req.body.account.trim() : '';
  if (!account) throw new SimFail(30003);
  const installer = INSTALLERS.find((i) => i.toLowerCase() === account.toLowerCase());
  const owner = isOwner(req.sim, account);
  // The reference's example 2: success true, no data, failCode 20028.
  if (!installer && !owner) throw new SimFail(20028, null, 'user does not exist', true);
  return sns.map((sn) => {
    const known = lookup(req.sim, sn);
    // 0: unknown SN, or an owner account, which never manages devices.
    if (!known || !installer) return { sn, result: 0 };
    if (!known.installer) return { sn, result: 1, plantCreateTime: known.plantCreateTime };
    if (known.installer !== installer) return { sn, result: 2 };
    return { sn, result: 3, plantCreateTime: known.plantCreateTime };
  });
}

export function registerCommunity(sim: Simulator): void {
  sim.route('community/snIsRegister', snIsRegister, { quota: [{ count: 100, windowMs: MINUTE }] });
}
