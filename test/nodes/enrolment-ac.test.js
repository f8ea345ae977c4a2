'use strict';
const assert = require('node:assert/strict');
const { virtualSim, stopSim } = require('../helpers/sim');
const { helper, flowWith, load, harness, credentials } = require('../helpers/flow');
const { addProspect } = require('../../dist/src/simulator/routes/enrolment-state');
const { must } = require('../helpers/must');

const node = (extra = {}) => ({ type: 'fusionsolar-enrolment', operation: 'acEnrolment', ...extra });
// Codes the simulator knows (AEMO example NMIs with their check digits) and valid NMIs it does not.
const MARK = '20019857328';
const LIN = '20019857336';
const UNKNOWN_NMIS = ['QAAAVZZZZZ3', 'QCDWW000102', 'VKTS8765108', 'NBBBX111100', 'NGGG0000554'];

describe('fusionsolar-enrolment node: acEnrolment (simulator over HTTP)', function () {
  let sim;
  let clock;
  beforeEach(async function () {
    ({ sim, clock } = await virtualSim({ plants: 3 }));
  });
  afterEach(async function () {
    await helper.unload();
    await stopSim(sim);
    sim = undefined;
  });

  it('registers plants by authorization codes given as a comma-separated string', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: { authorizationCodes: `${MARK}, ${LIN}` } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.deepEqual(
      r.out[0].payload.map((i) => [i.authorizationCode, i.success, i.plantName]),
      [
        [MARK, true, "Mark's Plant"],
        [LIN, true, "Lin's Plant"],
      ],
    );
    assert.ok(h.seen.statuses.some((s) => must(s.status, 's.status').text === '2 enrolled'));
  });

  it('succeeds when some codes are unknown and lists them in msg.fusionsolar.failed', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: { authorizationCodes: [MARK, 'QAAAVZZZZZ3'] } });
    assert.equal(r.error, undefined);
    assert.deepEqual(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').failed, [
      {
        authorizationCode: 'QAAAVZZZZZ3',
        success: false,
        errorMsg: 'Not found authorization code',
        plantCode: null,
        plantName: null,
      },
    ]);
  });

  it('fails with a summary error when every code failed', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: { authorizationCodes: UNKNOWN_NMIS.slice(0, 2) } });
    assert.equal(must(r.error, 'r.error').code, 'FAILED');
    assert.match(
      must(r.error, 'r.error').message,
      /acEnrolment: all 2 registrations failed \(QAAAVZZZZZ3: Not found authorization code; QCDWW000102/,
    );
  });

  it('sends 1500 codes in 2 calls a minute apart and merges them in order', async function () {
    const codes = [...Array.from({ length: 1499 }, (_, i) => `C${i}`), MARK];
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    // Every code is known: five wrong ones in a row would lock registration (22004).
    codes.slice(0, 1499).forEach((c, i) =>
      addProspect(sim, {
        sn: `S${i}`,
        username: `u${i}`,
        email: '',
        phone: '',
        authorizationCode: c,
        plantName: `P${i}`,
        plantCreateTime: '2024-01-01T00:00:00Z',
      }),
    );
    const start = clock.now();
    const r = await h.send({ payload: { authorizationCodes: codes } });
    assert.equal(r.error, undefined, r.error && r.error.message);
    assert.equal(must(r.out[0].fusionsolar, 'r.out[0].fusionsolar').calls, 2);
    assert.equal(sim.stats.byEndpoint['vpp/acEnrolment'], 2);
    assert.ok(clock.now() - start >= 60_000);
    assert.deepEqual(
      r.out[0].payload.map((i) => i.authorizationCode),
      codes,
    );
    assert.ok(r.out[0].payload.every((i) => i.success));
  });

  it(
    'names every code that is not a valid NMI when "codes are South Australian NMIs" is set, before ' + 'any call',
    async function () {
      await load(flowWith(sim, node({ nmi: true })), credentials());
      const h = harness();
      const r = await h.send({ payload: { authorizationCodes: [MARK, '20019857329', 'SMVEW00085', 'qaaavzzzzz3'] } });
      assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
      assert.match(must(r.error, 'r.error').message, /^authorizationCodes: 3 codes are not a valid NMI/);
      assert.match(must(r.error, 'r.error').message, /\[1\] "20019857329" has check digit 9, the NMI checksum gives 8/);
      assert.match(must(r.error, 'r.error').message, /\[2\] "SMVEW00085" has 10 characters, an NMI has 11/);
      assert.match(
        must(r.error, 'r.error').message,
        /\[3\] "qaaavzzzzz3" must start with 10 capital letters or digits/,
      );
      assert.equal(sim.stats.requests, 0);
      // Valid NMIs pass the check; without the setting codes are free-form.
      assert.equal((await h.send({ payload: { authorizationCodes: [MARK] } })).error, undefined);
    },
  );

  it('leaves free-form codes alone without the NMI setting', async function () {
    await load(flowWith(sim, node()), credentials());
    const h = harness();
    const r = await h.send({ payload: { authorizationCodes: ['free-form', MARK] } });
    assert.equal(r.error, undefined);
    assert.equal(must(r.out[0].fusionsolar?.failed, 'r.out[0].fusionsolar.failed').length, 1);
  });

  it(
    'reports the lockout after five wrong codes (22004) with retryAfter of 5 minutes, and works ' + 'again after it',
    async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send({ payload: { authorizationCodes: UNKNOWN_NMIS } });
      assert.equal(must(r.error, 'r.error').code, '22004');
      assert.match(must(r.error, 'r.error').message, /locked out for 5 minutes/);
      assert.equal(must(r.caught?.fusionsolar?.error, 'r.caught.fusionsolar.error').retryAfter, 300_000);
      clock.advance(61_000);
      const locked = await h.send({ payload: { authorizationCodes: [MARK] } });
      assert.equal(must(locked.error, 'locked.error').code, '22004');
      clock.advance(5 * 60_000);
      const after = await h.send({ payload: { authorizationCodes: [MARK] } });
      assert.equal(after.error, undefined, after.error && after.error.message);
      assert.equal(after.out[0].payload[0].success, true);
    },
  );

  const INVALID = [
    { payload: {}, field: 'authorizationCodes', rule: /required/ },
    { payload: { authorizationCodes: ' , ' }, field: 'authorizationCodes', rule: /at least one code/ },
    {
      payload: { authorizationCodes: { a: 1 } },
      field: 'authorizationCodes',
      rule: /array of codes or a comma-separated string/,
    },
    { payload: { authorizationCodes: MARK, nmi: 'maybe' }, field: 'nmi', rule: /true or false/ },
    { payload: { authorizationCode: MARK }, field: 'authorizationCode', rule: /not a parameter of acEnrolment/ },
  ];
  for (const c of INVALID) {
    it(`rejects ${JSON.stringify(c.payload)} before any call, naming ${c.field}`, async function () {
      await load(flowWith(sim, node()), credentials());
      const h = harness();
      const r = await h.send({ payload: c.payload });
      assert.equal(must(r.error, 'r.error').code, 'INVALID_INPUT');
      assert.ok(must(r.error, 'r.error').message.startsWith(`${c.field}: `), must(r.error, 'r.error').message);
      assert.match(must(r.error, 'r.error').message, c.rule);
      assert.equal(sim.stats.requests, 0);
    });
  }
});
