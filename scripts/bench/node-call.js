'use strict';
// Per-message cost of a node call against the simulator over loopback, next to a bare
// undici.request of the same request and to the floor: a minimal Node-RED node that only
// makes that request, parses the JSON and sends it. Also messages per second with quotas off.
const path = require('node:path');
const { request } = require('undici');
const { ROOT, USER, PREFIX, bareLogin, bareCall, stats, now } = require('./common');

const dist = path.join(ROOT, 'dist');
const { helper, NODES, load } = require(path.join(ROOT, 'test', 'helpers', 'flow'));
const { operation } = require(path.join(dist, 'src', 'api'));
const { validate } = require(path.join(dist, 'src', 'api', 'core', 'validate'));
const { defaultBody } = require(path.join(dist, 'src', 'api', 'core', 'planner'));

/** realtimeKpi of 100 plants when its node is built; else one page of deviceList for 100 plants. */
function pickOperation(codes) {
  if (operation('realtimeKpi') && NODES['fusionsolar-plant-data']) {
    return { type: 'fusionsolar-plant-data', def: operation('realtimeKpi'), payload: { plantCodes: codes } };
  }
  return {
    type: 'fusionsolar-plants',
    def: operation('deviceList'),
    payload: { plantCodes: codes, pageNo: 1, pageSize: 100 },
  };
}

/** The floor: everything a node must do, nothing more. */
function floorNodes(url, endpoint, headers, body) {
  return function register(RED) {
    /**
     * @this {import('node-red').Node}
     * @param {import('node-red').NodeDef} config
     */
    function FloorNode(config) {
      RED.nodes.createNode(this, config);
      this.on('input', async (msg, send, done) => {
        try {
          const res = await request(`${url}${PREFIX}${endpoint}`, { method: 'POST', headers, body });
          msg.payload = /** @type {{ data: unknown }} */ (await res.body.json()).data;
          send(msg);
          done();
        } catch (err) {
          done(err instanceof Error ? err : new Error(String(err)));
        }
      });
    }
    RED.nodes.registerType('bench-floor', FloorNode);
  };
}

function flow(url, pick) {
  return [
    {
      id: 'acc',
      type: 'fusionsolar-account',
      baseUrl: url,
      timeout: 30,
      tlsVerify: true,
      locale: 'en-us',
      allowControl: false,
      quotaProfile: 'off',
      quotaWait: 60,
    },
    { id: 'n', type: pick.type, account: 'acc', operation: pick.def.name, split: false, wires: [['outN']] },
    { id: 'f', type: 'bench-floor', wires: [['outF']] },
    { id: 'outN', type: 'helper' },
    { id: 'outF', type: 'helper' },
  ];
}

/** Sends `n` messages one after another through node `id`, timing each to its output. */
function sequential(id, outId, makeMsg) {
  const node = helper.getNode(id);
  let resolveOut;
  helper.getNode(outId).on('input', (m) => resolveOut(m));
  return async (n, samples) => {
    for (let i = 0; i < n; i++) {
      const t0 = now();
      const done = new Promise((r) => (resolveOut = r));
      node.receive(makeMsg());
      const m = await done;
      samples.push(now() - t0);
      if (m.error) throw new Error(m.error.message);
    }
  };
}

/** Messages per second with `inFlight` messages always outstanding. */
async function throughput(id, outId, makeMsg, total, inFlight) {
  const node = helper.getNode(id);
  let sent = 0;
  let received = 0;
  const t0 = now();
  await new Promise((/** @type {(value?: void) => void} */ resolve) => {
    helper.getNode(outId).on('input', () => {
      received++;
      if (sent < total) {
        sent++;
        node.receive(makeMsg());
      } else if (received === total) resolve();
    });
    for (; sent < Math.min(inFlight, total); sent++) node.receive(makeMsg());
  });
  return total / ((now() - t0) / 1000);
}

async function run(sim, { rounds = 20, perRound = 100, warmup = 300 } = {}) {
  const codes = Array.from({ length: 100 }, (_, i) => `NE=${33554432 + i}`);
  const pick = pickOperation(codes);
  const params = validate(pick.def, pick.payload);
  const body = JSON.stringify(pick.def.toBody ? pick.def.toBody(params) : defaultBody(params));
  const headers = await bareLogin(sim.url);
  await load(flow(sim.url, pick), { acc: USER }, [floorNodes(sim.url, pick.def.endpoint, headers, body)]);
  // Node-RED as users run it: without the test helper's spies on every node method (a wired
  // node keeps its own reference to send, taken while the spy was in place).
  helper._sandbox.restore();
  for (const id of ['n', 'f']) helper.getNode(id).send = helper._NodePrototype.send;
  const msgN = () => ({ operation: pick.def.name, payload: pick.payload });
  const msgF = () => ({ payload: null });
  const variants = {
    node: sequential('n', 'outN', msgN),
    floor: sequential('f', 'outF', msgF),
    bare: async (n, samples) => {
      for (let i = 0; i < n; i++) {
        const t0 = now();
        await bareCall(sim.url, pick.def.endpoint, headers, body);
        samples.push(now() - t0);
      }
    },
  };
  const samples = { node: [], floor: [], bare: [] };
  for (const v of Object.keys(variants)) await variants[v](warmup, []);
  // Interleaved message by message in rotating order: on a shared machine the load of other
  // work changes within a second, and a round of 100 messages of one variant (about as long)
  // caught a burst its rival's round did not. One message each in turn puts every variant
  // under the same load; the sample count is the same as before.
  const order = Object.keys(variants);
  for (let i = 0; i < rounds * perRound; i++) {
    for (let k = 0; k < order.length; k++) {
      const v = order[(i + k) % order.length];
      await variants[v](1, samples[v]);
    }
  }
  const rate = {
    node: await throughput('n', 'outN', msgN, 3000, 16),
    floor: await throughput('f', 'outF', msgF, 3000, 16),
  };
  await helper.unload();
  return {
    operation:
      `${pick.def.name} (${pick.def.endpoint}) of 100 ` +
      `plants${
        pick.def.name === 'realtimeKpi'
          ? ''
          : ' (realtimeKpi not built on this branch: one ' + 'page of 100 devices instead)'
      }`,
    responseBytes: JSON.stringify(await bareCall(sim.url, pick.def.endpoint, headers, body)).length,
    node: stats(samples.node),
    floor: stats(samples.floor),
    bare: stats(samples.bare),
    rate,
  };
}

module.exports = { run };
