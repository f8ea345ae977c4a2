'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials, account } = require('../helpers/flow');
const { toClientConfig, parseCustomQuota, validBaseUrl } = require('../../dist/nodes/fusionsolar-account/settings');
const { must } = require('../helpers/must');

/** @typedef {import('../../dist/nodes/shared/types').AccountConfig} AccountConfig */
/** Settings as an older flow saved them: only the fields a test sets, the others absent on purpose. */
const saved = (/** @type {Partial<AccountConfig>} */ fields) => /** @type {AccountConfig} */ (fields);

describe('fusionsolar-account config node', function () {
  let sim;
  before(function (done) {
    helper.startServer(done);
  });
  after(function (done) {
    helper.stopServer(done);
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('validates the URL: http(s), host, optional port, no credentials or query', function () {
    for (const ok of [
      'https://eu5.fusionsolar.huawei.com',
      'https://pvms.example.com:27200',
      'http://127.0.0.1:27200/',
      // Spellings the URL parser takes and older flows saved: scheme in capitals, spaces around.
      'HTTP://LOCALHOST:27200/',
      ' http://Localhost:27200 ',
    ])
      assert.ok(validBaseUrl(ok), ok);
    for (const bad of [
      '',
      'eu5.fusionsolar.huawei.com',
      'ftp://x',
      'https://user:pw@host',
      'https://host/?a=1',
      'https://ho st',
      'httpx://host',
    ])
      assert.equal(validBaseUrl(bad), false, bad);
  });

  it('turns settings into a client configuration with safe defaults', function () {
    const c = toClientConfig(saved({ baseUrl: 'https://eu5.fusionsolar.huawei.com/', timeout: '', quotaWait: '' }), {
      username: 'u',
      password: 'p',
    });
    assert.equal(c.baseUrl, 'https://eu5.fusionsolar.huawei.com');
    const spaced = toClientConfig(saved({ baseUrl: ' HTTPS://eu5.fusionsolar.huawei.com/ ' }), {
      username: 'u',
      password: 'p',
    });
    assert.equal(spaced.baseUrl, 'HTTPS://eu5.fusionsolar.huawei.com', 'spaces and the trailing slash go');
    assert.equal(c.timeoutSec, 30);
    assert.equal(c.tlsVerify, true);
    assert.equal(c.allowControl, false);
    assert.equal(c.quotaProfile, 'documented');
    assert.equal(c.quotaWait, 60);
    assert.throws(
      () => toClientConfig(saved({ baseUrl: 'https://x' }), { username: 'u', password: undefined }),
      /password: is required/,
    );
  });

  it('validates custom quota JSON and names what is wrong', function () {
    assert.deepEqual(parseCustomQuota('{"plants":{"limits":[{"count":2,"windowMs":60000}]}}'), {
      plants: { limits: [{ count: 2, windowMs: 60000 }] },
    });
    assert.throws(() => parseCustomQuota('{'), /quotaCustom: is not valid JSON/);
    assert.throws(
      () => parseCustomQuota('{"plants":{"limits":[{"count":0,"windowMs":1}]}}'),
      /quotaCustom\.plants\.limits\.0\.count/,
    );
  });

  it('makes flow nodes fail with NO_ACCOUNT and no HTTP call when the account lacks credentials', async function () {
    ({ sim } = await virtualSim());
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), {});
    const h = harness();
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, 'NO_ACCOUNT');
    assert.match(must(r.error, 'r.error').message, /username: is required/);
    assert.equal(sim.stats.requests, 0);
  });

  it('serves the catalogue to the editor', async function () {
    ({ sim } = await virtualSim());
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const res = await helper.request().get('/fusionsolar/catalogue').expect(200);
    const names = res.body.operations['fusionsolar-plants'].map((o) => `${o.api}:${o.name}`);
    assert.deepEqual(names, ['v7:plantList', 'v7:deviceList', 'v6:plantList', 'v6:deviceList']);
    assert.deepEqual(
      res.body.operations['fusionsolar-alarms'].map((o) => `${o.api}:${o.name}`),
      ['v6:alarmList'],
    );
    assert.ok(res.body.v6DeviceTypes.some((d) => d.id === 38 && d.en === 'Residential inverter'));
    assert.ok(res.body.deviceTypes.some((d) => d.id === 20822));
  });

  it('tests a connection through the shared session: no second login for a live session', async function () {
    ({ sim } = await virtualSim());
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const h = harness();
    await h.send({});
    const body = { ...account(sim), username: USER.username, password: '__PWRD__' };
    const res = await helper.request().post('/fusionsolar/accounts/acc/test').send(body).expect(200);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.newLogin, false);
    assert.equal(sim.stats.logins, 1);
    const bad = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      .send({ ...body, password: 'wrong' })
      .expect(200);
    assert.equal(bad.body.ok, false);
    assert.equal(bad.body.code, 'LOGIN_REJECTED');
    assert.equal(JSON.stringify(bad.body).includes('wrong"'), false);
    // Even with a fresh session object, the rejected password is not tried again.
    await require('../../dist/src/client').closeIdleClients();
    const again = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      .send({ ...body, password: 'wrong' })
      .expect(200);
    assert.equal(again.body.code, 'LOGIN_REJECTED');
    assert.equal(sim.stats.failedLogins, 1);
  });

  it('shares the login window of 5 per 10 minutes across sessions of the same user', async function () {
    ({ sim } = await virtualSim());
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }, { accountExtra: { quotaWait: 0 } }),
      credentials(),
    );
    const body = { ...account(sim), quotaWait: 0, username: USER.username, password: USER.password };
    const registry = require('../../dist/src/client');
    const codes = [];
    for (let i = 0; i < 6; i++) {
      // A new timeout value makes a new session each time, as editing the account would.
      const res = await helper
        .request()
        .post('/fusionsolar/accounts/acc/test')
        .send({ ...body, timeout: 10 + i })
        .expect(200);
      codes.push(res.body.ok ? 'ok' : res.body.code);
      await registry.closeIdleClients();
    }
    assert.deepEqual(codes, ['ok', 'ok', 'ok', 'ok', 'ok', 'QUOTA']);
    assert.equal(sim.stats.logins, 5);
    assert.equal(sim.stats.quota407, 0);
  });

  it('shows the quota of each endpoint after calls', async function () {
    ({ sim } = await virtualSim());
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const h = harness();
    await h.send({});
    const res = await helper.request().get('/fusionsolar/accounts/acc/quota').expect(200);
    const plants = res.body.endpoints.find((e) => e.endpoint === 'plants');
    assert.equal(plants.used, 1);
    assert.equal(plants.remaining, 33, 'the daily budget is the headline');
    assert.equal(plants.limits.find((l) => l.window === 'minute').remaining, 0, 'one a minute: none left this minute');
    assert.equal(res.body.session, 'active');
    assert.equal(res.body.deployed, true);
    const missing = await helper.request().get('/fusionsolar/accounts/nope/quota').expect(200);
    assert.deepEqual(missing.body, { deployed: false });
  });
});
