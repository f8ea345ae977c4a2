'use strict';
// Shared test fixtures: a simulator and the client on one virtual clock, so quota waits of
// minutes pass in milliseconds while both sides agree on the time.
const { VirtualClock } = require('../../dist/src/clock');
const { startSimulator } = require('../../dist/src/simulator');
const registry = require('../../dist/src/client');
const { resetLoginGuards } = require('../../dist/src/client');

/** @type {import('../../dist/src/simulator').SimUser} */
const USER = { username: 'tester', password: 's3cret-Passw0rd!', scope: 'all' };

/**
 * @param {Partial<import('../../dist/src/simulator').SimulatorOptions>} [opts]
 * @returns {Promise<{ sim: TestSim, clock: TestClock }>}
 */
async function virtualSim(opts = {}) {
  const clock = new VirtualClock();
  registry.useClock(clock);
  resetLoginGuards();
  const sim = await startSimulator({ plants: 3, users: [USER], clock, ...opts });
  return { sim, clock };
}

/** @param {TestSim | undefined} sim */
async function stopSim(sim) {
  registry.useClock(undefined);
  await registry.closeIdleClients();
  if (sim) await sim.close();
}

module.exports = { USER, virtualSim, stopSim };
