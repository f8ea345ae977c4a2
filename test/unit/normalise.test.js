'use strict';
const assert = require('node:assert/strict');
const { toNumber, toStr, parseTime, normaliseRecord, normaliseMap } = require('../../dist/src/api');
const { codeList, timeInput, longId, intInput } = require('../../dist/src/api');

describe('normalisation', function () {
  it('converts numeric strings to numbers and "N/A", "", "null", null to null', function () {
    assert.equal(toNumber('12.5'), 12.5);
    assert.equal(toNumber(' 7 '), 7);
    assert.equal(toNumber(3), 3);
    for (const v of ['N/A', '', 'null', null, undefined, 'abc', NaN]) assert.equal(toNumber(v), null, String(v));
  });

  it(
    'reads 50,000 random strings as the rule says: trimmed, null spellings null, else Number() when ' + 'finite',
    function () {
      // The rule as first written (trim, then a set of null spellings, then Number): the reference.
      const NULLISH = new Set(['', 'N/A', 'n/a', 'NA', 'null', 'NULL', 'undefined', '-', '--']);
      const reference = (v) => {
        const t = v.trim();
        if (NULLISH.has(t)) return null;
        const n = Number(t);
        return Number.isFinite(n) ? n : null;
      };
      const { seeded } = require('../../dist/src/simulator/random');
      const rand = seeded(1313);
      const alphabet = [
        '0',
        '1',
        '7',
        '-',
        '+',
        '.',
        'e',
        'E',
        'x',
        'b',
        'o',
        ' ',
        '\t',
        '\n',
        '\u00a0',
        '\u2028',
        '\ufeff',
        'N',
        'A',
        '/',
        'n',
        'u',
        'l',
        'I',
        'f',
      ];
      const samples = ['', '  ', '0', '-0', ' 5 ', '0x1A', '1e3', 'Infinity', 'NaN', ...NULLISH];
      for (let i = 0; i < 50000; i++) {
        const length = 1 + Math.floor(rand() * 6);
        samples.push(Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
      }
      for (const v of samples) assert.ok(Object.is(toNumber(v), reference(v)), JSON.stringify(v));
    },
  );

  it('keeps strings as strings: an SN of digits stays a string, empty contact stays ""', function () {
    assert.equal(toStr('0123'), '0123');
    assert.equal(toStr(''), '');
    assert.equal(toStr(42), '42');
    assert.equal(toStr('null'), null);
  });

  it('parses both offset spellings of the reference', function () {
    const a = parseTime('2017-08-05T00:00:00.000+0800');
    const b = parseTime('2017-08-05T00:00:00+08:00');
    assert.equal(a, Date.UTC(2017, 7, 4, 16));
    assert.equal(a, b);
    assert.equal(parseTime('1501862400000'), 1501862400000);
    assert.equal(parseTime('not a time'), null);
  });

  it('normalises a record in place, fills aliases and adds time, keeping unknown fields', function () {
    const rec = {
      pmeterPower: '1.5',
      capacity: 'N/A',
      sn: 123,
      gridConnectionDate: '2020-02-06T00:00:00+08:00',
      extra: { x: 1 },
    };
    normaliseRecord(rec, {
      numbers: ['meterPower', 'capacity'],
      strings: ['sn'],
      times: ['gridConnectionDate'],
      aliases: { pmeterPower: 'meterPower' },
    });
    assert.equal(rec.meterPower, 1.5);
    assert.equal(rec.capacity, null);
    assert.equal(rec.sn, '123');
    assert.equal(rec.time, Date.UTC(2020, 1, 5, 16));
    assert.deepEqual(rec.extra, { x: 1 });
  });

  it('normalises every numeric value of a dataItemMap but leaves text alone', function () {
    const map = normaliseMap({ a: '1', b: 'N/A', model: 'SUN2000', sn: '0042' }, 'all-numeric', ['sn']);
    assert.deepEqual(map, { a: 1, b: null, model: 'SUN2000', sn: '0042' });
  });
});

describe('input coercion', function () {
  it('accepts code lists as arrays or comma-separated strings and enforces the maximum', function () {
    assert.deepEqual(codeList().parse('NE=1, NE=2,,'), ['NE=1', 'NE=2']);
    assert.deepEqual(codeList().parse(['NE=1', 5]), ['NE=1', '5']);
    assert.equal(codeList({ max: 2 }).safeParse('a,b,c').success, false);
    assert.equal(codeList().safeParse(12).success, false);
    assert.equal(codeList().safeParse('').success, false);
  });

  it('accepts times as epoch ms, ISO strings and Dates, rejecting garbage and negatives', function () {
    const t = Date.UTC(2026, 0, 2, 3, 4, 5);
    assert.equal(timeInput.parse(t), t);
    assert.equal(timeInput.parse(new Date(t)), t);
    assert.equal(timeInput.parse('2026-01-02T03:04:05Z'), t);
    assert.equal(timeInput.parse(String(t)), t);
    assert.equal(timeInput.safeParse('yesterday-ish').success, false);
    assert.equal(timeInput.safeParse(-5).success, false);
  });

  it('keeps long task ids exact as digit strings', function () {
    assert.equal(longId.parse(-14921346228625), '-14921346228625');
    assert.equal(longId.parse('126140505793022'), '126140505793022');
    assert.equal(longId.parse('9007199254740993'), '9007199254740993');
    assert.equal(longId.safeParse('12a').success, false);
  });

  it('coerces integers from editor strings within bounds', function () {
    assert.equal(intInput(0, 100).parse('42'), 42);
    assert.equal(intInput(0, 100).safeParse('101').success, false);
    assert.equal(intInput(0, 100).safeParse('4.5').success, false);
  });
});
