'use strict';
// Event waits for tests, instead of real-time sleeps: `until` waits for something to become
// true (and fails loudly if it never does); `settle` lets every already-queued callback run
// (promise jobs, I/O callbacks, immediates) without waiting for any time to pass, so a test
// that asserts "nothing more happened" checks the state the process actually reached.

/**
 * Resolves once `pred()` is true; rejects after `ms` of real time with `what`.
 * @param {() => unknown} pred
 * @param {string} [what]
 * @param {number} [ms]
 * @returns {Promise<void>}
 */
function until(pred, what = 'condition', ms = 10_000) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pred()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 2);
    };
    check();
  });
}

/**
 * Resolves once the async `check()` gives true (a failed check counts as not yet): for a
 * server or database that answers over the network, asked again after each answer.
 * @param {() => Promise<unknown>} check
 * @param {string} [what]
 * @param {number} [ms]
 */
async function eventually(check, what = 'condition', ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A few rounds of the event loop's check phase: queued work runs, no time is waited for.
 * @param {number} [rounds]
 */
async function settle(rounds = 10) {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

module.exports = { until, eventually, settle };
