// @ts-check
/* The dialogs of the FusionSolar flow nodes that run catalogue operations: the operation list,
 * the rows each operation uses, and saving. The catalogue, rules, rows and labels are in the
 * fusionsolar-editor-*.js scripts the account's HTML loads before this one. */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: each other one is looked up when used. */
  function cat() {
    return window.FusionSolarCatalogue;
  }
  function rules() {
    return window.FusionSolarRules;
  }
  function rows() {
    return window.FusionSolarRows;
  }
  function migrate() {
    return window.FusionSolarMigrate;
  }
  var PREFIX = 'node-input-';

  /** @type {Array<'str' | 'num' | 'json' | 'msg' | 'flow' | 'global' | 'env'>} */
  var TYPES = ['str', 'num', 'json', 'msg', 'flow', 'global', 'env'];

  /** The operation's hint in the editor's language; the catalogue's English if a locale lacks it. */
  function hint(type, op) {
    var key = 'node-red-contrib-fusionsolar/' + type + ':' + type + '.hint.' + op.name;
    var text = RED._(key);
    return text && text !== key && text.indexOf('.hint.') === -1 ? text : op.summary;
  }

  /** Shows only the rows of the fields, options and settings the chosen operation uses. */
  function showFields(ops, name, type) {
    var op = ops.filter(function (o) {
      return o.name === name;
    })[0];
    if (op) rows().fillChoices(type, op);
    var replaced = op ? replacedRows(op) : [];
    $('.fs-field').each(function () {
      var field = $(this).attr('data-field');
      var used = !op || cat().rowsOf(op).indexOf(field) !== -1;
      $(this).toggle(used && rows().whenHolds(this) && replaced.indexOf(field) === -1);
    });
    $('.fs-device-warning').toggle(!!(op && op.changesDevices));
    $('.fs-deprecated')
      .toggle(!!(op && op.deprecated))
      .find('span.fs-deprecated-text')
      .text(op && op.deprecated ? op.deprecated : '');
    $('.fs-op-summary').text(op ? op.section + ' — ' + hint(type, op) : '');
  }

  /* Node-RED 4.1 leaves a new node's account on "none" even when the workspace has exactly
   * one: take that one, so a node dropped next to an account is valid as it is. */
  function preselectAccount(node) {
    if (node.account) return;
    var accounts = [];
    RED.nodes.eachConfig(
      /** @param {EditorNode} c */ function (c) {
        if (c.type === 'fusionsolar-account') accounts.push(c.id);
        return true;
      },
    );
    if (accounts.length === 1) $('#node-input-account').val(accounts[0]).trigger('change');
  }

  /** The interface of the account chosen in the dialog: its operations are the ones offered. */
  function accountApi() {
    return cat().apiOfAccount(String($('#node-input-account').val() || ''));
  }

  /** The dialog open now: its node type and the operations offered (for saving). */
  var dialog = null;

  /** The device type lists of a dialog: every type of the reference, with the locale's name. */
  function fillDeviceTypes(type, props, deviceTypes) {
    $('select.fs-device-types').each(function () {
      var sel = $(this);
      var current = props[sel.attr('id').replace(PREFIX, '')];
      (deviceTypes || []).forEach(function (d) {
        var key = 'node-red-contrib-fusionsolar/' + type + ':' + type + '.deviceType.' + d.id;
        var name = RED._(key);
        $('<option>')
          .val(String(d.id))
          .text(d.id + ' ' + (name && name !== key && name.indexOf('.deviceType.') === -1 ? name : d.en))
          .appendTo(sel);
      });
      sel.val(current === undefined || current === null ? '' : String(current));
    });
  }

  /** Shows the fields again when an input some rows depend on changes. */
  function followInput(id, show) {
    $('#' + PREFIX + id)
      .off('change.fs')
      .on('change.fs', show);
  }

  function prepareOperationNode(node, type) {
    dialog = null;
    preselectAccount(node);
    $('.fs-field input.fs-typed').each(function () {
      var field = $(this).attr('id').replace(PREFIX, '');
      $(this).typedInput({ default: 'str', types: TYPES, typeField: '#' + PREFIX + field + 'Type' });
    });
    cat().load(function (catalogue) {
      var props = migrate().migrateDialog(node, type, PREFIX, catalogue);
      rows().rememberChoices(props, PREFIX);
      var all = (catalogue.operations || {})[type] || [];
      var ops = [];
      var own = cat().ownSettings(type);
      rows().showRanges(all.concat(own ? [own] : []));
      if (own) rows().fillChoices(type, own);
      // A row the chosen operation does not use still offers (and saves) its values, as saved.
      all.forEach(function (o) {
        rows().fillChoices(type, o, true);
      });
      fillDeviceTypes(type, props, catalogue.deviceTypes);
      var select = $('#node-input-operation');
      var show = function () {
        showFields(ops, select.val(), type);
      };
      var fill = function () {
        var api = accountApi();
        var chosen = /** @type {string} */ (select.val() || props.operation);
        ops = all.filter(function (o) {
          return (o.api || 'v7') === api;
        });
        if (!ops.length) ops = all;
        rows().markRows(ops);
        select.empty();
        ops.forEach(function (o) {
          var text =
            o.name +
            (o.deprecated ? ' (' + cat().t('deprecated', {}, 'deprecated') + ')' : '') +
            (o.changesDevices ? ' ⚡' : '');
          $('<option>').val(o.name).text(text).appendTo(select);
        });
        if (ops.length)
          select.val(
            chosen &&
              ops.some(function (o) {
                return o.name === chosen;
              })
              ? chosen
              : ops[0].name,
          );
        show();
      };
      if (all.length) fill();
      $('#node-input-account')
        .off('change.fsapi')
        .on('change.fsapi', function () {
          if (all.length) fill();
        });
      select.off('change.fs').on('change.fs', show);
      all.forEach(function (o) {
        Object.keys(o.replaces || {}).forEach(function (option) {
          followInput(option, show);
        });
      });
      dialog = {
        ops: function () {
          return ops;
        },
        type: type,
      };
      $('.fs-field[data-when]').each(function () {
        followInput($(this).attr('data-when').split('=')[0], show);
      });
      show();
    });
  }

  /** For config nodes (the account): the same migration, with the config dialog's prefix. */
  function prepareConfigNode(node, type) {
    cat().load(function (catalogue) {
      migrate().migrateDialog(node, type, 'node-config-input-', catalogue);
    });
  }

  /** Whether an option row holds a value (a ticked box, a chosen entry). */
  function optionSet(name) {
    var el = $('#' + PREFIX + name);
    return el.is(':checkbox') ? el.is(':checked') : !!el.val();
  }

  /** Rows the operation's options make pointless as they are set now: plant codes under "all plants". */
  function replacedRows(op) {
    var out = [];
    Object.keys(op.replaces || {}).forEach(function (option) {
      if (optionSet(option)) out = out.concat(op.replaces[option]);
    });
    return out;
  }

  /**
   * Saving the dialog: rows an option replaces are cleared (saved side by side they would
   * contradict each other at run time), and a setting marked x-second-output decides the
   * node's outputs.
   */
  function saveOperationNode() {
    if (!dialog) return;
    var name = $('#node-input-operation').val();
    var op = dialog.ops().filter(function (o) {
      return o.name === name;
    })[0];
    if (!op) return;
    replacedRows(op).forEach(function (row) {
      var input = $('#' + PREFIX + row);
      if (input.data('noderedTypedInput') !== undefined) input.typedInput('value', '');
      else input.val('');
    });
    var outputs = $('#node-input-outputs');
    if (!outputs.length) return;
    var second = (op.settings || []).some(function (k) {
      var sc = cat().schemaOf(op, k);
      return sc && sc['x-second-output'] && optionSet(k);
    });
    outputs.val(second ? 2 : 1);
  }

  /** A dialog whose rules are all its own settings: migrate, fill choices and ranges, conditional rows(). */
  function prepareSettingsNode(node, type) {
    preselectAccount(node);
    cat().load(function (catalogue) {
      var props = migrate().migrateDialog(node, type, PREFIX, catalogue);
      var own = cat().ownSettings(type);
      rows().rememberChoices(props, PREFIX);
      if (own) {
        rows().showRanges([own]);
        rows().fillChoices(type, own);
      }
      rows().followWhen(PREFIX);
    });
  }

  // What node HTML calls; parts from the other scripts are looked up when called.
  window.FusionSolarEditor = {
    optionalTyped: function (value, type) {
      return rules().optionalTyped(value, type);
    },
    typed: function (row) {
      return rules().typed(row);
    },
    rule: function (type, row) {
      return rules().rule(type, row);
    },
    usesRow: function (type, name, row) {
      return rules().usesRow(type, name, row);
    },
    keepsRules: function (schema, value, typed) {
      return rules().keepsRules(schema, value, typed);
    },
    prepareSettingsNode: prepareSettingsNode,
    prepareOperationNode: prepareOperationNode,
    saveOperationNode: saveOperationNode,
    prepareConfigNode: prepareConfigNode,
    label: function (node) {
      return window.FusionSolarLabels.label(node);
    },
    loadCatalogue: function (cb) {
      cat().load(cb);
    },
    migrateView: function (props, steps) {
      return migrate().migrateView(props, steps);
    },
    control: {
      prepare: function (node) {
        window.FusionSolarDialogs.control.prepare(node);
      },
      save: function () {
        window.FusionSolarDialogs.control.save();
      },
    },
    monitor: {
      prepare: function (node) {
        window.FusionSolarDialogs.monitor.prepare(node);
      },
    },
    account: {
      prepare: function (node) {
        window.FusionSolarDialogs.account.prepare(node);
      },
    },
  };
})();
