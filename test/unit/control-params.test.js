'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { catalogued, must } = require('../helpers/must');
const { validate } = require('../../dist/src/api');
const { execute, defaultBody } = require('../../dist/src/api');
const { settle } = require('../../dist/src/api');
const { VirtualClock } = require('../../dist/src/clock');

const REQUEST_ID_MODULE = path.join(__dirname, '..', '..', 'dist', 'src', 'api', 'control', 'request-id.js');
const op = (name) => catalogued(name);
const body = (name, input) => {
  const o = op(name);
  const p = validate(o, input);
  return o.toBody ? o.toBody(p) : defaultBody(p);
};

/** A client that answers every call with the next scripted `data`. */
function fakeClient(answers) {
  const sent = [];
  const client = {
    sent,
    clock: new VirtualClock(),
    async reserve() {
      return undefined;
    },
    publish() {},
    async call(opts) {
      sent.push(opts);
      return { data: answers.shift() };
    },
  };
  // The members a command's execute uses; the double has no others.
  return /** @type {import('../../dist/src/api').ApiClient & typeof client} */ (/** @type {unknown} */ (client));
}

/** The operations here read no context: they are handed none. */
const NO_CONTEXT = /** @type {import('../../dist/src/api').ExecContext} */ (/** @type {unknown} */ (undefined));
/** An answer as the operation normalises it; these operations read neither parameters nor context. */
const normalised = (name, data) => op(name).normalise?.(data, {}, NO_CONTEXT);

describe('control operations: input and output (no HTTP)', function () {
  describe('requestID generation', function () {
    it('gives unique, increasing safe integers, also for many ids in one millisecond', function () {
      const { nextRequestId } = require(REQUEST_ID_MODULE);
      const now = Date.UTC(2026, 0, 1);
      const ids = Array.from({ length: 50 }, () => nextRequestId(now));
      assert.equal(new Set(ids).size, 50);
      assert.ok(ids.every((id, i) => Number.isSafeInteger(id) && (i === 0 || id > ids[i - 1])));
      assert.ok(Number.isSafeInteger(nextRequestId(Date.UTC(2255, 0, 1))));
    });

    it('a restarted process a millisecond later never repeats an earlier id', function () {
      delete require.cache[REQUEST_ID_MODULE];
      const before = require(REQUEST_ID_MODULE);
      const t = Date.UTC(2026, 5, 1, 12);
      const first = Array.from({ length: 20 }, () => before.nextRequestId(t));
      delete require.cache[REQUEST_ID_MODULE];
      const after = require(REQUEST_ID_MODULE);
      assert.ok(after.nextRequestId(t + 1) > Math.max(...first));
    });

    it('is filled in by the schema when the flow gives none, and kept when it does', function () {
      const base = { plantCodes: 'NE=1', dispatchSwitch: 0 };
      const a = validate(op('chargeDischarge'), base).requestID;
      const b = validate(op('chargeDischarge'), base).requestID;
      // requestID is a number once validated (the schema's output).
      assert.ok(Number.isSafeInteger(a) && /** @type {number} */ (b) > /** @type {number} */ (a));
      assert.equal(validate(op('chargeDischarge'), { ...base, requestID: '432523532523' }).requestID, 432523532523);
    });
  });

  describe('request bodies', function () {
    it('chargeDischarge sends only the fields of the chosen control; a stop sends none of them', function () {
      assert.deepEqual(
        body('chargeDischarge', {
          plantCodes: ['NE=1', 'NE=2'],
          dispatchSwitch: '1',
          controlType: 2,
          dispatchTime: '600',
          powerDispatch: 5000,
          requestID: 7,
        }),
        {
          plantCodes: 'NE=1,NE=2',
          dispatchSwitch: 1,
          controlType: 2,
          dispatchTime: 600,
          powerDispatch: 5000,
          requestID: 7,
        },
      );
      // A node set up for charging can still stop: its control settings are ignored, not sent.
      assert.deepEqual(
        body('chargeDischarge', {
          plantCodes: 'NE=1',
          dispatchSwitch: 0,
          controlType: 1,
          targetSOC: 90,
          powerDispatch: 5,
          requestID: 8,
        }),
        {
          plantCodes: 'NE=1',
          dispatchSwitch: 0,
          requestID: 8,
        },
      );
    });

    it('drm sends lower-case plantcodes and the switches as the strings "true"/"false"', function () {
      assert.deepEqual(body('drm', { plantCodes: 'NE=1,NE=2', drms: [{ drm0: true, drm1: 'FALSE', drm5: 'true' }] }), {
        plantcodes: 'NE=1,NE=2',
        drms: { drm0: 'true', drm1: 'false', drm5: 'true' },
      });
      // The lower-case name wins over the node's plantCodes setting.
      assert.equal(
        body('drm', { plantcodes: 'NE=9', plantCodes: 'NE=1', drms: { drm0: false, drm1: false, drm5: false } })
          .plantcodes,
        'NE=9',
      );
    });

    it(
      'defaultSetting builds tasks from plant codes; top-level values fill tasks lacking their own; ' +
        'float noise is rounded',
      function () {
        assert.deepEqual(body('defaultSetting', { plantCodes: 'NE=1,NE=2', maxFeedGridPower: 0.1 + 0.2 }), {
          tasks: [
            { plantCode: 'NE=1', maxFeedGridPower: 0.3 },
            { plantCode: 'NE=2', maxFeedGridPower: 0.3 },
          ],
        });
        assert.deepEqual(
          body('defaultSetting', {
            tasks: [{ plantCode: 'NE=1', maxFeedGridPower: -5 }, { plantCode: 'NE=2' }],
            activePowerVariationGradient: '1.5',
          }),
          {
            tasks: [
              { plantCode: 'NE=1', maxFeedGridPower: -5, activePowerVariationGradient: 1.5 },
              { plantCode: 'NE=2', activePowerVariationGradient: 1.5 },
            ],
          },
        );
      },
    );

    it('status queries send the ids as the API types them', function () {
      assert.deepEqual(body('chargeDischargeStatus', { requestID: '432523532523' }), { requestID: 432523532523 });
      assert.deepEqual(body('defaultSettingStatus', { requestId: 1709371607593720, plantCodes: ['NE=1'] }), {
        requestId: '1709371607593720',
        plantCodes: 'NE=1',
      });
      assert.deepEqual(body('drmStatus', { remoteIds: ['1', '2'] }), { remoteIds: '1,2' });
    });
  });

  describe('responses', function () {
    it('reads both spellings of the 9.3.5 times, numeric strings as numbers', function () {
      const out = /** @type {Array<Record<string, unknown>>} */ (
        normalised('chargeDischargeStatus', [
          {
            plantCode: 'NE=1',
            sn: 5,
            remoteID: 1,
            status: '0',
            chargedCapacity: '1000',
            execStartTime: 'a',
            execEndTime: 'b',
            message: null,
          },
          {
            plantCode: 'NE=2',
            sn: '6',
            remoteID: '2',
            status: 0,
            chargedCapacity: 2000,
            startTime: 'c',
            endTime: 'd',
            dischargedCapacity: 'N/A',
          },
        ])
      );
      assert.deepEqual(
        out.map((i) => [i.sn, i.remoteID, i.status, i.chargedCapacity, i.execStartTime, i.execEndTime]),
        [
          ['5', '1', 0, 1000, 'a', 'b'],
          ['6', '2', 0, 2000, 'c', 'd'],
        ],
      );
      assert.equal(out[1].dischargedCapacity, null);
      assert.equal(out[1].startTime, 'c');
    });

    it('reads EMS success as the documented integer whether it comes as a boolean or a number', function () {
      const out = /** @type {Array<{ name: string, success: number }>} */ (
        normalised('emsMode', [
          { name: 'L1', success: true },
          { name: 'L2', success: false },
          { name: 'L3', success: '2' },
        ])
      );
      assert.deepEqual(
        out.map((i) => i.success),
        [0, 1, 2],
      );
      assert.deepEqual(
        must(op('emsMode').failures?.(out), 'the failures').map((i) => /** @type {{ name: string }} */ (i).name),
        ['L2'],
      );
    });

    it('explains default-setting results that are failCodes', function () {
      const out = /** @type {{ requestId: string, tasks: Array<Record<string, unknown>> }} */ (
        normalised('defaultSetting', {
          requestId: 1299460682406572,
          tasks: [
            { plantCode: 'NE=1', result: 20612 },
            { plantCode: 'NE=2', result: '0' },
          ],
        })
      );
      assert.equal(out.requestId, '1299460682406572');
      assert.equal(out.tasks[0].resultMessage, 'The value of an input parameter is empty.');
      assert.equal(out.tasks[1].result, 0);
      assert.equal(op('defaultSetting').itemCount?.(out), 2);
      assert.deepEqual(
        must(op('defaultSetting').failures?.(out), 'the failures').map(
          (t) => /** @type {{ plantCode: string }} */ (t).plantCode,
        ),
        ['NE=1'],
      );
    });
  });

  describe('per-item outcome of a command', function () {
    it('fails with a summary naming the items when every item failed, and keeps them in details', async function () {
      const client = fakeClient([
        [
          { dn: 'A', result: 1 },
          { dn: 'B', result: '1' },
        ],
      ]);
      const result = await execute(op('setDod'), { dns: 'A,B', dod: 90 }, { client });
      assert.throws(
        () => settle(op('setDod'), result),
        (/** @type {CaughtError} */ err) => {
          assert.equal(err.code, 'FAILED');
          assert.equal(err.message, 'setDod: all 2 devices failed (A: failed; B: failed)');
          assert.deepEqual(
            /** @type {{ failed: Array<{ dn: string }> }} */ (err.details).failed.map((f) => f.dn),
            ['A', 'B'],
          );
          return true;
        },
      );
      assert.equal(client.sent.length, 1);
      assert.equal(client.sent[0].changesDevices, true);
    });

    it('succeeds with `failed` and `total` when only some failed, also for an object answer', async function () {
      const client = fakeClient([
        [
          { dn: 'A', result: 0 },
          { dn: 'B', result: 1 },
          { dn: 'C', result: 0 },
        ],
        {
          requestId: '9',
          tasks: [
            { plantCode: 'NE=1', result: 0 },
            { plantCode: 'NE=2', result: 20615 },
          ],
        },
      ]);
      const r = settle(
        op('inverterPower'),
        await execute(op('inverterPower'), { dns: 'A,B,C', controlType: 2 }, { client }),
      );
      assert.equal(r.total, 3);
      assert.deepEqual(
        must(r.failed, 'the failed items').map((f) => /** @type {{ dn: string }} */ (f).dn),
        ['B'],
      );
      const d = settle(
        op('defaultSetting'),
        await execute(op('defaultSetting'), { plantCodes: 'NE=1,NE=2', activePowerVariationGradient: 1 }, { client }),
      );
      assert.equal(d.total, 2);
      assert.equal(
        /** @type {{ resultMessage: string }} */ (must(d.failed, 'the failed items')[0]).resultMessage,
        'The same task is being executed in the current plant.',
      );
    });
  });
});
