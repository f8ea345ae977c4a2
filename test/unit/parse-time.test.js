'use strict';
const assert = require('node:assert/strict');
const { parseTime } = require('../../dist/src/api');
const { seeded } = require('../../dist/src/simulator');

/** The rule parseTime's hand-written fast path must match: rewrite the offset, Date.parse. */
function reference(v) {
  let s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T');
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

describe('parseTime', function () {
  it('reads 20,000 random timestamps (valid and not, every zone spelling) exactly as Date.parse does', function () {
    const rand = seeded(20260621);
    const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
    const pad = (x, w = 2) => String(x).padStart(w, '0');
    for (let i = 0; i < 20000; i++) {
      const frac = ['', `.${int(0, 9)}`, `.${pad(int(0, 999), 3)}`, `.${pad(int(0, 99999), 5)}`, '.'][int(0, 4)];
      const sign = int(0, 1) ? '+' : '-';
      const zone = [
        'Z',
        `${sign}${pad(int(0, 25))}:${pad(int(0, 61))}`,
        `${sign}${pad(int(0, 25))}${pad(int(0, 61))}`,
        '',
        'z',
      ][int(0, 4)];
      const date = `${int(1990, 2040)}-${pad(int(0, 13))}-${pad(int(0, 32))}`;
      const s = `${date}${int(0, 1) ? 'T' : ' '}${pad(int(0, 25))}:${pad(int(0, 61))}:${pad(int(0, 61))}${frac}${zone}`;
      assert.equal(parseTime(s), reference(s), s);
    }
  });

  it('reads the reference examples and keeps their instant', function () {
    assert.equal(parseTime('2020-02-06T00:00:00+08:00'), Date.UTC(2020, 1, 5, 16));
    assert.equal(parseTime('2017-08-05T00:05:00.000+0800'), Date.UTC(2017, 7, 4, 16, 5));
    assert.equal(parseTime('2026-06-21T12:00:00.5Z'), Date.UTC(2026, 5, 21, 12, 0, 0, 500));
    assert.equal(parseTime('2026-06-21T12:00:00.123456-03:30'), Date.UTC(2026, 5, 21, 15, 30, 0, 123));
  });
});
