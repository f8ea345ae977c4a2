'use strict';
// V6 accounts: login at /thirdData/login with the V7 session rules, the plant and device
// lists, and the operations of the other interface refused before any call.
const assert = require('node:assert/strict');
const { stopSim, USER } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { NARROW, V6, v6Sim, fleetOf } = require('../helpers/v6');
const { must } = require('../helpers/must');

const plants = (extra = {}) => ({ type: 'fusionsolar-plants', operation: 'plantList', ...extra });
const v6 = { accountExtra: V6 };

describe('V6 account and fusionsolar-plants (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('logs in once at /thirdData/login with userName/systemCode and lists every page of stations', async function () {
    ({ sim } = await v6Sim({ plants: 250 }));
    await load(flowWith(sim, plants(), v6), credentials());
    const h = harness();
    const r = await h.send({ payload: 1 });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const msg = r.out[0];
    assert.equal(msg.payload.length, 250);
    assert.equal(new Set(msg.payload.map((p) => p.plantCode)).size, 250);
    assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').calls, 3);
    assert.equal(sim.stats.byEndpoint['thirdData/login'], 1);
    assert.equal(sim.stats.byEndpoint['thirdData/stations'], 3);
    assert.equal(sim.stats.byEndpoint.login, undefined, 'no V7 login');
    const p = msg.payload[0];
    assert.equal(typeof p.capacity, 'number');
    assert.equal(typeof p.longitude, 'number');
    assert.equal(typeof p.time, 'number');
    // A second message reuses the session.
    await h.send({});
    assert.equal(sim.stats.logins, 1);
  });

  it(
    'falls back to getStationList where stations is refused, in the stations field names (capacity ' + 'MW -> kWp)',
    async function () {
      /** @type {import('../../dist/src/simulator').SimUser} */
      const OLD = {
        username: 'old',
        password: '0ld-Passw0rd!',
        scope: 'all',
        v6: { created: '2021-03-01', interfaces: ['getStationList', 'getDevList'] },
      };
      ({ sim } = await v6Sim({ plants: 3, users: [OLD] }));
      await load(flowWith(sim, plants(), v6), { acc: { username: OLD.username, password: OLD.password } });
      const h = harness();
      const r = await h.send({});
      assert.equal(r.error, undefined, r.error && r.error.message);
      const list = r.out[0].payload;
      assert.deepEqual(
        list.map((p) => p.plantCode),
        sim.fleet.plants.map((q) => q.plantCode),
      );
      for (const [i, p] of list.entries()) {
        assert.equal(p.plantName, sim.fleet.plants[i].plantName);
        assert.ok(Math.abs(p.capacity - sim.fleet.plants[i].capacity) < 0.01, `${p.capacity} kWp`);
        assert.equal(p.stationCode, undefined);
      }
      assert.equal(sim.stats.byEndpoint['thirdData/stations'], 1);
      assert.equal(sim.stats.byEndpoint['thirdData/getStationList'], 1);
      // Remembered: the next list goes straight to getStationList.
      await h.send({});
      assert.equal(sim.stats.byEndpoint['thirdData/stations'], 1);
      assert.equal(sim.stats.byEndpoint['thirdData/getStationList'], 2);
      // Filters getStationList lacks are refused, not ignored.
      const f = await h.send({ payload: { pageNo: 2 } });
      assert.equal(must(f.error, 'f.error').code, 'INVALID_INPUT');
      assert.match(must(f.error, 'f.error').message, /^pageNo: .*getStationList/);
      assert.equal(sim.stats.byEndpoint['thirdData/getStationList'], 2);
    },
  );

  it('lists the devices of 150 plants in 2 calls of 100 plants, ids exact as strings, types named', async function () {
    ({ sim } = await v6Sim({ plants: 150 }));
    const fleet = fleetOf(sim);
    await load(flowWith(sim, plants({ operation: 'deviceList' }), v6), credentials());
    const h = harness();
    const r = await h.send({ payload: { plantCodes: fleet.codes() } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    const list = r.out[0].payload;
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 2);
    assert.equal(sim.stats.byEndpoint['thirdData/getDevList'], 2);
    assert.equal(list.length, fleet.all.length);
    assert.deepEqual(new Set(list.map((d) => d.id)), new Set(fleet.ids(fleet.all)));
    assert.ok(list.every((d) => typeof d.id === 'string' && /^\d{16}$/.test(d.id)));
    const inverter = list.find((d) => d.devTypeId === 1);
    assert.equal(inverter.devTypeName, 'String inverter');
    assert.equal(typeof inverter.esnCode, 'string');
  });

  it('deviceList without plant codes lists every plant of the account (one plant-list call first)', async function () {
    ({ sim } = await v6Sim({ plants: 4 }));
    await load(flowWith(sim, plants({ operation: 'deviceList' }), v6), credentials());
    const h = harness();
    const r = await h.send({});
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(r.out[0].payload.length, fleetOf(sim).all.length);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 2);
  });

  it('accepts stationCodes and plantCodes (node setting or message) but not both when they differ', async function () {
    ({ sim } = await v6Sim({ plants: 3 }));
    const codes = fleetOf(sim).codes();
    await load(
      flowWith(sim, plants({ operation: 'deviceList', plantCodes: codes[0], plantCodesType: 'str' }), v6),
      credentials(),
    );
    const h = harness();
    const fromNode = await h.send({});
    assert.equal(fromNode.error, undefined, fromNode.error && fromNode.error.message);
    assert.ok(fromNode.out[0].payload.every((d) => d.stationCode === codes[0]));
    const fromMsg = await h.send({ payload: { stationCodes: [codes[1]] } });
    assert.ok(
      fromMsg.out[0].payload.every((d) => d.stationCode === codes[1]),
      'the message wins over the node',
    );
    const both = await h.send({ payload: { stationCodes: codes[1], plantCodes: codes[2] } });
    assert.equal(must(both.error, 'both.error').code, 'INVALID_INPUT');
    assert.match(must(both.error, 'both.error').message, /^plantCodes: is another name for stationCodes/);
  });

  it(
    'validates before any call: unknown parameter, page size, repeated code, grid-connection ' + 'range',
    async function () {
      ({ sim } = await v6Sim());
      await load(flowWith(sim, plants(), v6), credentials());
      const h = harness();
      /** @type {Array<[{ operation?: string, payload?: unknown } & Record<string, unknown>, RegExp]>} */
      const cases = [
        [{ plantNames: 'x' }, /^plantNames: is not a parameter of plantList/],
        [{ pageSize: 25 }, /^pageSize: must be one of 10, 20, 30, 50, 100/],
        [{ pageNo: 0 }, /^pageNo: must be at least 1/],
        [{ gridConnectedStartTime: 'soon' }, /^gridConnectedStartTime: is not a valid time/],
        [
          { gridConnectedStartTime: 2000, gridConnectedEndTime: 1000 },
          /^gridConnectedEndTime: must not be before gridConnectedStartTime/,
        ],
        [
          { operation: 'deviceList', payload: { stationCodes: 'NE=1,NE=1' } },
          /^stationCodes: must not name a plant code twice/,
        ],
      ];
      for (const [input, rule] of cases) {
        const msg = input.operation ? input : { payload: input };
        const r = await h.send(msg);
        assert.equal(r.error && r.error.code, 'INVALID_INPUT', JSON.stringify(input));
        assert.match(must(r.error, 'r.error').message, rule);
      }
      assert.equal(sim.stats.requests, 0, 'no HTTP call at all, not even the login');
    },
  );

  it(
    "passes the server's failCodes through: 20007 unknown plant, 20045 another user's plant, 401 " +
      'interface not ticked',
    async function () {
      /** @type {import('../../dist/src/simulator').SimUser} */
      const NO_DEV = { username: 'nodev', password: 'n0dev-Passw0rd!', scope: 'all', v6: { interfaces: ['stations'] } };
      ({ sim } = await v6Sim({ plants: 3, users: [NO_DEV] }));
      const other = fleetOf(sim).codes()[1];
      await load(flowWith(sim, plants({ operation: 'deviceList' }), v6), {
        acc: { username: NARROW.username, password: NARROW.password },
      });
      let h = harness();
      const unknown = await h.send({ payload: { stationCodes: 'NE=99999999' } });
      assert.equal(must(unknown.error, 'unknown.error').code, '20007');
      const foreign = await h.send({ payload: { stationCodes: other } });
      assert.equal(must(foreign.error, 'foreign.error').code, '20045');
      assert.match(must(foreign.error, 'foreign.error').message, /[Uu]nauthori[sz]ed/);
      await helper.unload();
      await load(flowWith(sim, plants({ operation: 'deviceList' }), v6), {
        acc: { username: NO_DEV.username, password: NO_DEV.password },
      });
      h = harness();
      const denied = await h.send({ payload: { stationCodes: other } });
      assert.equal(must(denied.error, 'denied.error').code, '401');
      assert.match(must(denied.error, 'denied.error').message, /permission/);
    },
  );

  it(
    'a wrong password latches like V7: one empty-body login, then no login until the credentials ' + 'change',
    async function () {
      ({ sim } = await v6Sim());
      await load(flowWith(sim, plants(), v6), credentials({ password: 'Not-The-Pa55word' }));
      const h = harness();
      const a = await h.send({});
      const b = await h.send({});
      assert.equal(must(a.error, 'a.error').code, 'LOGIN_REJECTED');
      assert.equal(must(b.error, 'b.error').code, 'LOGIN_REJECTED');
      assert.equal(sim.stats.failedLogins, 1);
      assert.ok(h.seen.statuses.some((s) => /login rejected/.test(String(must(s.status, 's.status').text))));
      assert.equal(JSON.stringify(a.caught).includes('Not-The-Pa55word'), false, 'the password is in no message');
    },
  );

  it(
    'a dropped token (305) logs in again once and repeats the call once; concurrent messages share ' + 'one login',
    async function () {
      ({ sim } = await v6Sim());
      await load(flowWith(sim, plants(), v6), credentials());
      const h = harness();
      await Promise.all([h.send({}), h.send({})]);
      assert.equal(sim.stats.logins, 1, 'single-flight login');
      sim.faults.inject({ kind: 'relogin305', endpoint: 'thirdData/stations', times: 1 });
      // The one-a-minute rule of the list: the virtual clock lets the next call through.
      const r = await h.send({});
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.equal(sim.stats.logins, 2);
      sim.faults.inject({ kind: 'relogin305', endpoint: 'thirdData/stations', times: 2 });
      const twice = await h.send({});
      assert.equal(must(twice.error, 'twice.error').code, '305', 'never a loop');
      assert.equal(sim.stats.logins, 3);
    },
  );

  it("refuses the other interface's operations before any call, naming both interfaces", async function () {
    ({ sim } = await v6Sim());
    await load(
      [...flowWith(sim, { type: 'fusionsolar-control', operation: 'inverterPower', allowControl: true }, v6)],
      credentials(),
    );
    const h = harness();
    const control = await h.send({ payload: {} });
    assert.equal(must(control.error, 'control.error').code, 'INVALID_INPUT');
    assert.match(
      must(control.error, 'control.error').message,
      /^operation: inverterPower is a V7 operation and this account uses the V6 interface/,
    );
    const plantInfo = await h.send({ operation: 'plantInfo', payload: {} }, 'n');
    assert.equal(must(plantInfo.error, 'plantInfo.error').code, 'INVALID_INPUT');
    assert.equal(sim.stats.requests, 0);
  });

  it("a V7 account refuses the V6-only nodes' operations before any call", async function () {
    ({ sim } = await v6Sim());
    await load(flowWith(sim, { type: 'fusionsolar-alarms', operation: 'alarmList' }), credentials());
    const h = harness();
    const r = await h.send({});
    assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
    assert.match(
      must(r.error, 'r.error').message,
      /^operation: alarmList is a V6 operation and this account uses the V7 interface/,
    );
    assert.equal(sim.stats.requests, 0);
  });

  it('Test connection logs a V6 account in at /thirdData/login', async function () {
    ({ sim } = await v6Sim());
    await load(flowWith(sim, plants(), v6), credentials());
    const body = { baseUrl: sim.url, api: 'v6', username: USER.username, password: USER.password, timeout: 5 };
    const res = await helper.request().post('/fusionsolar/accounts/acc/test').send(body).expect(200);
    assert.equal(res.body.ok, true, JSON.stringify(res.body));
    assert.equal(sim.stats.byEndpoint['thirdData/login'], 1);
    const v7 = await helper
      .request()
      .post('/fusionsolar/accounts/acc/test')
      .send({ ...body, api: 'v7' })
      .expect(200);
    assert.equal(v7.body.ok, true);
    assert.equal(sim.stats.byEndpoint.login, 1, 'a V7 test logs in at the V7 path');
  });
});

describe("V6 nodes against the simulator in quirks mode (recorded responses' oddities)", function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it(
    'negative Long ids, numbers as strings, null battery SNs: ids exact, values numbers, devices ' + 'still named',
    async function () {
      ({ sim } = await v6Sim({ plants: 4, quirks: true }));
      await load(
        [...flowWith(sim, { type: 'fusionsolar-device-data', operation: 'deviceRealtimeKpi' }, v6)],
        credentials(),
      );
      const h = harness();
      const r = await h.send({});
      assert.equal(r.error, undefined, r.error && r.error.message);
      const items = r.out[0].payload;
      const fleet = fleetOf(sim);
      assert.ok(items.length > 0);
      assert.ok(
        items.every((i) => /^-\d{16}$/.test(i.devId)),
        'negative ids kept as exact digit strings',
      );
      for (const i of items) {
        const d = fleet.all.find((x) => `-${x.id}` === i.devId);
        assert.ok(d, i.devId);
        assert.equal(i.stationCode, d.plant.plantCode);
        for (const [k, v] of Object.entries(i.dataItemMap)) {
          if (!k.endsWith('_name')) assert.ok(v === null || typeof v === 'number', `${k}: ${JSON.stringify(v)}`);
        }
      }
      // The ids as the device list sent them work as input again.
      const battery = items.find((i) => i.devTypeId === 39);
      const again = await h.send({ payload: { devIds: battery.devId } });
      assert.equal(again.error, undefined, again.error && again.error.message);
      assert.equal(again.out[0].payload[0].devId, battery.devId);
    },
  );
});
