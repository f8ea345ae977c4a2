'use strict';
// Issue 12, points 1-4: settings that never leak between accounts, and a Test connection
// route that changes nothing, forwards no saved password and takes no cross-site posts.
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, USER, accountNode, flow, creds, load, harness } = require('./flow');
const { HostileServer } = require('./hostile');
const report = require('./report');
const { must } = require('../helpers/must');

const DEV_ON_OFF = { path: 'vpp/devOnOff', payload: { devIds: '1000000033486225', controlType: 1 } };

describe('security: accounts and Test connection (issue 12, points 1-4)', function () {
  let sim;
  let hostile;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    if (hostile) await hostile.close();
    sim = undefined;
    hostile = undefined;
  });

  const arrivals = (endpoint) => sim.requestLog.filter((r) => r.endpoint === endpoint).length;

  it(
    '1. two accounts with one login keep their own control switch and quota profile, whatever the ' + 'load order',
    async function () {
      let clock;
      ({ sim, clock } = await virtualSim({ record: true }));
      // The read-only account first, the one allowed to control second: the old registry
      // copied the last one's settings onto the client both used.
      const accounts = [
        accountNode('ro', sim.url, { quotaProfile: 'documented', quotaWait: 600 }),
        accountNode('rw', sim.url, { allowControl: true, quotaProfile: 'off' }),
      ];
      const nodes = [
        { id: 'n', type: 'fusionsolar-request', account: 'ro', method: 'POST', path: 'plants' },
        { id: 'm', type: 'fusionsolar-request', account: 'rw', method: 'POST', path: 'plants' },
      ];
      await load(flow(accounts, nodes), creds('ro', 'rw'));
      const h = harness();
      assert.equal((await h.send({ payload: { pageNo: 1, pageSize: 100 } }, 'n')).error, undefined);
      clock.advance(61_000); // the plant list is one a minute at the server
      assert.equal((await h.send({ payload: { pageNo: 1, pageSize: 100 } }, 'm')).error, undefined);
      const refused = await h.send({ ...DEV_ON_OFF }, 'n');
      const held = report.attack(
        'control through a read-only account beside a control account',
        refused.error?.code === 'CONTROL_DISABLED' && arrivals('vpp/devOnOff') === 0,
      );
      assert.equal(refused.error && refused.error.code, 'CONTROL_DISABLED');
      assert.equal(arrivals('vpp/devOnOff'), 0, 'devOnOff never reached the server');
      report.logins('two accounts, one login', sim.stats.logins);
      assert.equal(sim.stats.logins, 1, 'one login serves both accounts');
      const ro = helper.getNode('ro').client;
      const rw = helper.getNode('rw').client;
      assert.equal(must(ro, 'ro').allowControl, false);
      assert.equal(must(rw, 'rw').allowControl, true);
      assert.ok(must(ro, 'ro').ruleFor('plants'), 'the read-only account keeps the documented quota');
      assert.equal(must(rw, 'rw').ruleFor('plants'), undefined, 'the other keeps its quota profile "off"');
      assert.equal(must(ro, 'ro').maxWaitMs, 600_000);
      assert.equal(must(rw, 'rw').maxWaitMs, 0);
      assert.ok(held);
    },
  );

  it('2. Test connection with other settings changes nothing that runs', async function () {
    ({ sim } = await virtualSim({ record: true }));
    await load(
      flow(
        [accountNode('acc', sim.url, { quotaProfile: 'documented', quotaWait: 600 })],
        [{ id: 'n', type: 'fusionsolar-request', account: 'acc', method: 'POST', path: 'plants' }],
      ),
      creds('acc'),
    );
    const h = harness();
    const res = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      // Same login and transport settings as the running account (so the old registry handed
      // the test the running client), other control and quota settings.
      .send({
        baseUrl: sim.url,
        username: USER.username,
        password: '__PWRD__',
        timeout: 5,
        locale: 'en-us',
        allowControl: true,
        quotaProfile: 'off',
        quotaWait: 0,
      })
      .expect(200);
    assert.equal(res.body.ok, true, res.body.message);
    const client = helper.getNode('acc').client;
    const refused = await h.send({ ...DEV_ON_OFF });
    report.attack(
      'Test connection turning control on',
      refused.error?.code === 'CONTROL_DISABLED' && must(client, 'client').ruleFor('plants') !== undefined,
    );
    assert.equal(must(client, 'client').allowControl, false);
    assert.ok(must(client, 'client').ruleFor('plants'), 'quota profile still documented');
    assert.equal(must(client, 'client').maxWaitMs, 600_000);
    assert.equal(must(client, 'client').config.timeoutSec, 5);
    assert.equal(refused.error && refused.error.code, 'CONTROL_DISABLED');
    assert.equal(arrivals('vpp/devOnOff'), 0);
  });

  it('3. Test connection never sends the saved password to another URL or for another user', async function () {
    ({ sim } = await virtualSim());
    hostile = await new HostileServer().start();
    await load(
      flow(
        [accountNode('acc', sim.url)],
        [{ id: 'n', type: 'fusionsolar-request', account: 'acc', method: 'POST', path: 'plants' }],
      ),
      creds('acc'),
    );
    const tries = [
      { baseUrl: hostile.url, id: 'acc' },
      { baseUrl: hostile.url, username: USER.username, password: '__PWRD__' },
      { baseUrl: `${hostile.url}/`, username: USER.username },
    ];
    for (const body of tries) {
      const res = await helper.request().post('/fusionsolar/accounts/acc/test').send(body).expect(200);
      assert.equal(res.body.ok, false);
      assert.match(res.body.message, /password/);
    }
    // The right URL with another user name: the saved password is not tried for it either.
    const other = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      .send({ baseUrl: sim.url, username: 'someone-else', password: '__PWRD__' })
      .expect(200);
    assert.equal(other.body.ok, false);
    const leaked = hostile.bodies.some((b) => b.body.includes(USER.password));
    report.attack(
      'saved password to another URL or user',
      !leaked && hostile.count('login') === 0 && sim.stats.logins === 0,
    );
    assert.equal(hostile.count('login'), 0);
    assert.equal(leaked, false);
    assert.equal(sim.stats.logins, 0);
    // The saved URL, spelt with a trailing slash and upper-case host: the saved password is used.
    const same = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      .send({ baseUrl: `${sim.url.replace('127.0.0.1', '127.0.0.1')}/`, username: USER.username, password: '__PWRD__' })
      .expect(200);
    assert.equal(same.body.ok, true, same.body.message);
  });

  it(
    "4. Test connection takes JSON only, refuses a foreign Origin and counts in the flows' login " +
      'window whatever the spelling',
    async function () {
      ({ sim } = await virtualSim());
      await load(
        flow(
          [accountNode('acc', sim.url)],
          [{ id: 'n', type: 'fusionsolar-request', account: 'acc', method: 'POST', path: 'plants' }],
        ),
        creds('acc'),
      );
      const form = await helper
        .request()
        .post('/fusionsolar/accounts/acc/test')
        .type('form')
        .send(`baseUrl=${encodeURIComponent(sim.url)}&username=${USER.username}&password=guess1`);
      const foreign = await helper
        .request()
        .post('/fusionsolar/accounts/acc/test')
        .set('Origin', 'http://attacker.example')
        .send({ baseUrl: sim.url, username: USER.username, password: 'guess2' });
      const fetchSite = await helper
        .request()
        .post('/fusionsolar/accounts/acc/test')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ baseUrl: sim.url, username: USER.username, password: 'guess3' });
      report.attack('cross-site form post to Test connection', form.status === 415 && sim.stats.logins === 0);
      report.attack(
        'foreign Origin on Test connection',
        foreign.status === 403 && fetchSite.status === 403 && sim.stats.logins === 0,
      );
      assert.equal(form.status, 415);
      assert.equal(foreign.status, 403);
      assert.equal(fetchSite.status, 403);
      assert.equal(sim.stats.logins, 0, 'no login for a refused request');
      const port = new URL(sim.url).port;
      const spellings = [
        `http://127.0.0.1:${port}`,
        `http://localhost:${port}`,
        `HTTP://LOCALHOST:${port}/`,
        `http://127.0.0.1:${port}/`,
        ` http://Localhost:${port} `,
        `http://localhost:${port}`,
      ];
      const codes = [];
      for (const baseUrl of spellings) {
        const res = await helper
          .request()
          .post('/fusionsolar/accounts/acc/test')
          .send({ baseUrl, username: USER.username, password: USER.password })
          .expect(200);
        codes.push(res.body.ok ? 'ok' : res.body.code);
      }
      // Read afresh: the assertion above narrowed the field to 0 for the type checker.
      const logins = /** @type {number} */ (sim.stats.logins);
      report.logins('Test connection, 6 host spellings', logins);
      report.attack('login window multiplied by host spellings', logins === 5);
      assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA']);
      assert.equal(sim.stats.logins, 5);
      // The flows share that window: their login now waits or fails on the quota as well.
      const r = await harness().send({ payload: { pageNo: 1, pageSize: 100 } });
      assert.equal(r.error && r.error.code, 'QUOTA');
      assert.equal(sim.stats.logins, 5);
    },
  );

  it('4. one login window per server and user: loopback names, default ports, case and spaces', function () {
    const { loginWindowKey } = require('../../dist/src/client/login-guard');
    const key = loginWindowKey('http://127.0.0.1:80', 'Tester');
    for (const [url, user] of [
      ['http://localhost', 'tester'],
      ['HTTP://LOCALHOST:80/', ' TESTER '],
      ['http://[::1]/', 'tester'],
      ['http://127.0.0.1/x', 'tester'],
    ]) {
      assert.equal(loginWindowKey(url, user), key, `${url} ${user}`);
    }
    assert.equal(
      loginWindowKey('https://Eu5.FusionSolar.huawei.com', 'a'),
      loginWindowKey('https://eu5.fusionsolar.huawei.com:443/', ' A'),
    );
    assert.notEqual(
      loginWindowKey('https://eu5.fusionsolar.huawei.com', 'a'),
      loginWindowKey('https://eu5.fusionsolar.huawei.com:27200', 'a'),
    );
    assert.notEqual(
      loginWindowKey('https://eu5.fusionsolar.huawei.com', 'a'),
      loginWindowKey('https://intl.fusionsolar.huawei.com', 'a'),
    );
  });
});
