'use strict';
const assert = require('node:assert/strict');
const { planCalls, pageOf, defaultBody } = require('../../dist/src/api');

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
});
