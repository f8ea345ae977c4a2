'use strict';
const assert = require('node:assert/strict');
const { dayStart, nextDayStart, offsetAt, validZone } = require('../../dist/src/client');

const H = 3_600_000;

describe('calendar days in a time zone (quotaDayZone)', function () {
  it('finds local midnight in a zone without DST (Asia/Shanghai, UTC+8)', function () {
    const t = Date.UTC(2026, 5, 21, 15, 30); // 23:30 local
    assert.equal(dayStart('Asia/Shanghai', t), Date.UTC(2026, 5, 20, 16, 0));
    assert.equal(nextDayStart('Asia/Shanghai', t), Date.UTC(2026, 5, 21, 16, 0));
    assert.equal(offsetAt('Asia/Shanghai', t), 8 * H);
  });

  it('handles the 23-hour and 25-hour days of a DST zone (Europe/Berlin)', function () {
    // 29 March 2026: clocks go from 02:00 to 03:00; the day runs 23:00 UTC .. 22:00 UTC.
    const spring = Date.UTC(2026, 2, 29, 12, 0);
    assert.equal(dayStart('Europe/Berlin', spring), Date.UTC(2026, 2, 28, 23, 0));
    assert.equal(nextDayStart('Europe/Berlin', spring) - dayStart('Europe/Berlin', spring), 23 * H);
    // 25 October 2026: clocks go back; the day lasts 25 hours.
    const autumn = Date.UTC(2026, 9, 25, 12, 0);
    assert.equal(dayStart('Europe/Berlin', autumn), Date.UTC(2026, 9, 24, 22, 0));
    assert.equal(nextDayStart('Europe/Berlin', autumn) - dayStart('Europe/Berlin', autumn), 25 * H);
  });

  it('accepts fixed offsets and UTC, and rejects names that are no zone', function () {
    const t = Date.UTC(2026, 5, 21, 2, 0);
    assert.equal(dayStart('+08:00', t), Date.UTC(2026, 5, 20, 16, 0));
    assert.equal(dayStart('UTC-3', t), Date.UTC(2026, 5, 20, 3, 0));
    assert.equal(dayStart('-0330', t), Date.UTC(2026, 5, 20, 3, 30));
    assert.equal(dayStart('UTC', t), Date.UTC(2026, 5, 21, 0, 0));
    for (const ok of ['Europe/Berlin', 'Asia/Shanghai', 'UTC', '+08:00', 'GMT+1'])
      assert.equal(validZone(ok), true, ok);
    for (const bad of ['Mars/Olympus', 'CET+99', '+25:00', 'yesterday']) assert.equal(validZone(bad), false, bad);
  });
});
