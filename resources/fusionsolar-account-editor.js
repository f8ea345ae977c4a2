/* Account dialog helpers: "Test connection" and the read-only quota table. */
(function () {
  'use strict';
  function settings() {
    return {
      baseUrl: $('#node-config-input-baseUrl').val(),
      timeout: $('#node-config-input-timeout').val(),
      tlsVerify: $('#node-config-input-tlsVerify').is(':checked'),
      ca: $('#node-config-input-ca').val(),
      locale: $('#node-config-input-locale').val(),
      username: $('#node-config-input-username').val(),
      password: $('#node-config-input-password').val()
    };
  }

  function testConnection(node) {
    var out = $('#fs-test-result').text(node._('fusionsolar-account.test.running'));
    $.ajax({ url: 'fusionsolar/accounts/' + node.id + '/test', type: 'POST', contentType: 'application/json', data: JSON.stringify(settings()) })
      .done(function (r) {
        if (r.ok) out.text(node._('fusionsolar-account.test.ok')).css('color', 'green');
        else out.text((r.code ? r.code + ': ' : '') + r.message).css('color', 'red');
      })
      .fail(function (xhr) { out.text(node._('fusionsolar-account.test.failed') + ' ' + xhr.status).css('color', 'red'); });
  }

  function quotaTable(node) {
    var box = $('#fs-quota-table');
    $.getJSON('fusionsolar/accounts/' + node.id + '/quota')
      .done(function (q) {
        if (!q.deployed) return box.text(node._('fusionsolar-account.quota.notDeployed'));
        var table = $('<table class="red-ui-info-table fs-quota"><thead><tr><th></th><th></th><th></th></tr></thead><tbody></tbody></table>');
        var head = table.find('th');
        head.eq(0).text(node._('fusionsolar-account.quota.endpoint'));
        head.eq(1).text(node._('fusionsolar-account.quota.used'));
        head.eq(2).text(node._('fusionsolar-account.quota.reset'));
        q.endpoints.forEach(function (e) {
          var row = $('<tr>').appendTo(table.find('tbody'));
          $('<td>').text(e.endpoint).appendTo(row);
          $('<td>').text(e.limit ? e.used + ' / ' + e.limit : '–').appendTo(row);
          $('<td>').text(e.resetAt ? new Date(e.resetAt).toLocaleTimeString() : '').appendTo(row);
        });
        box.empty().append(table);
      })
      .fail(function () { box.text(node._('fusionsolar-account.quota.notDeployed')); });
  }

  window.FusionSolarAccountEditor = {
    prepare: function (node) {
      $('#fs-test-connection').on('click', function () { testConnection(node); });
      quotaTable(node);
    }
  };
})();
