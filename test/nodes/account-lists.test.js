'use strict';
// The editor pickers' admin route: the deployed account's cached plant and device lists,
// and a refresh that goes through the account's governor, over HTTP through the admin API.
const assert = require('node:assert/strict');
const express = require('express');
const request = require('supertest');
const { virtualSim, stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { V6, v6Sim, fleetOf } = require('../helpers/v6');
const { registerAdminRoutes } = require('../../dist/nodes/fusionsolar-account/admin');
const { must } = require('../helpers/must');

const MINUTE = 60_000;
const LISTS = '/fusionsolar/accounts/acc/lists';

/** What the simulator has answered so far, by endpoint. */
const calls = (sim) => ({ ...sim.stats.byEndpoint });

describe('fusionsolar-account plant and device lists (picker admin route)', function () {
  let sim;
  let clock;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('says clearly that an undeployed account has no lists, for reads and refreshes', async function () {
    ({ sim } = await virtualSim());
    await load([], {});
    const got = await helper.request().get(LISTS).expect(200);
    assert.equal(got.body.deployed, false);
    assert.equal(got.body.code, 'NOT_DEPLOYED');
    assert.match(got.body.message, /Deploy the account/);
    const refreshed = await helper.request().post(LISTS).send({ lists: 'plants' }).expect(200);
    assert.equal(refreshed.body.code, 'NOT_DEPLOYED');
    assert.equal(sim.stats.requests, 0);
  });

  it(
    'V7: serves the plant list a flow read, with no call; a refresh reads plants and devices once, ' +
      'then waits for the quota',
    async function () {
      ({ sim, clock } = await virtualSim({ plants: 3 }));
      await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
      const h = harness();
      assert.equal((await h.send({})).error, undefined);
      const before = calls(sim);

      const cached = (await helper.request().get(LISTS).expect(200)).body;
      assert.deepEqual(calls(sim), before, 'reading the cache calls nothing');
      assert.equal(cached.ok, true);
      assert.equal(cached.api, 'v7');
      assert.equal(cached.plants.fresh, true);
      assert.deepEqual(
        cached.plants.items.map((p) => p.code),
        sim.fleet.plants.map((p) => p.plantCode),
      );
      const first = sim.fleet.plants[0];
      assert.equal(cached.plants.items[0].name, first.plantName);
      assert.equal(cached.plants.items[0].address, first.plantAddress);
      assert.equal(cached.devices, null, 'no device list read yet');
      // The plant list was read a moment ago: a refresh now would wait, and says until when.
      assert.equal(cached.wait.plants.endpoint, 'plants');
      assert.equal(cached.wait.plants.retryAt, clock.now() + MINUTE);

      const early = (await helper.request().post(LISTS).send({ lists: 'devices' }).expect(200)).body;
      assert.equal(early.ok, false);
      assert.equal(early.code, 'QUOTA');
      assert.equal(early.retryAt, clock.now() + MINUTE);
      assert.equal(early.retryAfter, MINUTE);
      assert.match(early.message, /plants.*refresh possible in 60 s/);
      assert.deepEqual(calls(sim), before, 'a refused refresh calls nothing');

      clock.advance(MINUTE);
      const done = (await helper.request().post(LISTS).send({ lists: 'devices' }).expect(200)).body;
      assert.equal(done.ok, true, done.message);
      assert.equal(done.calls, 2);
      assert.equal(sim.stats.byEndpoint.plants, before.plants + 1);
      assert.equal(sim.stats.byEndpoint.devices, 1);
      const simDevices = sim.fleet.plants.flatMap((p) => p.devices);
      assert.equal(done.devices.items.length, simDevices.length);
      const inverter = simDevices.find((d) => d.deviceTypeId === 20822);
      const item = done.devices.items.find((d) => d.dn === must(inverter, 'inverter').dn);
      assert.deepEqual(item, {
        dn: must(inverter, 'inverter').dn,
        plantCode: must(inverter, 'inverter').plantCode,
        typeId: 20822,
        sn: must(inverter, 'inverter').sn,
        name: must(inverter, 'inverter').deviceName,
      });
      assert.ok(
        done.types.some((t) => t.id === 20822 && t.en && t.zh),
        'names of the types present',
      );
      // Both lists were just read: the next device refresh waits for both minutes.
      assert.equal(done.wait.devices.retryAt, clock.now() + MINUTE);

      // The governor counted the refresh like any flow's call: the flow's next list waits too.
      const q = (await helper.request().get('/fusionsolar/accounts/acc/quota').expect(200)).body;
      assert.equal(q.endpoints.find((e) => e.endpoint === 'devices').used, 1);
    },
  );

  it(
    'V7: a device list a flow read fills the picker, and a list of one type never hides the ' + 'others',
    async function () {
      ({ sim } = await virtualSim({ plants: 2 }));
      const codes = sim.fleet.plants.map((p) => p.plantCode);
      await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'deviceList' }), credentials());
      const h = harness();
      assert.equal((await h.send({ payload: { plantCodes: codes } })).error, undefined);
      const all = (await helper.request().get(LISTS).expect(200)).body.devices.items.length;
      assert.equal(all, sim.fleet.plants.flatMap((p) => p.devices).length);
      assert.equal((await h.send({ payload: { plantCodes: codes, deviceTypeId: 20822 } })).error, undefined);
      assert.equal((await helper.request().get(LISTS).expect(200)).body.devices.items.length, all);
    },
  );

  it('V6: a refresh lists the stations and devices with ids, SNs and types', async function () {
    ({ sim, clock } = await v6Sim({ plants: 2 }));
    await load(
      flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }, { accountExtra: V6 }),
      credentials(),
    );
    const none = (await helper.request().get(LISTS).expect(200)).body;
    assert.equal(none.api, 'v6');
    assert.equal(none.plants, null);
    assert.deepEqual(none.wait, {});
    const done = (await helper.request().post(LISTS).send({ lists: 'devices' }).expect(200)).body;
    assert.equal(done.ok, true, done.message);
    assert.equal(sim.stats.byEndpoint['thirdData/stations'], 1);
    assert.equal(sim.stats.byEndpoint['thirdData/getDevList'], 1);
    const fleet = fleetOf(sim);
    assert.deepEqual(done.plants.items.map((p) => p.code).sort(), fleet.codes().sort());
    assert.equal(done.devices.items.length, fleet.all.length);
    const d = fleet.all[0];
    const item = done.devices.items.find((x) => x.id === String(d.id));
    assert.equal(item.typeId, d.devTypeId);
    assert.equal(item.sn, d.sn);
    assert.equal(item.name, d.name);
    assert.equal(item.plantCode, d.plant.plantCode);
    assert.ok(done.types.every((t) => done.devices.items.some((x) => x.typeId === t.id)));
    // A plants-only refresh a minute later reads the stations only.
    clock.advance(MINUTE);
    const plants = (await helper.request().post(LISTS).send({ lists: 'plants' }).expect(200)).body;
    assert.equal(plants.ok, true, plants.message);
    assert.equal(sim.stats.byEndpoint['thirdData/stations'], 2);
    assert.equal(sim.stats.byEndpoint['thirdData/getDevList'], 1);
  });

  it('answers without credentials, token, cookies or contacts', async function () {
    ({ sim, clock } = await virtualSim({ plants: 2 }));
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const done = await helper.request().post(LISTS).send({ lists: 'devices' }).expect(200);
    assert.equal(done.body.ok, true, done.body.message);
    const text = JSON.stringify(done.body) + JSON.stringify((await helper.request().get(LISTS)).body);
    // The simulator's session table is private: the test reads it to count logins' tokens.
    const tokens = [...sim.accounts['sessions'].keys()];
    assert.equal(tokens.length, 1, 'the refresh logged in');
    for (const secret of [
      USER.password,
      USER.username,
      ...tokens,
      'XSRF',
      'token',
      'cookie',
      'contactPerson',
      'contactMethod',
      sim.fleet.plants[1].contactMethod,
    ]) {
      assert.ok(!text.toLowerCase().includes(String(secret).toLowerCase()), `${secret} is not in the answer`);
    }
    assert.equal(done.headers['set-cookie'], undefined);
  });

  it('takes JSON only, refuses a foreign Origin or a cross-site fetch, and checks the list kind', async function () {
    ({ sim } = await virtualSim());
    await load(flowWith(sim, { type: 'fusionsolar-plants', operation: 'plantList' }), credentials());
    const form = await helper.request().post(LISTS).type('form').send({ lists: 'plants' });
    assert.equal(form.status, 415);
    const foreign = await helper
      .request()
      .post(LISTS)
      .set('Origin', 'http://attacker.example')
      .send({ lists: 'plants' });
    assert.equal(foreign.status, 403);
    assert.match(foreign.body.message, /refuses requests from http:\/\/attacker.example/);
    const fetchSite = await helper.request().get(LISTS).set('Sec-Fetch-Site', 'cross-site');
    assert.equal(fetchSite.status, 403);
    const foreignRead = await helper.request().get(LISTS).set('Origin', 'http://attacker.example');
    assert.equal(foreignRead.status, 403);
    const bad = await helper.request().post(LISTS).send({ lists: 'everything' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /^lists: must be "plants" or "devices"/);
    assert.equal(sim.stats.requests, 0, 'nothing refused reached the server');
  });

  it('is guarded by the account permissions: read for the lists, write for a refresh', async function () {
    const app = express();
    const asked = [];
    const RED = {
      httpAdmin: app,
      nodes: { getNode: () => null, getCredentials: () => ({}) },
      auth: {
        needsPermission: (permission) => {
          asked.push(permission);
          return (req, res) => res.status(401).json({ permission, path: req.path });
        },
      },
    };
    // A double with the part of the runtime API the admin routes use.
    registerAdminRoutes(/** @type {import('node-red').NodeAPI} */ (/** @type {unknown} */ (RED)));
    const read = await request(app).get('/fusionsolar/accounts/acc/lists').expect(401);
    assert.equal(read.body.permission, 'fusionsolar-account.read');
    const write = await request(app).post('/fusionsolar/accounts/acc/lists').send({ lists: 'plants' }).expect(401);
    assert.equal(write.body.permission, 'fusionsolar-account.write');
  });
});
