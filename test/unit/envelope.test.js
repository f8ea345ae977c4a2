'use strict';
const assert = require('node:assert/strict');
const { parseEnvelope } = require('../../dist/src/client');
const { CookieJar } = require('../../dist/src/client');
const { fsError } = require('../helpers/must');

const res = (text, status = 200, headers = { 'content-type': 'application/json' }) => ({ status, headers, text });
const codeOf = (fn) => {
  try {
    fn();
  } catch (e) {
    return fsError(e).code;
  }
  return 'no error';
};

describe('envelope', function () {
  it('returns data of a successful envelope', function () {
    const env = parseEnvelope(res('{"success":true,"failCode":0,"message":null,"data":[1,2]}'), 'plants');
    assert.deepEqual(env.data, [1, 2]);
  });

  it('accepts success:true with data:null', function () {
    assert.equal(parseEnvelope(res('{"success":true,"failCode":0,"data":null}'), 'x').data, null);
  });

  it('treats a non-zero failCode as failure even when success is true', function () {
    assert.equal(
      codeOf(() => parseEnvelope(res('{"success":true,"failCode":20030,"data":null}'), 'iv/scanTask')),
      '20030',
    );
  });

  it('reads the 407 text from data and gives the catalogue message', function () {
    try {
      parseEnvelope(
        res('{"data":"ACCESS_FREQUENCY_IS_TOO_HIGH","failCode":407,"params":null,"success":false}'),
        'plants',
      );
      assert.fail('expected an error');
    } catch (caught) {
      const e = fsError(caught);
      assert.equal(e.code, '407');
      assert.equal(/** @type {{ serverMessage: string }} */ (e.details).serverMessage, 'ACCESS_FREQUENCY_IS_TOO_HIGH');
      assert.match(e.message, /frequency/i);
    }
  });

  it('maps 305 with "immediately" to code 305', function () {
    assert.equal(
      codeOf(() => parseEnvelope(res('{"failCode":305,"immediately":true,"message":"USER_MUST_RELOGIN"}'), 'x')),
      '305',
    );
  });

  it('maps gateway 403 and 429 to their codes with a 60 s retryAfter', function () {
    for (const status of [403, 429]) {
      try {
        parseEnvelope(
          res('{"errorCode":"49401021002","exceptionInfo":"Request is rejected by api quotaControl"}', status),
          'x',
        );
        assert.fail('expected an error');
      } catch (caught) {
        const e = fsError(caught);
        assert.equal(e.code, String(status));
        assert.equal(e.retryAfter, 60000);
      }
    }
  });

  it('turns HTML, empty bodies, broken JSON, non-envelopes and 5xx into typed errors', function () {
    assert.equal(
      codeOf(() => parseEnvelope(res('<html>oops</html>', 200, { 'content-type': 'text/html' }), 'x')),
      'BAD_RESPONSE',
    );
    assert.equal(
      codeOf(() => parseEnvelope(res('<html>bad gateway</html>', 502, { 'content-type': 'text/html' }), 'x')),
      'HTTP',
    );
    assert.equal(
      codeOf(() => parseEnvelope(res(''), 'x')),
      'EMPTY_RESPONSE',
    );
    assert.equal(
      codeOf(() => parseEnvelope(res('{"success":tr'), 'x')),
      'BAD_RESPONSE',
    );
    assert.equal(
      codeOf(() => parseEnvelope(res('[1,2,3]'), 'x')),
      'BAD_RESPONSE',
    );
    assert.equal(
      codeOf(() => parseEnvelope(res('{"error":"x"}', 500), 'x')),
      'HTTP',
    );
  });

  it('reports success:false without a failCode as FAILED with the server text', function () {
    try {
      parseEnvelope(res('{"success":false,"message":"nope"}'), 'x');
      assert.fail('expected an error');
    } catch (caught) {
      const e = fsError(caught);
      assert.equal(e.code, 'FAILED');
      assert.match(e.message, /nope/);
    }
  });
});

describe('cookie jar', function () {
  it('splits the comma-joined set-cookie of the reference example and keeps values', function () {
    const jar = new CookieJar();
    jar.store('JSESSIONID=42E06B57; Path=/; Secure; HttpOnly,XSRF-TOKEN=x-9hrx; Path=/');
    assert.equal(jar.get('JSESSIONID'), '42E06B57');
    assert.equal(jar.get('xsrf-token'), 'x-9hrx');
    assert.equal(jar.header(), 'JSESSIONID=42E06B57; XSRF-TOKEN=x-9hrx');
  });

  it('does not split on the comma inside an Expires date', function () {
    const jar = new CookieJar();
    jar.store(['a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Path=/', 'b=2']);
    assert.equal(jar.header(), 'a=1; b=2');
  });
});

describe('error localisation', function () {
  const { FusionSolarError, localise, invalidInput } = require('../../dist/src/client');
  it('gives the zh-CN catalogue text and solution for an account in zh-cn', function () {
    const e = localise(new FusionSolarError('20010'), 'zh-cn');
    assert.equal(e.code, '20010');
    assert.equal(e.message, '电站列表不能为空。');
    assert.ok(e.solution && /[\u4e00-\u9fff]/.test(e.solution));
  });
  it('keeps a specific message (the field) and adds the translation', function () {
    const e = localise(invalidInput('pageSize', 'must be one of 50, 100'), 'zh-cn');
    assert.match(e.message, /^pageSize: must be one of 50, 100（.+）$/);
  });
  it('leaves English accounts and unknown codes alone', function () {
    const e = new FusionSolarError('20010');
    assert.equal(localise(e, 'en-us'), e);
    const u = new FusionSolarError('NOT_A_CODE', { message: 'x' });
    assert.equal(localise(u, 'zh-cn'), u);
  });
});
