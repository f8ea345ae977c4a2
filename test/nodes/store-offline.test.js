'use strict';
// An account on the Redis store whose Redis is unreachable when Node-RED starts (no Redis
// server here: a closed port). Every node of the account, the monitor too, says "store
// offline". With redisFallback "stop" nothing is called; with "local" the account works
// from this instance's local copy, within its share of each quota among the instances it
// last saw.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, load, credentials } = require('../helpers/flow');
const { until } = require('../helpers/wait');
const { holdHttp, monitorNode } = require('../helpers/monitor');
const { LocalStore } = require('../../dist/src/client/store/local-store');
const { accountId } = require('../../dist/src/client/store/identity');
const { loginWindowKey } = require('../../dist/src/client/login-guard');
const { must } = require('../helpers/must');

const MIN = 60_000;
const DEAD = 'redis://127.0.0.1:1';

function flow(sim, fallback, monitor = {}) {
  return [
    {
      id: 'acc',
      type: 'fusionsolar-account',
      name: 'sim',
      baseUrl: sim.url,
      timeout: 5,
      tlsVerify: true,
      locale: 'en-us',
      quotaProfile: 'documented',
      quotaWait: 0,
      store: 'redis',
      redisUrl: DEAD,
      redisFallback: fallback,
    },
    /** @type {FlowNode} */ (monitorNode({ id: 'mon', account: 'acc', ...monitor, wires: [[], []] })),
    {
      id: 'pd',
      type: 'fusionsolar-plant-data',
      account: 'acc',
      operation: 'realtimeKpi',
      plantCodes: '',
      plantCodesType: 'str',
      split: false,
      wires: [['out']],
    },
    { id: 'out', type: 'helper' },
    { id: 'c', type: 'catch', scope: ['pd'], uncaught: false, wires: [['caught']] },
    { id: 's', type: 'status', scope: ['mon', 'pd'], wires: [['statuses']] },
    { id: 'caught', type: 'helper' },
    { id: 'statuses', type: 'helper' },
  ];
}

async function start(sim, fallback, monitor) {
  await load(flow(sim, fallback, monitor), credentials());
  /** @type {Pick<SeenMessages, 'out' | 'caught' | 'statuses'>} */
  const seen = { out: [], caught: [], statuses: [] };
  // The Catch and Status nodes' messages carry what their SeenMessages type says.
  for (const id of /** @type {Array<keyof typeof seen>} */ (Object.keys(seen))) {
    const list = /** @type {TestMessage[]} */ (seen[id]);
    helper.getNode(id).on('input', (m) => list.push(m));
  }
  const offline = (id) => seen.statuses.some((m) => m.status.source.id === id && m.status.text === 'store offline');
  await until(() => offline('mon') && offline('pd'), 'store offline on the monitor and the plant-data node');
  return seen;
}

describe('Redis unreachable when Node-RED starts', function () {
  this.timeout(30_000);
  let sim;
  let clock;
  let userDir;
  const simOf = async (plants) => {
    ({ sim, clock } = await virtualSim({ plants }));
    holdHttp(clock);
  };
  beforeEach(async function () {
    userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-store-offline-'));
    helper.settings({ userDir });
  });
  afterEach(async function () {
    await helper.unload();
    helper.settings({});
    await stopSim(sim);
    fs.rmSync(userDir, { recursive: true, force: true });
  });

  it('redisFallback stop: "store offline" on every node, no call at all (not even a login)', async function () {
    await simOf(3);
    const seen = await start(sim, 'stop');
    helper.getNode('pd').receive({ payload: { plantCodes: sim.fleet.plants[0].plantCode } });
    await until(() => seen.caught.length === 1, 'the plant-data node ends its message');
    assert.equal(seen.caught[0].error.code, 'STORE_OFFLINE');
    const t = clock.now();
    while (clock.now() < t + 30 * MIN) await clock.sleep(MIN);
    assert.equal(sim.stats.requests, 0);
    assert.equal(sim.stats.logins, 0);
    const last = seen.statuses.filter((m) => m.status.source.id === 'mon').at(-1);
    assert.equal(must(last, 'last').status.text, 'store offline', 'the monitor keeps saying so');
  });

  it('redisFallback local: works from the local copy, within its share (1/2) of each quota', async function () {
    await simOf(600);
    // What an earlier run with Redis left in this instance's copy: two instances on an account of 600 plants.
    const account = accountId(loginWindowKey(sim.url, USER.username));
    const copy = new LocalStore({ dir: path.join(userDir, 'fusionsolar'), account, name: `${account}.redis.json` });
    await copy.load();
    copy.saveInstances(2);
    copy.saveFleet({ plants: 600, devices: 1200 });
    await copy.close();

    const seen = await start(sim, 'local', { plantRealtime: false });
    // 600 plants: 6 real-time calls per 5 minutes, 3 of them this instance's.
    const code = sim.fleet.plants[0].plantCode;
    for (let i = 0; i < 4; i++) helper.getNode('pd').receive({ payload: { plantCodes: code } });
    await until(() => seen.out.length + seen.caught.length === 4, 'four messages ended');
    assert.equal(seen.out.length, 3, JSON.stringify(seen.caught.map((m) => m.error)));
    assert.equal(seen.caught[0].error.code, 'QUOTA');
    assert.match(seen.caught[0].error.message, /share \(1\/2\)/);
    assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 3);
    assert.equal(sim.stats.quota407, 0);
    const last = seen.statuses.filter((m) => m.status.source.id === 'mon').at(-1);
    assert.equal(must(last, 'last').status.text, 'store offline');
  });
});
