'use strict';
const assert = require('node:assert/strict');
const { planCalls, pageOf, defaultBody } = require('../../dist/src/api');
const { distinct, isDistinct } = require('../../dist/src/api/core/params');

describe('planner', function () {
  it('chunks a code list by the chunk size', function () {
    const codes = Array.from({ length: 250 }, (_, i) => `NE=${i}`);
    const sets = planCalls({ chunk: { key: 'plantCodes', size: 100 } }, { plantCodes: codes, x: 1 });
    assert.deepEqual(
      sets.map((s) => /** @type {string[]} */ (s.plantCodes).length),
      [100, 100, 50],
    );
    assert.deepEqual(
      sets.flatMap((s) => s.plantCodes),
      codes,
    );
    assert.ok(sets.every((s) => s.x === 1));
  });

  it('splits a 72-hour range into three 24-hour windows, and chunks times windows', function () {
    const h = 3600000;
    const sets = planCalls(
      { chunk: { key: 'plantCodes', size: 1 }, window: { startKey: 'startTime', endKey: 'endTime', windowMs: 24 * h } },
      { plantCodes: ['a', 'b'], startTime: 0, endTime: 72 * h },
    );
    assert.equal(sets.length, 6);
    assert.deepEqual(
      sets.filter((s) => /** @type {string[]} */ (s.plantCodes)[0] === 'a').map((s) => [s.startTime, s.endTime]),
      [
        [0, 24 * h],
        [24 * h, 48 * h],
        [48 * h, 72 * h],
      ],
    );
  });

  it('reads pages from the paged map and from the bare array of the 9.2.2 example', function () {
    assert.deepEqual(pageOf({ list: [1, 2], total: '5', pageCount: 3 }), { items: [1, 2], total: 5, pageCount: 3 });
    assert.deepEqual(pageOf([1, 2]), { items: [1, 2] });
    assert.deepEqual(pageOf(null), { items: [] });
  });

  it('joins string lists with commas and drops undefined values', function () {
    assert.deepEqual(defaultBody({ plantCodes: ['a', 'b'], pageNo: 1, none: undefined, nums: [1, 2] }), {
      plantCodes: 'a,b',
      pageNo: 1,
      nums: [1, 2],
    });
  });

  it('asks for a code named twice once, whether or not the list came through validation', function () {
    // A list a caller built by hand is not known to be distinct: the planner and the body dedupe it.
    const raw = ['a', 'b', 'a', 'c', 'b'];
    assert.equal(isDistinct(raw), false);
    assert.deepEqual(
      planCalls({ chunk: { key: 'plantCodes', size: 2 } }, { plantCodes: raw }).map((s) => s.plantCodes),
      [['a', 'b'], ['c']],
    );
    assert.deepEqual(defaultBody({ plantCodes: raw }), { plantCodes: 'a,b,c' });
    assert.deepEqual(raw, ['a', 'b', 'a', 'c', 'b'], "the caller's list is left as it was");
    // A list validation made distinct, and every chunk of it, is known to be so.
    const clean = distinct(raw);
    assert.deepEqual(clean, ['a', 'b', 'c']);
    assert.ok(isDistinct(clean));
    const sets = planCalls({ chunk: { key: 'plantCodes', size: 2 } }, { plantCodes: clean });
    assert.ok(sets.every((s) => isDistinct(/** @type {string[]} */ (s.plantCodes))));
    // A short list goes through as the same array, so the body skips a second pass over it.
    const [one] = planCalls({ chunk: { key: 'plantCodes', size: 100 } }, { plantCodes: clean });
    assert.equal(one.plantCodes, clean);
    assert.deepEqual(defaultBody(one), { plantCodes: 'a,b,c' });
  });
});
