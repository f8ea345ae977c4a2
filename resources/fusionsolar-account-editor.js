/* Account dialog helpers: "Test connection" and the read-only quota table. */
(function () {
  'use strict';
  function settings() {
    return {
      api: $('#node-config-input-api').val(),
      baseUrl: $('#node-config-input-baseUrl').val(),
      timeout: $('#node-config-input-timeout').val(),
      tlsVerify: $('#node-config-input-tlsVerify').is(':checked'),
      ca: $('#node-config-input-ca').val(),
      locale: $('#node-config-input-locale').val(),
      username: $('#node-config-input-username').val(),
      password: $('#node-config-input-password').val(),
    };
  }

  /** The server answers in the runtime's language: add the text of our own codes in the editor's. */
  function inEditorLanguage(node, r) {
    var lang = (RED.i18n && RED.i18n.lang && RED.i18n.lang()) || 'en-US';
    if (!r.code || /^en/i.test(lang)) return '';
    var key = 'common.errors.code.' + r.code + '.message';
    var text = node._(key);
    return text && text !== key && text.indexOf(key) === -1 && text !== r.message ? ' (' + text + ')' : '';
  }

  function testConnection(node) {
    var out = $('#fs-test-result').text(node._('fusionsolar-account.test.running'));
    $.ajax({
      url: 'fusionsolar/accounts/' + node.id + '/test',
      type: 'POST',
      contentType: 'application/json',
      data: JSON.stringify(settings()),
    })
      .done(function (r) {
        if (r.ok) out.text(node._('fusionsolar-account.test.ok')).css('color', 'green');
        else out.text((r.code ? r.code + ': ' : '') + r.message + inEditorLanguage(node, r)).css('color', 'red');
      })
      .fail(function (xhr) {
        out.text(node._('fusionsolar-account.test.failed') + ' ' + xhr.status).css('color', 'red');
      });
  }

  function per(node, ms) {
    if (ms % 86400000 === 0) return node._('fusionsolar-account.quota.perDay');
    if (ms === 60000) return node._('fusionsolar-account.quota.perMinute');
    return node._('fusionsolar-account.quota.perMinutes', { n: Math.round(ms / 60000) });
  }

  function time(t) {
    return t ? new Date(t).toLocaleString() : '';
  }

  // Read-only view of the governor: every endpoint, used / limit in each of its windows.
  function quotaTable(node) {
    var box = $('#fs-quota-table');
    $.getJSON('fusionsolar/accounts/' + node.id + '/quota')
      .done(function (q) {
        if (!q.deployed) return box.text(node._('fusionsolar-account.quota.notDeployed'));
        box.empty();
        // "1 plant", "2 plants": the count keys the node labels use, so each language has its plural.
        var counted = function (n, one, many) {
          return n === 1 ? node._('editor.count.' + one) : node._('editor.count.' + many, { count: n });
        };
        $('<div>')
          .text(
            node._('fusionsolar-account.quota.fleet', {
              plants: counted(q.fleet.plants, 'plant', 'plants'),
              devices: counted(q.fleet.devices, 'device', 'devices'),
            }),
          )
          .appendTo(box);
        if (q.pausedFor > 0) {
          $('<div>')
            .css('color', '#c00')
            .text(node._('fusionsolar-account.quota.paused', { seconds: Math.ceil(q.pausedFor / 1000) }))
            .appendTo(box);
        }
        var table = $(
          '<table class="red-ui-info-table ' +
            'fs-quota"><thead><tr><th></th><th></th><th></th></tr></thead><tbody></tbody></table>',
        );
        var head = table.find('th');
        head.eq(0).text(node._('fusionsolar-account.quota.endpoint'));
        head.eq(1).text(node._('fusionsolar-account.quota.used'));
        head.eq(2).text(node._('fusionsolar-account.quota.reset'));
        q.endpoints.forEach(function (e) {
          var row = $('<tr>').appendTo(table.find('tbody'));
          $('<td>')
            .text(e.endpoint)
            .attr('title', (e.section || '') + ' ' + (e.operations || []).join(', '))
            .appendTo(row);
          var used = $('<td>').appendTo(row);
          (e.limits || []).forEach(function (l) {
            $('<div>')
              .text(l.used + ' / ' + l.limit + ' ' + per(node, l.windowMs) + (l.zone ? ' (' + l.zone + ')' : ''))
              .css('color', l.remaining === 0 ? '#c00' : '')
              .appendTo(used);
          });
          if (!e.limits || !e.limits.length) used.text('–');
          var when = $('<td>').appendTo(row);
          if (e.blockedUntil)
            $('<div>')
              .css('color', '#c00')
              .text(node._('fusionsolar-account.quota.blocked', { reason: e.blockedReason || '' }))
              .appendTo(when);
          if (e.resetAt) $('<div>').text(time(e.resetAt)).appendTo(when);
          if (e.nextAt)
            $('<div>')
              .text(node._('fusionsolar-account.quota.next', { time: time(e.nextAt) }))
              .appendTo(when);
        });
        box.append(table);
        $('<button type="button" class="red-ui-button red-ui-button-small">')
          .text(node._('fusionsolar-account.quota.refresh'))
          .on('click', function () {
            quotaTable(node);
          })
          .appendTo(box);
      })
      .fail(function () {
        box.text(node._('fusionsolar-account.quota.notDeployed'));
      });
  }

  window.FusionSolarAccountEditor = {
    prepare: function (node) {
      $('#fs-test-connection').on('click', function () {
        testConnection(node);
      });
      quotaTable(node);
    },
  };
})();
