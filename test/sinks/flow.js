'use strict';
// An example flow as the sinks suite runs it: the account at the simulator, on the virtual
// clock; the example's inject and comment left out; debug nodes become helper nodes.
const { until } = require('../helpers/wait');
const fs = require('node:fs');
const path = require('node:path');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, NODES, credentials } = require('../helpers/flow');
const { Transport } = require('../../dist/src/client/transport');
const { forgetMonitorState } = require('../../dist/src/monitor/state');

const core = path.dirname(require.resolve('@node-red/nodes/core/common/25-catch.js'));
const MQTT = require(path.join(core, '..', 'network', '10-mqtt.js'));
const COMPLETE = require(path.join(core, '24-complete.js'));
const CATCH = require(path.join(core, '25-catch.js'));
const INFLUX = require('node-red-contrib-influxdb/influxdb.js');

function example(file) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', file), 'utf8'));
}

/** HTTP on loopback costs no simulated time (see scripts/soak.js). */
let heldClock;
const send = Transport.prototype.send;
Transport.prototype.send = async function held(req) {
  const release = heldClock ? heldClock.hold() : () => undefined;
  try {
    return await send.call(this, req);
  } finally {
    release();
  }
};

async function runExample(file, edit, simOpts = { plants: 2 }) {
  forgetMonitorState();
  const { sim, clock } = await virtualSim(simOpts);
  heldClock = clock;
  // Time stands still until the test lets it run: the sinks work on the real clock.
  const freeze = clock.hold();
  const flow = example(file)
    .filter((n) => !['comment', 'inject'].includes(n.type))
    .map((n) => {
      if (n.type === 'fusionsolar-account') return { ...n, id: 'acc', baseUrl: sim.url, quotaWait: 600 };
      if (n.type === 'debug') return { id: n.id, z: n.z, type: 'helper' };
      return n.account ? { ...n, account: 'acc' } : n;
    })
    .map(edit);
  await helper.load(
    [NODES['fusionsolar-account'], NODES['fusionsolar-monitor'], MQTT, INFLUX, COMPLETE, CATCH],
    flow,
    credentials(),
  );
  return { sim, clock, flow, freeze };
}

async function stopExample(sim) {
  await helper.unload();
  heldClock = undefined;
  await stopSim(sim);
}

/** Waits for a condition of the flow (the shared event wait, never a fixed sleep). */
function waitFor(check, what, ms = 20000) {
  return until(check, what, ms);
}

module.exports = { runExample, stopExample, waitFor, helper };
