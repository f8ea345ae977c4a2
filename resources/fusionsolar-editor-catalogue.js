// @ts-check
/* What the runtime serves the editor (GET /fusionsolar/catalogue): operations, node settings,
 * device types and saved-config migrations. Loaded once per editor session; every dialog reads
 * its rules from here, so the editor never holds its own copy of them. */
(function () {
  'use strict';
  var NS = 'node-red-contrib-fusionsolar/fusionsolar-account:editor.';
  var catalogue = null;
  var waiting = [];

  function load(cb) {
    if (catalogue) return cb(catalogue);
    waiting.push(cb);
    if (waiting.length > 1) return;
    $.getJSON('fusionsolar/catalogue')
      .done(function (data) {
        catalogue = data;
      })
      .fail(function () {
        catalogue = {};
      })
      .always(function () {
        var list = waiting;
        waiting = [];
        list.forEach(function (fn) {
          fn(catalogue);
        });
      });
  }

  /** The catalogue if it has arrived, else null (validators pass until it has). */
  function current() {
    return catalogue;
  }

  function t(key, vars, fallback) {
    var text = RED._(NS + key, vars);
    return text && text.indexOf(key) === -1 ? text : fallback;
  }

  /**
   * A node's own settings (account, request, monitor: rules outside any operation) in the shape
   * of an operation without a name, so the same code fills their choices and checks their values.
   */
  function ownSettings(type) {
    var s = ((catalogue || {}).settings || {})[type];
    return s ? { name: '', rows: s.rows, fields: s.rows, schema: s.schema } : null;
  }

  /** Row names of an operation: its fields (under their node property), options and settings. */
  function rowsOf(op) {
    return op.rows || op.fields;
  }

  /** The JSON Schema of a row, by its row (node property) name. */
  function schemaOf(op, row) {
    return (op.schema || {})[row];
  }

  /** The interface of an account by its id; V7 unless the account says V6. */
  function apiOfAccount(id) {
    var account = /** @type {{ api?: string } | null} */ (id ? RED.nodes.node(id) : null);
    return account && account.api === 'v6' ? 'v6' : 'v7';
  }

  window.FusionSolarCatalogue = {
    load: load,
    current: current,
    t: t,
    ownSettings: ownSettings,
    rowsOf: rowsOf,
    schemaOf: schemaOf,
    apiOfAccount: apiOfAccount,
  };

  // The rules arrive once per editor session; nodes already drawn are then checked against them
  // (the workspace loads after every editor script, so the rules script is there by then).
  if (typeof $ === 'function' && $.getJSON)
    load(function () {
      if (window.FusionSolarRules) window.FusionSolarRules.revalidateAll();
    });
})();
