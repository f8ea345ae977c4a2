'use strict';
// V6 accounts against the simulator: the account node with api v6, and the simulator's own
// view of the V6 fleet (device ids, types, SNs) to check answers against.
const { virtualSim, USER } = require('./sim');
const { v6Fleet } = require('../../dist/src/simulator/v6/devices');

/** A second user who sees only the first plant: another user's plants and devices give 20045/20046. */
const NARROW = { username: 'narrow', password: 'narr0w-Passw0rd!', scope: ['NE=33554432'] };

/** @param {Partial<import('../../dist/src/simulator').SimulatorOptions>} [opts] */
async function v6Sim(opts = {}) {
  const users = [USER, NARROW, ...(opts.users ?? [])];
  return virtualSim({ plants: 3, ...opts, users });
}

/** Account settings for a V6 account (the flow helper's account() plus these). */
const V6 = { api: 'v6' };

/** @param {TestSim} sim */
function fleetOf(sim) {
  const f = v6Fleet(sim);
  const all = [...f.byId.values()];
  return {
    all,
    ofType: (/** @type {number} */ t) => all.filter((d) => d.devTypeId === t),
    ids: (/** @type {Array<{ id: number | string }>} */ list) => list.map((d) => String(d.id)),
    codes: () => sim.fleet.plants.map((p) => p.plantCode),
  };
}

module.exports = { NARROW, V6, v6Sim, fleetOf };
