'use strict';
// Flows for the state suites: accounts with a lasting store, inject -> FusionSolar node, and
// every output, error (catch) and status (status node) sent to the debug sidebar.

function account(id, url, user, extra = {}) {
  return {
    id,
    type: 'fusionsolar-account',
    name: `account ${id}`,
    configVersion: 1,
    baseUrl: url,
    timeout: 30,
    tlsVerify: true,
    ca: '',
    locale: 'en-us',
    allowControl: false,
    quotaProfile: 'documented',
    quotaCustom: '',
    quotaWait: 0,
    quotaDayZone: '',
    plants: '',
    devices: '',
    store: 'local',
    redisUrl: '',
    redisFallback: 'local',
    credentials: {
      username: user.username,
      password: user.password,
      ...(extra.redisPassword ? { redisPassword: extra.redisPassword } : {}),
    },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'redisPassword')),
  };
}

const debug = (id, name) => ({
  id,
  type: 'debug',
  z: 'tab',
  name,
  active: true,
  tosidebar: true,
  console: false,
  tostatus: false,
  complete: 'true',
  targetType: 'full',
  wires: [],
});

/** inject `i-<name>` -> node `<name>` -> debug "out:<name>"; one catch and one status node for all. */
/**
 * @param {object[]} accounts
 * @param {object[]} nodes
 * @param {{ repeat?: number }} [options]
 */
function flowOf(accounts, nodes, { repeat } = {}) {
  const out = [{ id: 'tab', type: 'tab', label: 'state' }, ...accounts];
  for (const n of nodes) {
    out.push({
      id: `i-${n.id}`,
      type: 'inject',
      z: 'tab',
      name: `inject ${n.id}`,
      props: [{ p: 'payload' }],
      repeat: repeat ? String(repeat) : '',
      crontab: '',
      once: !!repeat,
      onceDelay: 0.1,
      topic: '',
      payload: '',
      payloadType: 'date',
      wires: [[n.id]],
    });
    out.push({ z: 'tab', name: `node ${n.id}`, configVersion: 1, split: false, wires: [[`d-${n.id}`]], ...n });
    out.push(debug(`d-${n.id}`, `out:${n.id}`));
  }
  out.push(
    { id: 'c-all', type: 'catch', z: 'tab', name: '', scope: null, uncaught: false, wires: [['d-err']] },
    debug('d-err', 'err'),
  );
  out.push(
    { id: 's-all', type: 'status', z: 'tab', name: '', scope: null, wires: [['d-status']] },
    debug('d-status', 'status'),
  );
  return out;
}

/** The debug sidebar's messages as {name, msg} with msg parsed. */
function parsed(messages) {
  return messages
    .filter((m) => m.name)
    .map((m) => {
      let msg = m.msg;
      try {
        msg = JSON.parse(m.msg);
      } catch {
        // A plain string payload.
      }
      return { name: m.name, msg };
    });
}

module.exports = { account, flowOf, parsed };
