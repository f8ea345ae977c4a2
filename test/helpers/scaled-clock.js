'use strict';
// A clock that runs `factor` times faster than real time, the same in every process that
// is given the same origin: the simulator in the test process and several Node-RED
// processes agree on the time with no link between them. Settings files of the Node-RED
// processes install it with registry.useClock (see scaledClockPreamble).

class ScaledClock {
  /**
   * `realStart` (Date.now() ms) is shown as `start`; time runs `factor` times as fast.
   * @param {{ start: number, realStart: number, factor: number }} origin
   */
  constructor({ start, realStart, factor }) {
    this.start = start;
    this.realStart = realStart;
    this.factor = factor;
  }

  now() {
    return Math.floor(this.start + (Date.now() - this.realStart) * this.factor);
  }

  /**
   * @param {number} ms
   * @param {AbortSignal} [signal]
   * @returns {Promise<void>}
   */
  sleep(ms, signal) {
    return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
      if (signal && signal.aborted) return reject(signal.reason || new Error('aborted'));
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason || new Error('aborted'));
      };
      const timer = setTimeout(
        () => {
          if (signal) signal.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms) / this.factor,
      );
      if (signal) signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/**
 * settings.js lines that put the package of `userDir` on the scaled clock.
 * @param {string} userDir
 * @param {{ start: number, realStart: number, factor: number }} origin
 */
function scaledClockPreamble(userDir, origin) {
  const registry = require.resolve('node-red-contrib-fusionsolar/dist/src/client/registry', { paths: [userDir] });
  return (
    `const { ScaledClock } = ` +
    `require(${JSON.stringify(__filename)});\nrequire(${JSON.stringify(registry)}).useClock(new ` +
    `ScaledClock(${JSON.stringify(origin)}));\n`
  );
}

module.exports = { ScaledClock, scaledClockPreamble };
