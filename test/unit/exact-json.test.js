'use strict';
const assert = require('node:assert/strict');
const { parseExact, JsonDepthError, PARSE_FIRST_MAX } = require('../../dist/src/client/exact-json');
const { seeded } = require('../../dist/src/simulator/random');

/** The pre-parse before issue 12, quadratic on some bodies but right on small ones: the reference. */
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
function reference(text) {
  const unsafe = (t) =>
    /^-?\d{16,}$/.test(t) &&
    (BigInt(t) > BigInt(Number.MAX_SAFE_INTEGER) || BigInt(t) < -BigInt(Number.MAX_SAFE_INTEGER));
  return JSON.parse(text.replace(TOKENS, (t) => (t.startsWith('"') || !unsafe(t) ? t : `"${t}"`)));
}

describe('exact JSON parse', function () {
  it(
    'reads 3,000 random bodies (long ids, escapes, digits in strings, fractions, exponents) as the ' +
      'old pre-parse did',
    function () {
      const rand = seeded(1212);
      const int = (a, b) => a + Math.floor(rand() * (b - a + 1));
      const digits = (n) => Array.from({ length: n }, (_, i) => (i === 0 ? int(1, 9) : int(0, 9))).join('');
      const scalar = () => {
        switch (int(0, 7)) {
          case 0:
            return `${int(0, 1) ? '-' : ''}${digits(int(1, 22))}`;
          case 1:
            return `${digits(int(1, 18))}.${digits(int(1, 4))}`;
          case 2:
            return `${digits(int(1, 17))}e${int(0, 1) ? '-' : '+'}${int(1, 20)}`;
          case 3:
            return JSON.stringify(`id ${digits(int(10, 20))} \\ "q" \u00e9 ${int(0, 1) ? '\n' : ''}`);
          case 4:
            return ['true', 'false', 'null'][int(0, 2)];
          case 5:
            return `"\\"${digits(17)}\\""`;
          case 6:
            return `${digits(16)}E2`;
          default:
            return `"${digits(int(0, 25))}"`;
        }
      };
      const value = (depth) => {
        if (depth > 3 || int(0, 2) === 0) return scalar();
        const n = int(0, 4);
        if (int(0, 1)) return `[${Array.from({ length: n }, () => value(depth + 1)).join(',')}]`;
        const members = Array.from({ length: n }, (_, i) => `"k${i}${digits(int(0, 17))}": ${value(depth + 1)}`);
        return `{${members.join(', ')}}`;
      };
      for (let i = 0; i < 3000; i++) {
        const text = value(0);
        assert.deepEqual(parseExact(text), reference(text), text);
      }
    },
  );

  it('keeps ±(2^53 − 1) as numbers and turns one beyond into digit strings', function () {
    assert.deepEqual(parseExact('[9007199254740991,-9007199254740991,9007199254740992,-9223372036854775808]'), [
      9007199254740991,
      -9007199254740991,
      '9007199254740992',
      '-9223372036854775808',
    ]);
  });

  it('refuses nesting deeper than the limit, counting only brackets outside strings', function () {
    assert.throws(() => parseExact(`${'['.repeat(65)}${']'.repeat(65)}`), JsonDepthError);
    assert.deepEqual(parseExact(`{"s":"${'['.repeat(500)}"}`), { s: '['.repeat(500) });
    assert.equal(/** @type {unknown[]} */ (parseExact(`${'['.repeat(64)}1${']'.repeat(64)}`)).length, 1);
  });
  it('gives the same answers whether a body is parsed first (small) or scanned first (large)', function () {
    const item = (i) =>
      `{"taskId":922337203685477500${i},"small":12345678901234,"big":1e300,"frac":9007199254740995.5,"s":"[[{"}`;
    const small = `[${Array.from({ length: 3 }, (_, i) => item(i)).join(',')}]`;
    let count = 3;
    let large = small;
    while (large.length <= PARSE_FIRST_MAX) {
      count *= 2;
      large = `[${Array.from({ length: count }, (_, i) => item(i)).join(',')}]`;
    }
    for (const text of [small, large]) {
      const parsed = parseExact(text);
      assert.deepEqual(parsed, reference(text));
      assert.equal(parsed[0].taskId, '9223372036854775000');
      assert.equal(parsed[0].small, 12345678901234);
      assert.equal(parsed[0].big, 1e300);
      assert.equal(parsed[0].frac, Number('9007199254740995.5'));
    }
    const pad = ' '.repeat(PARSE_FIRST_MAX);
    for (const space of ['', pad]) {
      assert.throws(() => parseExact(`${'['.repeat(65)}${space}${']'.repeat(65)}`), JsonDepthError);
      assert.equal(/** @type {unknown[]} */ (parseExact(`${'['.repeat(64)}${space}1${']'.repeat(64)}`)).length, 1);
      // Broken and too deep: the depth is what is reported, as before.
      assert.throws(() => parseExact(`${'['.repeat(65)}${space}`), JsonDepthError);
      assert.throws(() => parseExact(`[1,${space}`), SyntaxError);
      assert.deepEqual(parseExact(`${space}-9007199254740992`), '-9007199254740992');
      assert.deepEqual(parseExact(`{"a":{"b":[[${space}{}]]}}`), { a: { b: [[{}]] } });
    }
    assert.throws(() => parseExact(`{"a":${'{"a":'.repeat(64)}1${'}'.repeat(65)}`), JsonDepthError);
  });
});
