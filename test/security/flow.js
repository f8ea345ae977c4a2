'use strict';
// Flows of the security suite: accounts and nodes by id, Catch and Complete nodes scoped to
// every node under test, so `send` resolves when that message's done() was called.
const { helper, NODES, load, harness } = require('../helpers/flow');
const { USER } = require('../helpers/sim');

function accountNode(id, url, extra = {}) {
  return {
    id,
    type: 'fusionsolar-account',
    name: `account ${id}`,
    baseUrl: url,
    timeout: 5,
    tlsVerify: true,
    locale: 'en-us',
    allowControl: false,
    quotaProfile: 'off',
    quotaWait: 0,
    ...extra,
  };
}

/** `nodes`: flow nodes with ids; each gets its own output helper `<id>-out`. */
function flow(accounts, nodes) {
  const ids = nodes.map((n) => n.id);
  return [
    ...accounts,
    ...nodes.map((n) => ({ split: false, ...n, wires: [['out']] })),
    { id: 'out', type: 'helper' },
    { id: 'out2', type: 'helper' },
    { id: 'c', type: 'catch', scope: ids, uncaught: false, wires: [['caught']] },
    { id: 'k', type: 'complete', scope: ids, wires: [['completed']] },
    { id: 's', type: 'status', scope: ids, wires: [['statuses']] },
    { id: 'caught', type: 'helper' },
    { id: 'completed', type: 'helper' },
    { id: 'statuses', type: 'helper' },
  ];
}

function creds(...ids) {
  return Object.fromEntries(ids.map((id) => [id, { username: USER.username, password: USER.password }]));
}

/** One account `acc` at `url` and one request node `n` on it. */
async function requestFlow(url, accountExtra = {}) {
  await load(
    flow(
      [accountNode('acc', url, accountExtra)],
      [{ id: 'n', type: 'fusionsolar-request', account: 'acc', method: 'POST', path: 'vpp/x' }],
    ),
    creds('acc'),
  );
  return harness();
}

module.exports = { helper, NODES, USER, accountNode, flow, creds, load, harness, requestFlow };
