'use strict';
const assert = require('node:assert/strict');
const { resolveTarget } = require('../../dist/src/api');

const BASE = { origin: 'https://eu5.fusionsolar.huawei.com', basePath: '' };
const PROXIED = { origin: 'https://pvms.example.com:27200', basePath: '/proxy' };

function refused(raw, base, rule) {
  assert.throws(
    () => resolveTarget(raw, base),
    (/** @type {CaughtError} */ err) => {
      assert.equal(err.code, 'INVALID_INPUT');
      assert.match(err.message, /^path: /);
      assert.match(err.message, rule);
      return true;
    },
    raw,
  );
}

describe('generic request paths', function () {
  it(
    'takes a path below the base URL, an endpoint below /rest/openapi/pvms/v1/, or a URL of the ' + 'same server',
    function () {
      assert.deepEqual(resolveTarget('/rest/openapi/pvms/v1/vpp/plants', BASE), {
        path: '/rest/openapi/pvms/v1/vpp/plants',
        endpoint: 'vpp/plants',
      });
      assert.deepEqual(resolveTarget(' vpp/plants ', BASE), {
        path: '/rest/openapi/pvms/v1/vpp/plants',
        endpoint: 'vpp/plants',
      });
      assert.deepEqual(resolveTarget('https://EU5.fusionsolar.huawei.com:443/rest/openapi/pvms/v1/plants?x=1', BASE), {
        path: '/rest/openapi/pvms/v1/plants?x=1',
        endpoint: 'plants',
      });
      // Paths outside the API prefix have their own quota key (the path itself).
      assert.deepEqual(resolveTarget('/thirdData/getStationList', BASE), {
        path: '/thirdData/getStationList',
        endpoint: '/thirdData/getStationList',
      });
    },
  );

  it("keeps the base URL's own path: absolute URLs must lie below it", function () {
    assert.deepEqual(resolveTarget('https://pvms.example.com:27200/proxy/rest/openapi/pvms/v1/devices', PROXIED), {
      path: '/rest/openapi/pvms/v1/devices',
      endpoint: 'devices',
    });
    refused('https://pvms.example.com:27200/rest/openapi/pvms/v1/devices', PROXIED, /outside the account's base URL/);
    refused('https://pvms.example.com:27200/proxyx/rest', PROXIED, /outside the account's base URL/);
  });

  it('refuses other hosts, ports, schemes and protocol-relative URLs', function () {
    refused('https://evil.example.com/rest/openapi/pvms/v1/plants', BASE, /points at https:\/\/evil\.example\.com/);
    refused('http://eu5.fusionsolar.huawei.com/rest/openapi/pvms/v1/plants', BASE, /points at http:\/\/eu5/);
    refused('https://eu5.fusionsolar.huawei.com:8443/x', BASE, /not at the account's server/);
    refused('https://user:pw@eu5.fusionsolar.huawei.com/x', BASE, /user name or password/);
    refused('//evil.example.com/x', BASE, /must not start with \/\//);
    refused('javascript:alert(1)', BASE, /http\(s\) URL/);
    refused('https:evil.example.com', BASE, /http\(s\) URL/);
  });

  it('refuses traversal, plain or encoded, and malformed paths', function () {
    refused('/rest/openapi/pvms/v1/../../x', BASE, /"\." or "\.\." segments/);
    refused('https://eu5.fusionsolar.huawei.com/rest/../x', BASE, /"\." or "\.\." segments/);
    refused('vpp/%2E%2E/%2e%2e/x', BASE, /"\." or "\.\." segments/);
    refused('vpp/./plants', BASE, /"\." or "\.\." segments/);
    refused('vpp/a%2Fb', BASE, /encoded slashes/);
    refused('vpp/%zz', BASE, /malformed %-escape/);
    refused('/rest//openapi', BASE, /empty segments/);
    refused('/rest/openapi pvms', BASE, /spaces/);
    refused('/rest\\openapi', BASE, /backslashes/);
    refused('/rest/openapi#frag', BASE, /fragment/);
    refused('', BASE, /required/);
    refused(42, BASE, /required/);
  });

  it('leaves login and logout to the account node', function () {
    refused('login', BASE, /login or logout/);
    refused('/thirdData/Logout', BASE, /login or logout/);
    assert.equal(resolveTarget('vpp/loginHistory', BASE).endpoint, 'vpp/loginHistory');
  });
});
