'use strict';
const assert = require('node:assert/strict');
const { nmiCheckDigit, nmiProblem } = require('../../dist/src/api');
const { checkNmiCodes } = require('../../dist/src/api');

// The worked examples of AEMO's National Metering Identifier procedure (NMI checksum appendix).
const AEMO = {
  2001985732: 8,
  2001985733: 6,
  3075621875: 8,
  3075621876: 6,
  4316854005: 9,
  4316854006: 7,
  6305888444: 6,
  6350888444: 2,
  7001888333: 8,
  7102000001: 7,
  NAAAMYS582: 6,
  NBBBX11110: 0,
  NBBBX11111: 8,
  NCCC519495: 5,
  NGGG000055: 4,
  QAAAVZZZZZ: 3,
  QCDWW00010: 2,
  SMVEW00085: 8,
  VAAA000065: 7,
  VAAA000066: 5,
  VAAA000067: 2,
  VAAASTY576: 8,
  VCCCX00009: 1,
  VEEEX00009: 1,
  VKTS786150: 2,
  VKTS867150: 5,
  VKTS871650: 7,
  VKTS876105: 7,
  VKTS876150: 3,
  VKTS876510: 8,
};

describe('NMI check digit (AEMO checksum)', function () {
  it('gives the check digit of every AEMO example', function () {
    for (const [base, digit] of Object.entries(AEMO)) assert.equal(nmiCheckDigit(base), digit, base);
  });

  it('accepts every AEMO example with its check digit, and the reference example 20019857328', function () {
    for (const [base, digit] of Object.entries(AEMO)) assert.equal(nmiProblem(`${base}${digit}`), undefined, base);
    assert.equal(nmiProblem('20019857328'), undefined);
  });

  it('says what is wrong with a code that is not an NMI', function () {
    assert.equal(nmiProblem('20019857329'), 'has check digit 9, the NMI checksum gives 8');
    assert.equal(nmiProblem('2001985732'), 'has 10 characters, an NMI has 11');
    assert.equal(nmiProblem('200198573288'), 'has 12 characters, an NMI has 11');
    assert.equal(nmiProblem('qaaavzzzzz3'), 'must start with 10 capital letters or digits');
    assert.equal(nmiProblem('2001985732X'), 'must end with a check digit (0-9)');
    assert.equal(nmiProblem('IIII0011000'), 'contains the letter I or O, which NMIs never use');
  });

  it('names each wrong code with its position, and passes a list of valid NMIs', function () {
    assert.doesNotThrow(() => checkNmiCodes(['20019857328', 'QAAAVZZZZZ3']));
    assert.throws(
      () => checkNmiCodes(['20019857328', 'X', '20019857320']),
      (/** @type {CaughtError} */ err) => {
        assert.equal(err.code, 'INVALID_INPUT');
        assert.equal(
          err.message,
          'authorizationCodes: 2 codes are not a valid NMI: [1] "X" has 1 character, an NMI has 11; ' +
            '[2] "20019857320" has check digit 0, the NMI checksum gives 8',
        );
        return true;
      },
    );
  });
});
