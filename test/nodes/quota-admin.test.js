'use strict';
// The account editor's read-only quota table, over HTTP through the admin API.
const assert = require('node:assert/strict');
const express = require('express');
const request = require('supertest');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { registerAdminRoutes } = require('../../dist/nodes/fusionsolar-account/admin');
const { toClientConfig, parseCustomQuota, parseDayZone } = require('../../dist/nodes/fusionsolar-account/settings');

/** @typedef {import('../../dist/nodes/shared/types').AccountConfig} AccountConfig */
/** Settings as an older flow saved them: only the fields a test sets, the others absent on purpose. */
const saved = (/** @type {Partial<AccountConfig>} */ fields) => /** @type {AccountConfig} */ (fields);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('fusionsolar-account quota table (admin endpoint)', function () {
  let sim;
  let clock;
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

  it('lists every session and catalogue endpoint with used / limit per window', async function () {
    ({ sim, clock } = await virtualSim({ plants: 120 }));
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const h = harness();
    const start = clock.now();
    assert.equal((await h.send({})).error, undefined);
    const res = await helper.request().get('/fusionsolar/accounts/acc/quota').expect(200);
    const q = res.body;
    assert.equal(q.profile, 'documented');
    assert.equal(q.dayZone, null);
    assert.equal(q.quotaWait, 600);
    assert.deepEqual(q.fleet, { plants: 120, devices: 1 });
    assert.equal(q.pausedFor, 0);
    assert.deepEqual(q.endpoints.map((e) => e.endpoint).slice(0, 4), ['login', 'logout', 'plants', 'devices']);

    const login = q.endpoints.find((e) => e.endpoint === 'login');
    assert.deepEqual([login.section, login.used, login.limit, login.window], ['9.1.1', 1, 5, '10 minutes']);

    // 120 plants, learned from the list: Roundup(120/50) x 10 + 24 = 54 a day, 2 pages used.
    const plants = q.endpoints.find((e) => e.endpoint === 'plants');
    assert.equal(plants.section, '9.2.1');
    assert.deepEqual(plants.operations, ['plantList']);
    assert.deepEqual([plants.used, plants.limit, plants.remaining, plants.window], [2, 54, 52, 'day']);
    assert.equal(plants.resetAt, start + DAY);
    assert.equal(plants.nextAt, clock.now() + MINUTE);
    assert.deepEqual(
      plants.limits.map((l) => [l.window, l.used, l.limit]),
      [
        ['day', 2, 54],
        ['minute', 1, 1],
      ],
    );

    // Devices not listed yet: every plant has at least one, so 120 devices is the safe floor.
    const devices = q.endpoints.find((e) => e.endpoint === 'devices');
    assert.deepEqual([devices.used, devices.limit, devices.remaining], [0, 54, 54]);
    assert.equal(devices.resetAt, undefined);
  });

  it('shows calendar-day budgets in the configured zone', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    await load(
      flowWith(
        sim,
        { type: 'fusionsolar-plants', operation: 'plantList' },
        { accountExtra: { quotaDayZone: 'Asia/Shanghai' } },
      ),
      credentials(),
    );
    const h = harness();
    await h.send({});
    const res = await helper.request().get('/fusionsolar/accounts/acc/quota').expect(200);
    assert.equal(res.body.dayZone, 'Asia/Shanghai');
    const plants = res.body.endpoints.find((e) => e.endpoint === 'plants');
    assert.equal(plants.limits[0].zone, 'Asia/Shanghai');
    // The virtual clock starts at 00:00 UTC = 08:00 in Shanghai: the day ends at 16:00 UTC.
    assert.equal(plants.resetAt, clock.now() + 16 * 60 * MINUTE);
  });

  it('validates the quota settings: day zone, custom rules with kind, lane and shared keys', function () {
    assert.equal(parseDayZone(''), undefined);
    assert.equal(parseDayZone(' Europe/Berlin '), 'Europe/Berlin');
    assert.throws(() => parseDayZone('Mars/Olympus'), /^Error: quotaDayZone: "Mars\/Olympus" is not a time zone/);
    const base = { baseUrl: 'https://eu5.fusionsolar.huawei.com' };
    assert.equal(
      toClientConfig(saved({ ...base, quotaDayZone: '+08:00' }), { username: 'u', password: 'p' }).quotaDayZone,
      '+08:00',
    );
    assert.throws(
      () => toClientConfig(saved({ ...base, quotaDayZone: 'nowhere' }), { username: 'u', password: 'p' }),
      /quotaDayZone/,
    );
    const rules = parseCustomQuota(
      JSON.stringify({
        '/rest/openapi/pvms/v1/vpp/plantRealtimeKpi': { limits: [{ count: 2, windowMs: 300000 }] },
        'iv/tasks': {
          limits: [
            { count: 10, windowMs: 60000 },
            { count: 900, windowMs: DAY, kind: 'day' },
          ],
          lane: true,
          shared: 'iv',
        },
      }),
    );
    assert.deepEqual(Object.keys(rules), ['vpp/plantRealtimeKpi', 'iv/tasks']);
    assert.equal(rules['iv/tasks'].shared, 'iv');
    assert.throws(
      () => parseCustomQuota('{"plants":{"limits":[{"count":1,"windowMs":60000,"kind":"hourly"}]}}'),
      /quotaCustom\.plants\.limits\.0\.kind: kind must be "sliding" or "day"/,
    );
    assert.throws(
      () => parseCustomQuota('{"plants":{"limits":[{"count":1,"windowMs":60000}],"burst":3}}'),
      /quotaCustom\.plants/,
    );
  });

  it('answers {deployed: false} for an account that is not deployed (a new dialog is no error)', async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const res = await helper.request().get('/fusionsolar/accounts/nope/quota').expect(200);
    assert.deepEqual(res.body, { deployed: false });
  });

  it('is guarded by RED.auth.needsPermission("fusionsolar-account.read")', async function () {
    const app = express();
    const asked = [];
    const RED = {
      httpAdmin: app,
      nodes: { getNode: () => null, getCredentials: () => ({}) },
      auth: {
        needsPermission: (permission) => {
          asked.push(permission);
          return (_req, res) => res.status(401).end();
        },
      },
    };
    // A double with the part of the runtime API the admin routes use.
    registerAdminRoutes(/** @type {import('node-red').NodeAPI} */ (/** @type {unknown} */ (RED)));
    await request(app).get('/fusionsolar/accounts/acc/quota').expect(401);
    assert.ok(asked.includes('fusionsolar-account.read'));
  });
});
