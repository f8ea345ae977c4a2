'use strict';
// Three Node-RED processes on one northbound account and one Redis, each with the same
// monitor (120 plants as fast as the quotas allow) and a plant list
// every 30 s, on a clock 30 times faster than real time that the simulator
// and every Node-RED process share (test/helpers/scaled-clock.js). Then Redis is killed
// and started again, empty, in the middle of the run.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed, comms } = require('../e2e-runtime/node-red');
const { ScaledClock, scaledClockPreamble } = require('../helpers/scaled-clock');
const { startRedis } = require('../helpers/redis');
const { account, flowOf } = require('./flows');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));

const FACTOR = 30;
const MIN = 60_000;
const USER = { username: 'fleet-operator', password: 'Fleet-Passw0rd!', scope: 'all' };
const realMs = (simMs) => simMs / FACTOR;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The most calls of `times` inside any sliding window of `windowMs` (t - window, t]. */
function busiest(times, windowMs) {
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[i] <= times[j] - windowMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe('three Node-RED instances on one account through Redis', function () {
  this.timeout(180000);
  let sim;
  let redis;
  const reds = [];
  const dirs = [];

  after(async function () {
    await Promise.all(reds.map((r) => r.stop()));
    if (sim) await sim.close();
    if (redis) await redis.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it(
    '1 login, calls within the quota, 0 407s, no 305; Redis lost and back: store offline, then the ' + 'same',
    async function () {
      const rt = await runtime('nr4');
      const clock = new ScaledClock({
        start: Date.UTC(2026, 5, 21, 8, 0, 0),
        realStart: Date.now() + 20000,
        factor: FACTOR,
      });
      const installed = await freshUserDir();
      dirs.push(installed);
      [sim, redis] = await Promise.all([
        startSimulator({ plants: 120, users: [USER], singleSession: true, record: true, clock }),
        startRedis(),
      ]);
      const codes = sim.fleet.plants.map((p) => p.plantCode).join(',');
      const flows = flowOf(
        [account('acc-fleet', sim.url, USER, { store: 'redis', redisUrl: redis.url })],
        [
          {
            id: 'mon',
            type: 'fusionsolar-monitor',
            account: 'acc-fleet',
            plantCodes: codes,
            plantRealtime: true,
            deviceTypes: '',
            alarms: false,
            interval: 0,
            changesOnly: true,
            format: 'plain',
            haPrefix: 'homeassistant',
          },
          {
            id: 'list',
            type: 'fusionsolar-plants',
            account: 'acc-fleet',
            operation: 'plantList',
            plantNames: '',
            plantCodes: '',
            plantCodesType: 'str',
            deviceTypeId: '',
          },
        ],
        { repeat: 1 },
      );
      // Each instance its own user directory over the one installed package.
      const statuses = [];
      const preamble = scaledClockPreamble(installed, {
        start: clock.start,
        realStart: clock.realStart,
        factor: FACTOR,
      });
      await Promise.all(
        [0, 1, 2].map(async (i) => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fs-scale-${i}-`));
          dirs.push(dir);
          fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `instance-${i}`, private: true }));
          fs.symlinkSync(path.join(installed, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
          const red = await startNodeRed(rt, dir, { preamble });
          reds.push(red);
          statuses[i] = {};
          const ws = await comms(new URL(red.url).port, (m) => {
            if (!m.topic || !m.topic.startsWith('status/')) return;
            const id = m.topic.slice(7);
            (statuses[i][id] ??= []).push({ at: clock.now(), text: m.data && m.data.text });
          });
          ws.send(JSON.stringify({ subscribe: 'status/#' }));
        }),
      );
      // Simulated time starts once all three run; they deploy the same flows at once.
      while (Date.now() < clock.realStart) await sleep(50);
      const t0 = clock.now();
      await Promise.all(reds.map((r) => r.deploy(flows)));

      await sleep(realMs(16 * MIN));
      const beforeOutage = sim.requestLog.slice();
      const outageAt = clock.now();
      await redis.stop();
      await sleep(realMs(3 * MIN));
      const offlineSeen = statuses.map((s) =>
        ['mon', 'list'].every((id) => (s[id] || []).some((x) => x.text === 'store offline' && x.at >= outageAt)),
      );
      const backAt = clock.now();
      await redis.start();
      await sleep(realMs(7 * MIN));
      const end = clock.now();

      const log = sim.requestLog.filter((r) => r.time >= t0);
      const times = (endpoint) => log.filter((r) => r.endpoint === endpoint && r.answer === '0').map((r) => r.time);
      if (process.env.STATE_DEBUG)
        fs.writeFileSync(
          '/tmp/scale-log.json',
          JSON.stringify(
            {
              t0,
              outageAt,
              backAt,
              end,
              log: log.map((r) => ({ e: r.endpoint, t: (r.time - t0) / 1000, a: r.answer })),
            },
            null,
            1,
          ),
        );
      const simMinutes = (end - t0) / MIN;
      assert.ok(simMinutes >= 20, `ran ${simMinutes.toFixed(1)} simulated minutes`);
      assert.ok((outageAt - t0) / MIN >= 15, 'at least 15 simulated minutes before the outage');

      assert.equal(sim.stats.logins, 1, 'one login for three instances, across the Redis outage');
      assert.equal(sim.stats.failedLogins, 0);
      assert.equal(sim.stats.quota407, 0, 'no 407');
      assert.deepEqual(
        log.filter((r) => r.answer === '305'),
        [],
        'no 305: nobody logged the others out',
      );
      const realtime = times('vpp/plantRealtimeKpi');
      const lists = times('plants');
      assert.ok(
        busiest(realtime, 5 * MIN) <= 2,
        `real-time KPI of 120 plants: at most 2 calls per 5 minutes, saw ${busiest(realtime, 5 * MIN)}`,
      );
      // The monitors divide their polls: each chunk of 100 plants once a round, by one instance.
      // A round two instances both took would show its chunk twice within seconds. The spacing is
      // not checked to the second: the time from an instance's claim to the call's arrival is real
      // time the clock multiplies by 30, and under load that is tens of simulated seconds (the
      // exact 5 minutes, on the virtual clock: test/state/monitor-instances.test.js).
      const byChunk = new Map();
      for (const r of log.filter((x) => x.endpoint === 'vpp/plantRealtimeKpi' && x.answer === '0')) {
        const first = String(JSON.parse(r.body).plantCodes).split(',')[0];
        (byChunk.get(first) ?? byChunk.set(first, []).get(first)).push(r.time);
      }
      assert.equal(byChunk.size, 2, 'both chunks were polled');
      for (const [first, t] of byChunk) {
        for (let i = 1; i < t.length; i++)
          assert.ok(
            t[i] - t[i - 1] >= (5 * MIN) / 2,
            `chunk ${first} polled twice within ${(t[i] - t[i - 1]) / 1000} s`,
          );
      }
      assert.ok(busiest(lists, MIN) <= 1, `plant list: at most 1 call a minute, saw ${busiest(lists, MIN)}`);
      // As fast as allowed: the plant list nearly every minute, real-time data (two chunks of
      // 120 plants) every 5 minutes. Counted from each endpoint's first call: on the scaled clock a
      // loaded machine can take simulated minutes to deploy, which says nothing about the pacing; a
      // quarter of the windows may go to stalls (the node tests on the virtual clock count exactly).
      const paced = (endpoint, windowMs, perWindow) => {
        const calls = beforeOutage
          .filter((r) => r.endpoint === endpoint && r.time >= t0 && r.answer === '0')
          .map((r) => r.time);
        assert.ok(calls.length > 0, `${endpoint} called before the outage`);
        const windows = Math.floor((outageAt - Math.min(...calls)) / windowMs);
        const least = perWindow * Math.floor(windows * 0.75);
        assert.ok(
          calls.length >= least,
          `${endpoint}: ${calls.length} calls in ${windows} windows since its first call, expected at least ${least}`,
        );
      };
      paced('plants', MIN, 1);
      paced('vpp/plantRealtimeKpi', 5 * MIN, 2);

      // Redis away: every node of every instance said so, and no call beyond each instance's
      // share was made (a share of 1 call a minute among 3 instances is none).
      assert.deepEqual(
        offlineSeen,
        [true, true, true],
        JSON.stringify(statuses.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.slice(-4)])))),
      );
      assert.deepEqual(
        log.filter((r) => r.time > outageAt + 5000 && r.time < backAt),
        [],
        'no call while Redis was away',
      );
      // Back (empty): the same token, the calls go on.
      assert.ok(lists.filter((t) => t > backAt).length >= 3, 'plant list calls resumed after Redis came back');
    },
  );
});
