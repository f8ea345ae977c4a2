'use strict';
// A real Node-RED process stopped and started again on the same user directory: the
// session token, the rejected-password latch and the quota spent come back from the
// account's state file (store: local).
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { runtime, root } = require('../e2e-runtime/runtimes');
const { freshUserDir } = require('../e2e-runtime/install');
const { startNodeRed, comms } = require('../e2e-runtime/node-red');
const { account, flowOf, parsed } = require('./flows');
const { until } = require('../helpers/wait');
const { startSimulator } = require(path.join(root, 'dist', 'src', 'simulator'));

/** The error code a Catch node passed on (the node puts it in msg.fusionsolar.error). */
const codeOf = (m) => m.msg && m.msg.fusionsolar && m.msg.fusionsolar.error && m.msg.fusionsolar.error.code;

const GOOD = { username: 'restart-user', password: 'Restart-Passw0rd!', scope: 'all' };
const WRONG = { username: 'locked-user', password: 'not-the-password' };

describe('state across a restart of Node-RED (store: local)', function () {
  this.timeout(120000);
  let sim;
  let red;
  let userDir;

  before(async function () {
    [sim, userDir] = await Promise.all([
      startSimulator({
        plants: 3,
        users: [GOOD, { ...WRONG, password: 'the-real-one', scope: 'all' }],
        singleSession: true,
      }),
      freshUserDir(),
    ]);
  });
  after(async function () {
    if (red) await red.stop();
    if (sim) await sim.close();
    if (userDir) fs.rmSync(userDir, { recursive: true, force: true });
  });

  it(
    'reuses the token (0 logins), keeps the latch (0 attempts) and counts the quota spent (0 ' + '407s)',
    async function () {
      const rt = await runtime('nr4');
      const code = sim.fleet.plants[0].plantCode;
      const flows = flowOf(
        [account('acc-good', sim.url, GOOD), account('acc-bad', sim.url, WRONG)],
        [
          {
            id: 'rt',
            type: 'fusionsolar-plant-data',
            account: 'acc-good',
            operation: 'realtimeKpi',
            plantCodes: code,
            plantCodesType: 'str',
          },
          {
            id: 'devs',
            type: 'fusionsolar-plants',
            account: 'acc-good',
            operation: 'deviceList',
            plantCodes: code,
            plantCodesType: 'str',
            deviceTypeId: '',
          },
          {
            id: 'bad',
            type: 'fusionsolar-plants',
            account: 'acc-bad',
            operation: 'plantList',
            plantNames: '',
            plantCodes: '',
            plantCodesType: 'str',
            deviceTypeId: '',
          },
        ],
      );
      red = await startNodeRed(rt, userDir);
      await red.deploy(flows);
      if (process.env.STATE_DEBUG) console.log(red.output());
      let dbg = await red.debug();
      const seen = (pred) => parsed(dbg.messages).some(pred);
      const waitFor = (pred, what) =>
        dbg.until(
          () => seen(pred),
          20000,
          () => `${what}; log ${red.output().slice(-3000)}; saw ${JSON.stringify(parsed(dbg.messages)).slice(0, 2000)}`,
        );

      await red.post('/inject/i-rt');
      await waitFor((m) => m.name === 'out:rt', 'real-time data before the restart');
      await red.post('/inject/i-bad');
      await waitFor((m) => m.name === 'err' && codeOf(m) === 'LOGIN_REJECTED', 'the rejected login');
      assert.equal(sim.stats.logins, 1);
      assert.equal(sim.stats.failedLogins, 1);
      assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 1);
      dbg.close();

      await red.stop();
      // Written before Node-RED exited: one file per account, owner-only, no password, no username.
      const dir = path.join(userDir, 'fusionsolar');
      const files = fs.readdirSync(dir);
      assert.equal(files.length, 2, files.join(', '));
      for (const f of files) {
        assert.equal(fs.statSync(path.join(dir, f)).mode & 0o777, 0o600);
        const text = fs.readFileSync(path.join(dir, f), 'utf8');
        for (const secret of [GOOD.password, WRONG.password, GOOD.username, WRONG.username])
          assert.equal(text.includes(secret), false, `${f} holds ${secret}`);
      }

      red = await startNodeRed(rt, userDir, { flows: null });
      dbg = await red.debug();
      // Every node of the rejected account says so from the start, before any message
      // (node statuses are retained on /comms: a late subscriber still gets them).
      const statuses = {};
      const ws = await comms(new URL(red.url).port, (m) => {
        if (m.topic && m.topic.startsWith('status/')) statuses[m.topic.slice(7)] = m.data && m.data.text;
      });
      ws.send(JSON.stringify({ subscribe: 'status/#' }));
      await until(() => statuses.bad === 'login rejected', 'the login rejected status after the restart', 10_000).catch(
        () => assert.fail(`no login rejected status after the restart: ${JSON.stringify(statuses)}`),
      );
      ws.close();

      await red.post('/inject/i-devs');
      await waitFor((m) => m.name === 'out:devs', 'the device list with the kept token');
      await red.post('/inject/i-rt');
      await waitFor(
        (m) => m.name === 'err' && codeOf(m) === 'QUOTA' && m.msg.fusionsolar.error.endpoint === 'vpp/plantRealtimeKpi',
        'QUOTA for real-time data',
      );
      await red.post('/inject/i-bad');
      await waitFor((m) => m.name === 'err' && codeOf(m) === 'LOGIN_REJECTED', 'the kept rejection');
      dbg.close();

      assert.equal(sim.stats.logins, 1, 'no new login: the token outlived the restart');
      assert.equal(sim.stats.failedLogins, 1, 'no new attempt with the rejected password');
      assert.equal(sim.stats.quota407, 0, 'the call made before the restart still counted');
      assert.equal(sim.stats.byEndpoint['vpp/plantRealtimeKpi'], 1);
      assert.equal(sim.stats.logouts, 0, 'stopping Node-RED keeps the token');
    },
  );
});
