'use strict';
// The example flows as the end-to-end suites deploy them: each account pointed at the
// simulator with its own user (so examples never share a quota), and what each must show.
const fs = require('node:fs');
const path = require('node:path');
const { root } = require('./runtimes');

const ACCOUNT = 'fusionsolar-account';

function exampleFiles() {
  const dir = path.join(root, 'examples');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, flow: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Node ids reachable by wires (and link nodes) from the given nodes. */
function reachable(flow, from) {
  const byId = new Map(flow.map((n) => [n.id, n]));
  const next = (n) => [...(n.wires || []).flat(), ...(/^link (out|call)$/.test(n.type) ? n.links || [] : [])];
  const seen = new Set();
  const queue = [...from];
  while (queue.length) {
    const n = queue.shift();
    for (const id of next(n)) {
      if (seen.has(id) || !byId.has(id)) continue;
      seen.add(id);
      queue.push(byId.get(id));
    }
  }
  return seen;
}

/**
 * Debug nodes fed from an inject must show a message; debug nodes fed from a Catch must
 * stay silent (they show errors).
 */
function expectations(flow) {
  const debug = flow.filter((n) => n.type === 'debug' && n.active !== false);
  const fromInject = reachable(
    flow,
    flow.filter((n) => n.type === 'inject'),
  );
  const fromCatch = reachable(
    flow,
    flow.filter((n) => n.type === 'catch'),
  );
  return {
    required: debug.filter((n) => fromInject.has(n.id) && !fromCatch.has(n.id)),
    forbidden: debug.filter((n) => fromCatch.has(n.id)),
    manualInjects: manualInjects(flow),
  };
}

/**
 * The injects the suite clicks: every button, and a timer (crontab, not fired at start) only
 * when no button reaches what it reaches. A timer clicked next to a button can send a second
 * command: the charge example's 00:05 price timer charges at once when the cheapest hour left
 * is the current one, which made the verdict depend on the hour the suite ran.
 */
function manualInjects(flow) {
  const clicked = flow.filter((n) => n.type === 'inject' && !n.once);
  const buttons = clicked.filter((n) => !n.crontab);
  const byButtons = reachable(flow, buttons);
  return clicked.filter(
    (n) => !n.crontab || [...reachable(flow, [n])].some((id) => !byButtons.has(id) && isDebug(flow, id)),
  );
}

const isDebug = (flow, id) => flow.some((n) => n.id === id && n.type === 'debug');

/**
 * The example as deployed: account URL, credentials of its own simulator user, and no quota
 * pacing. The suite runs on the real clock, where the documented quotas would make an
 * example wait a minute between calls of one endpoint (backfilling yesterday for plants in
 * two time zones needs two history calls); pacing is the governor tests' and the soak's job.
 */
function deployable(flow, simUrl, user) {
  return flow
    .filter((n) => !THIRD_PARTY_CONFIG.has(n.type))
    .map((n) => (THIRD_PARTY.test(n.type) ? standIn(n) : n))
    .map((n) =>
      n.type === ACCOUNT
        ? {
            ...n,
            baseUrl: simUrl,
            quotaProfile: 'off',
            credentials: { username: user.username, password: user.password },
          }
        : n,
    );
}

/**
 * Examples wire the monitor to other packages' nodes (InfluxDB, FlowFuse Dashboard), which a
 * fresh user directory lacks: those stand in as silent debug nodes, their config nodes go.
 * The sinks suite (test/sinks) runs the InfluxDB example against a real InfluxDB.
 */
const THIRD_PARTY = /^(influxdb|ui-)/;
const THIRD_PARTY_CONFIG = new Set(['influxdb', 'ui-base', 'ui-page', 'ui-group', 'ui-theme']);
function standIn(n) {
  return {
    id: n.id,
    type: 'debug',
    z: n.z,
    name: `${n.type} (stand-in)`,
    active: false,
    tosidebar: false,
    console: false,
    tostatus: false,
    complete: 'false',
    wires: [],
  };
}

module.exports = { exampleFiles, expectations, deployable };
