'use strict';
// Fixtures for the I-V diagnosis tests: the simulator at a sunny hour and its inverters.
const { virtualSim } = require('./sim');
const { must } = require('./must');
const { ivState } = require('../../dist/src/simulator/routes/iv-state');

/** 11:00 UTC on 21 June: midday in Munich and Seville, night in Adelaide. */
const SUNNY = Date.UTC(2026, 5, 21, 11, 0, 0);

async function sunnySim(opts = {}) {
  const r = await virtualSim({ plants: 3, ...opts });
  r.clock.setTime(SUNNY);
  return r;
}

/** Inverter DNs of plant `i` (0 Munich: 1 inverter, 1 Seville: 5, 2 Adelaide: 3). */
/**
 * @param {TestSim} sim
 * @param {number} i
 */
function inverters(sim, i) {
  return sim.fleet.plants[i].devices.filter((d) => d.deviceTypeId === 20822).map((d) => d.dn);
}

/**
 * Strings of the inverters `dns`, which must be devices of the fleet.
 * @param {TestSim} sim
 * @param {string[]} dns
 */
function stringCount(sim, dns) {
  return dns.reduce((n, dn) => n + (must(sim.fleet.device(dn), dn).strings ?? NaN), 0);
}

const ivNode = (/** @type {string} */ operation, /** @type {Record<string, unknown>} */ extra = {}) => ({
  type: 'fusionsolar-iv',
  operation,
  ...extra,
});

/** Calls the simulator made to the I-V endpoints. */
/** @param {TestSim} sim */
function ivCalls(sim) {
  return Object.entries(sim.stats.byEndpoint)
    .filter(([e]) => e.startsWith('iv/'))
    .reduce((n, [, c]) => n + c, 0);
}

module.exports = { SUNNY, sunnySim, inverters, stringCount, ivNode, ivCalls, ivState };
