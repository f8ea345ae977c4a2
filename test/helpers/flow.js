'use strict';
// Loads FusionSolar nodes into node-red-node-test-helper with Catch, Complete and Status
// nodes around the node under test, so every test sees what a real flow would see.
const assert = require('node:assert/strict');
const helper = require('node-red-node-test-helper');
const path = require('node:path');
const { USER } = require('./sim');

helper.init(require.resolve('node-red'));

const dist = path.join(__dirname, '..', '..', 'dist', 'nodes');
const core = path.dirname(require.resolve('@node-red/nodes/core/common/25-catch.js'));
const CORE = [
  require(path.join(core, '25-catch.js')),
  require(path.join(core, '24-complete.js')),
  require(path.join(core, '25-status.js')),
];

const TYPES = [
  'fusionsolar-account',
  'fusionsolar-plants',
  'fusionsolar-plant-data',
  'fusionsolar-device-data',
  'fusionsolar-alarms',
  'fusionsolar-control',
  'fusionsolar-iv',
  'fusionsolar-enrolment',
  'fusionsolar-request',
  'fusionsolar-monitor',
];
/** @type {Record<string, TestNodeModule>} */
const NODES = {};
for (const type of TYPES) {
  try {
    NODES[type] = require(path.join(dist, type, `${type}.js`));
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'MODULE_NOT_FOUND') throw err;
  }
}

/**
 * @param {{ url: string }} sim
 * @param {Record<string, unknown>} [extra]
 * @returns {FlowNode}
 */
function account(sim, extra = {}) {
  return {
    id: 'acc',
    type: 'fusionsolar-account',
    name: 'sim',
    baseUrl: sim.url,
    timeout: 5,
    tlsVerify: true,
    locale: 'en-us',
    allowControl: false,
    quotaProfile: 'documented',
    quotaWait: 600,
    ...extra,
  };
}

/** @param {Record<string, unknown>} [extra] */
function credentials(extra = {}) {
  return { acc: { username: USER.username, password: USER.password, ...extra } };
}

/**
 * A flow with the node under test `n` (settings `node`), its outputs wired to `out`/`out2`,
 * and Catch, Complete and Status nodes scoped to it.
 * @param {{ url: string }} sim
 * @param {{ type: string, [setting: string]: unknown }} node
 * @param {{ accountExtra?: Record<string, unknown>, outputs?: number }} [opts]
 * @returns {FlowNode[]}
 */
function flowWith(sim, node, { accountExtra = {}, outputs = 1 } = {}) {
  const wires = [['out']];
  if (outputs > 1) wires.push(['out2']);
  return [
    account(sim, accountExtra),
    { id: 'n', account: 'acc', split: false, ...node, wires },
    { id: 'out', type: 'helper' },
    { id: 'out2', type: 'helper' },
    { id: 'c', type: 'catch', scope: ['n'], uncaught: false, wires: [['caught']] },
    { id: 'k', type: 'complete', scope: ['n'], wires: [['completed']] },
    { id: 's', type: 'status', scope: ['n'], wires: [['statuses']] },
    { id: 'caught', type: 'helper' },
    { id: 'completed', type: 'helper' },
    { id: 'statuses', type: 'helper' },
  ];
}

/**
 * Loads `flow` with every built node type, the core nodes around it and any `extra` node modules.
 * @param {FlowNode[]} flow
 * @param {Record<string, object>} [creds]
 * @param {TestNodeModule[]} [extra]
 */
async function load(flow, creds = {}, extra = []) {
  const nodes = [...Object.values(NODES), ...CORE, ...extra];
  await helper.load(nodes, flow, creds);
}

/**
 * Tracks every message the flow emits; `send` injects one message and resolves when that
 * message's done() has been called (Complete or Catch fired). `waitMs`: real time a wait may
 * take before it fails (raise it for calls that make the simulator work hard).
 * @param {{ waitMs?: number }} [opts]
 */
function harness({ waitMs = 20000 } = {}) {
  /** @type {SeenMessages} */
  const seen = { out: [], out2: [], caught: [], completed: [], statuses: [] };
  for (const id of /** @type {Array<keyof SeenMessages>} */ (Object.keys(seen))) {
    const n = helper.getNode(id);
    // The Catch and Status nodes' messages carry what their SeenMessages type says.
    const list = /** @type {TestMessage[]} */ (seen[id]);
    n.on('input', (m) => {
      list.push(m);
      for (const w of waiters.splice(0)) w();
    });
  }
  /** @type {Array<() => void>} */
  const waiters = [];
  const ends = () => seen.caught.length + seen.completed.length;
  /**
   * @param {() => boolean} pred
   * @param {number} [ms]
   */
  function waitFor(pred, ms = waitMs) {
    return new Promise(
      /** @param {(value?: void) => void} resolve */ (resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for the flow')), ms);
        const check = () => {
          if (pred()) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      },
    );
  }
  /**
   * @param {Record<string, unknown>} msg
   * @param {string} [nodeId]
   * @returns {Promise<SendResult>}
   */
  async function send(msg, nodeId = 'n') {
    const before = ends();
    const outBefore = seen.out.length;
    const caughtBefore = seen.caught.length;
    helper.getNode(nodeId).receive(msg);
    await waitFor(() => ends() > before);
    const caught = seen.caught.length > caughtBefore ? seen.caught[seen.caught.length - 1] : undefined;
    return { out: seen.out.slice(outBefore), error: caught && caught.error, caught };
  }
  /**
   * Sends a message that must fail, and gives its error (a Catch node's `msg.error`).
   * @param {Record<string, unknown>} msg
   * @param {string} [nodeId]
   */
  async function failed(msg, nodeId = 'n') {
    const { error, out } = await send(msg, nodeId);
    assert.ok(error, `expected an error for ${JSON.stringify(msg)}, got ${out.length} output message(s)`);
    return error;
  }
  return { seen, send, failed, waitFor, ends };
}

module.exports = { helper, NODES, account, credentials, flowWith, load, harness };
