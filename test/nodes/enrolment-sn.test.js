'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { addProspect } = require('../../dist/src/simulator/routes/enrolment-state');
const { SimFail } = require('../../dist/src/simulator');
const { must } = require('../helpers/must');

const node = (operation, extra = {}) => ({ type: 'fusionsolar-enrolment', operation, ...extra });
const MARK = { sn: 'HV1920000027', email: 'mark@email.com' };

/** SN-like strings the simulator has never heard of. */
const unknownSns = (n) => Array.from({ length: n }, (_, i) => `ZZ${String(i).padStart(8, '0')}`);

/** Wraps the simulator's handler of an endpoint (the route table is private to TypeScript only). */
function wrapRoute(sim, endpoint, around) {
  const route = sim.routes.get(endpoint);
  const original = route.handler;
  route.handler = (req) => around(req, original);
}

describe('fusionsolar-enrolment node (simulator over HTTP)', function () {
  let sim;
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  describe('snEnrolment', function () {
    it('registers a device by SN and owner email, and plantList then returns its plant', async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      const flow = flowWith(sim, node('snEnrolment'));
      flow.push({
        id: 'p',
        type: 'fusionsolar-plants',
        account: 'acc',
        operation: 'plantList',
        split: false,
        wires: [['out2']],
      });
      for (const n of flow) if (Array.isArray(n.scope)) n.scope.push('p');
      await load(flow, credentials());
      const h = harness();
      const r = await h.send({ payload: { devices: [{ ...MARK, username: null, phone: '' }] } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      const [item] = r.out[0].payload;
      assert.equal(item.sn, 'HV1920000027');
      assert.equal(item.success, true);
      assert.equal(item.plantName, "Mark's Plant");
      assert.match(item.plantCode, /^NE=/);
      assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').failed, undefined);
      assert.equal(sim.stats.byEndpoint['vpp/snEnrolment'], 1);

      const list = await h.send({ payload: '' }, 'p');
      assert.equal(list.error, undefined);
      const plants = h.seen.out2[0].payload;
      assert.equal(plants.length, 4);
      assert.ok(plants.some((p) => p.plantCode === item.plantCode && p.plantName === "Mark's Plant"));
    });

    it('succeeds with partial failures and lists the failed devices in msg.fusionsolar.failed', async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      await load(flowWith(sim, node('snEnrolment')), credentials());
      const h = harness();
      const devices = [
        MARK,
        { sn: 'NOPE0001', username: 'nobody' },
        { sn: 'HV1920000028', email: 'wrong-owner@example.com' },
      ];
      const r = await h.send({ payload: { devices } });
      assert.equal(r.error, undefined);
      const msg = r.out[0];
      assert.deepEqual(
        msg.payload.map((i) => i.success),
        [true, false, false],
      );
      assert.deepEqual(
        must(msg.fusionsolar?.failed, 'msg.fusionsolar.failed').map((i) => i.sn),
        ['NOPE0001', 'HV1920000028'],
      );
      assert.ok(
        must(msg.fusionsolar?.failed, 'msg.fusionsolar.failed').every(
          (i) => /No SN\/username, email, or phone number is found/.test(String(i.errorMsg)) && i.plantCode === null,
        ),
      );
      assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').total, 3);
      assert.ok(h.seen.statuses.some((s) => must(s.status, 's.status').text === '1 of 3 ok'));
    });

    it('fails with a summary error naming the devices when every device failed', async function () {
      ({ sim } = await virtualSim({ plants: 3 }));
      await load(flowWith(sim, node('snEnrolment')), credentials());
      const h = harness();
      const r = await h.send({
        payload: {
          devices: [
            { sn: 'NOPE0001', email: 'a@b.c' },
            { sn: 'NOPE0002', phone: '123' },
          ],
        },
      });
      assert.equal(r.out.length, 0);
      assert.equal(must(r.error, 'r.error').code, 'FAILED');
      assert.match(
        must(r.error, 'r.error').message,
        /snEnrolment: all 2 registrations failed \(NOPE0001: No SN.*; NOPE0002: No SN/,
      );
      assert.deepEqual(
        /** @type {Array<{ sn: string }>} */ (
          must(r.caught?.fusionsolar?.error?.details, 'the error details').failed
        ).map((i) => i.sn),
        ['NOPE0001', 'NOPE0002'],
      );
    });

    it('sends 1500 devices in 2 calls of 1000 and 500, a minute apart, and merges the results', async function () {
      let clock;
      ({ sim, clock } = await virtualSim({ plants: 3 }));
      const fresh = Array.from({ length: 3 }, (_, i) =>
        addProspect(sim, {
          sn: `BULK${i}`,
          username: `bulk${i}`,
          email: `bulk${i}@example.com`,
          phone: `+6140000900${i}`,
          authorizationCode: `X${i}`,
          plantName: `Bulk ${i}`,
          plantCreateTime: '2023-01-01T00:00:00+10:30',
        }),
      );
      const devices = [
        ...unknownSns(1497).map((sn) => ({ sn, username: 'someone' })),
        ...fresh.map((p) => ({ sn: p.sn, username: p.username })),
      ];
      const sizes = [];
      wrapRoute(sim, 'vpp/snEnrolment', (req, original) => {
        sizes.push({ n: req.body.devices.length, at: clock.now() });
        return original(req);
      });
      await load(flowWith(sim, node('snEnrolment')), credentials());
      const h = harness();
      const r = await h.send({ payload: { devices } });
      assert.equal(r.error, undefined, r.error && r.error.message);
      assert.deepEqual(
        sizes.map((s) => s.n),
        [1000, 500],
      );
      assert.ok(sizes[1].at - sizes[0].at >= 60_000, 'the second call waited for the one-a-minute quota');
      assert.equal(sim.stats.quota407, 0);
      const msg = r.out[0];
      assert.equal(must(msg.fusionsolar, 'msg.fusionsolar').calls, 2);
      assert.equal(msg.payload.length, 1500);
      assert.deepEqual(
        msg.payload.map((i) => i.sn),
        devices.map((d) => d.sn),
      );
      assert.equal(must(msg.fusionsolar?.failed, 'msg.fusionsolar.failed').length, 1497);
      assert.deepEqual(
        msg.payload.filter((i) => i.success).map((i) => i.plantName),
        ['Bulk 0', 'Bulk 1', 'Bulk 2'],
      );
    });

    it(
      'keeps the first chunk when the second call fails, and lists the unsent devices with the ' + 'reason',
      async function () {
        ({ sim } = await virtualSim({ plants: 3 }));
        const devices = [MARK, ...unknownSns(1200).map((sn) => ({ sn, phone: '1' }))];
        await load(flowWith(sim, node('snEnrolment')), credentials());
        const h = harness();
        sim.faults.inject({ kind: 'status', status: 500, endpoint: 'vpp/snEnrolment', times: 1 });
        // The first call gets the 500: whether anything was registered is unknown, so that error
        // ends the message, and the call is not sent again.
        const first = await h.send({ payload: { devices } });
        assert.equal(must(first.error, 'first.error').code, 'OUTCOME_UNKNOWN');
        assert.equal(sim.stats.byEndpoint['vpp/snEnrolment'], 1);
        // Now the first call works and the second one is refused by the server.
        let n = 0;
        wrapRoute(sim, 'vpp/snEnrolment', (req, original) => {
          if (++n === 2) throw new SimFail(20004);
          return original(req);
        });
        const r = await h.send({ payload: { devices } });
        assert.equal(r.error, undefined, r.error && r.error.message);
        const msg = r.out[0];
        assert.equal(msg.payload.length, 1201);
        assert.equal(msg.payload[0].success, true);
        const unsent = must(msg.fusionsolar?.failed, 'msg.fusionsolar.failed').filter((i) => i.errorCode === '20004');
        assert.equal(unsent.length, 201);
        assert.ok(unsent.every((i) => i.errorMsg === 'The server is abnormal.'));
      },
    );

    const INVALID = [
      { payload: {}, field: 'devices', rule: /required/ },
      { payload: { devices: [] }, field: 'devices', rule: /at least one device/ },
      { payload: { devices: 'HV1920000027' }, field: 'devices', rule: /must be an array/ },
      { payload: { devices: [{ email: 'mark@email.com' }] }, field: 'devices[0].sn', rule: /required/ },
      { payload: { devices: [{ sn: '  ', email: 'mark@email.com' }] }, field: 'devices[0].sn', rule: /not be empty/ },
      { payload: { devices: [{ sn: 123, email: 'mark@email.com' }] }, field: 'devices[0].sn', rule: /string/ },
      {
        payload: { devices: [MARK, { sn: 'HV2', username: null, email: '', phone: null }] },
        field: 'devices[1]',
        rule: /at least one of username, email or phone/,
      },
      {
        payload: { devices: [{ sn: 'HV2', userName: 'x' }] },
        field: 'devices[0]',
        rule: /unknown parameter "userName"/,
      },
    ];
    for (const c of INVALID) {
      it(`rejects ${JSON.stringify(c.payload)} before any call, naming ${c.field}`, async function () {
        ({ sim } = await virtualSim({ plants: 3 }));
        await load(flowWith(sim, node('snEnrolment')), credentials());
        const h = harness();
        const r = await h.send({ payload: c.payload });
        assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
        assert.ok(must(r.error, 'r.error').message.startsWith(`${c.field}: `), must(r.error, 'r.error').message);
        assert.match(must(r.error, 'r.error').message, c.rule);
        assert.equal(sim.stats.requests, 0);
      });
    }
  });
});
