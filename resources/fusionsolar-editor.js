// @ts-check
/* Shared editor behaviour of the FusionSolar nodes: the operation list comes from the
 * runtime's catalogue, so the editor never holds its own copy of the API's rules. */
(function () {
  'use strict';
  var NS = 'node-red-contrib-fusionsolar/fusionsolar-account:editor.';
  var catalogue = null;
  var waiting = [];

  function loadCatalogue(cb) {
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

  function t(key, vars, fallback) {
    var text = RED._(NS + key, vars);
    return text && text.indexOf(key) === -1 ? text : fallback;
  }

  /* Same rules as nodes/shared/migrate.ts, applied to a copy of the node's properties. */
  function currentVersion(steps) {
    return steps.reduce(function (v, s) {
      return Math.max(v, s.to);
    }, 1);
  }

  function migrateView(props, steps) {
    var to = currentVersion(steps);
    var saved = Number(props.configVersion);
    var from = saved >= 1 && Math.floor(saved) === saved ? saved : 1;
    var out = $.extend({}, props);
    if (from >= to) return { props: out, from: from, to: to, changed: false };
    steps
      .slice()
      .sort(function (a, b) {
        return a.to - b.to;
      })
      .forEach(function (step) {
        if (step.to <= from) return;
        Object.keys(step.rename || {}).forEach(function (old) {
          var now = step.rename[old];
          [
            [old, now],
            [old + 'Type', now + 'Type'],
          ].forEach(function (pair) {
            if (!(pair[0] in out)) return;
            if (out[pair[1]] === undefined || out[pair[1]] === '') out[pair[1]] = out[pair[0]];
            delete out[pair[0]];
          });
        });
        Object.keys(step.values || {}).forEach(function (prop) {
          var map = step.values[prop];
          if (typeof out[prop] === 'string' && Object.prototype.hasOwnProperty.call(map, out[prop]))
            out[prop] = map[out[prop]];
        });
      });
    out.configVersion = to;
    return { props: out, from: from, to: to, changed: true };
  }

  /** Puts a migrated value into the dialog; a legacy property gets a hidden input so saving clears it. */
  function setInput(prefix, form, name, value) {
    var el = $('#' + prefix + name);
    var base = /Type$/.test(name) ? $('#' + prefix + name.slice(0, -4)) : $();
    if (base.length && base.data('noderedTypedInput') !== undefined) {
      // A cleared companion leaves its TypedInput's type alone: the value is what gets cleared.
      if (value) base.typedInput('type', value);
      return;
    }
    if (!el.length)
      el = $('<input type="hidden">')
        .attr('id', prefix + name)
        .appendTo(form);
    if (el.data('noderedTypedInput') !== undefined) el.typedInput('value', value);
    else if (el.is(':checkbox')) el.prop('checked', value === true || value === 'true');
    else el.val(value === undefined ? '' : value).trigger('change');
  }

  /** Shows an old-shaped node in the current shape; saving the dialog then stores it so. */
  function migrateDialog(node, type, prefix, cat) {
    var steps = (cat.migrations || {})[type] || [];
    var view = migrateView(node, steps);
    if (!view.changed) return view.props;
    var form = $('#' + prefix + 'name').closest('form');
    var defaults = node._def.defaults;
    Object.keys(defaults).forEach(function (name) {
      if (name === 'operation') return; // the operation list is built from the catalogue
      if (view.props[name] !== node[name]) setInput(prefix, form, name, name in view.props ? view.props[name] : '');
    });
    return view.props;
  }

  /** @type {Array<'str' | 'num' | 'json' | 'msg' | 'flow' | 'global' | 'env'>} */
  var TYPES = ['str', 'num', 'json', 'msg', 'flow', 'global', 'env'];

  /* A row with data-when="field=value" shows only while that field holds that value (the
   * irradiance of a manual I-V scan, for example). */
  function whenHolds(row) {
    var when = $(row).attr('data-when');
    if (!when) return true;
    var eq = when.indexOf('=');
    return String($('#node-input-' + when.slice(0, eq)).val()) === when.slice(eq + 1);
  }

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
    if (op) fillChoices(type, op);
    var replaced = op ? replacedRows(op) : [];
    $('.fs-field').each(function () {
      var field = $(this).attr('data-field');
      var used = !op || rowsOf(op).indexOf(field) !== -1;
      $(this).toggle(used && whenHolds(this) && replaced.indexOf(field) === -1);
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
    return apiOfAccount(String($('#node-input-account').val() || ''));
  }

  /** The interface of an account by its id; V7 unless the account says V6. */
  function apiOfAccount(id) {
    var account = /** @type {{ api?: string } | null} */ (id ? RED.nodes.node(id) : null);
    return account && account.api === 'v6' ? 'v6' : 'v7';
  }

  /** The dialog open now: its node type and the operations offered (for saving). */
  var dialog = null;

  function prepareOperationNode(node, type) {
    dialog = null;
    preselectAccount(node);
    $('.fs-field input.fs-typed').each(function () {
      var field = $(this).attr('id').replace('node-input-', '');
      $(this).typedInput({ default: 'str', types: TYPES, typeField: '#node-input-' + field + 'Type' });
    });
    loadCatalogue(function (cat) {
      var props = migrateDialog(node, type, 'node-input-', cat);
      $('select.fs-choices').each(function () {
        $(this).data('fs-current', props[$(this).attr('id').replace('node-input-', '')]);
      });
      var all = (cat.operations || {})[type] || [];
      var ops = [];
      var own = ownSettings(type);
      showRanges(all.concat(own ? [own] : []));
      if (own) fillChoices(type, own);
      // A row the chosen operation does not use still offers (and saves) its values, as saved.
      all.forEach(function (o) {
        fillChoices(type, o, true);
      });
      $('select.fs-device-types').each(function () {
        var sel = $(this);
        var current = props[sel.attr('id').replace('node-input-', '')];
        (cat.deviceTypes || []).forEach(function (d) {
          var key = 'node-red-contrib-fusionsolar/' + type + ':' + type + '.deviceType.' + d.id;
          var name = RED._(key);
          $('<option>')
            .val(String(d.id))
            .text(d.id + ' ' + (name && name !== key && name.indexOf('.deviceType.') === -1 ? name : d.en))
            .appendTo(sel);
        });
        sel.val(current === undefined || current === null ? '' : String(current));
      });
      var select = $('#node-input-operation');
      var fill = function () {
        var api = accountApi();
        var chosen = select.val() || props.operation;
        ops = all.filter(function (o) {
          return (o.api || 'v7') === api;
        });
        if (!ops.length) ops = all;
        markRows(ops);
        select.empty();
        ops.forEach(function (o) {
          var text =
            o.name +
            (o.deprecated ? ' (' + t('deprecated', {}, 'deprecated') + ')' : '') +
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
        showFields(ops, select.val(), type);
      };
      if (all.length) fill();
      $('#node-input-account')
        .off('change.fsapi')
        .on('change.fsapi', function () {
          if (all.length) fill();
        });
      select.off('change.fs').on('change.fs', function () {
        showFields(ops, select.val(), type);
      });
      all.forEach(function (o) {
        Object.keys(o.replaces || {}).forEach(function (option) {
          $('#node-input-' + option)
            .off('change.fs')
            .on('change.fs', function () {
              showFields(ops, select.val(), type);
            });
        });
      });
      dialog = {
        ops: function () {
          return ops;
        },
        type: type,
      };
      $('.fs-field[data-when]').each(function () {
        var field = $(this).attr('data-when').split('=')[0];
        $('#node-input-' + field)
          .off('change.fs')
          .on('change.fs', function () {
            showFields(ops, select.val(), type);
          });
      });
      showFields(ops, select.val(), type);
    });
  }

  /** For config nodes (the account): the same migration, with the config dialog's prefix. */
  function prepareConfigNode(node, type) {
    loadCatalogue(function (cat) {
      migrateDialog(node, type, 'node-config-input-', cat);
    });
  }

  /* List parameters whose literal value says what the node works on, and the noun to count. */
  var COUNTED = [
    ['plantCodes', 'plants'],
    ['stationCodes', 'plants'],
    ['plantNames', 'plants'],
    ['dns', 'devices'],
    ['devIds', 'devices'],
    ['sns', 'sns'],
    ['authorizationCodes', 'codes'],
  ];

  function detail(node) {
    for (var i = 0; i < COUNTED.length; i++) {
      var field = COUNTED[i][0];
      var value = node[field];
      if (value === undefined || value === null || value === '') continue;
      var type = node[field + 'Type'] || 'str';
      if (type === 'msg' || type === 'flow' || type === 'global' || type === 'env') return type + '.' + value;
      var n =
        type === 'json'
          ? (function () {
              try {
                var v = JSON.parse(value);
                return Array.isArray(v) ? v.length : 1;
              } catch (e) {
                return 0;
              }
            })()
          : String(value)
              .split(',')
              .filter(function (s) {
                return s.trim();
              }).length;
      var noun = n === 1 ? COUNTED[i][1].replace(/s$/, '') : COUNTED[i][1];
      if (n) return t('count.' + noun, { count: n }, n + ' ' + noun);
    }
    if (node.taskId !== undefined && node.taskId !== '' && (node.taskIdType || 'str') === 'str')
      return t('task', { id: node.taskId }, 'task ' + node.taskId);
    return '';
  }

  /** "realtimeKpi: 3 plants", "deviceList: msg.plants", "POST /vpp/plants". */
  function label(node) {
    if (node.name) return node.name;
    if (!node.operation && node.path)
      return (node.method || 'POST') + ' ' + String(node.path).replace(/^\/rest\/openapi\/pvms\/v1/, '');
    var def = node._def;
    var palette = !def
      ? ''
      : typeof def.paletteLabel === 'function'
        ? def.paletteLabel.call(def)
        : typeof def.paletteLabel === 'string'
          ? def.paletteLabel
          : '';
    var op = node.operation || palette || node.type;
    var more =
      node.allPlants === true && usesRow(node.type, node.operation, 'allPlants')
        ? RED._('node-red-contrib-fusionsolar/' + node.type + ':' + node.type + '.label.allPlantsShort')
        : detail(node);
    return more ? op + ': ' + more : op;
  }

  /* ---- Rows, choices and rules from the catalogue's JSON Schema ---- */

  /**
   * A node's own settings (request, monitor: rules outside any operation) in the shape of an
   * operation without a name, so the same code fills their choices and checks their values.
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

  /** Each row names the operations of the account's interface that use it, as the catalogue says (data-ops). */
  function markRows(ops) {
    $('.fs-field').each(function () {
      var row = $(this).attr('data-field');
      $(this).attr(
        'data-ops',
        ops
          .filter(function (o) {
            return rowsOf(o).indexOf(row) !== -1;
          })
          .map(function (o) {
            return o.name;
          })
          .join(','),
      );
    });
  }

  /** A text row with a bounded number shows its range, e.g. "0–100", unless it has its own hint. */
  function showRanges(ops) {
    $('.fs-field input[type=text][id^="node-input-"]').each(function () {
      var input = $(this);
      if (input.attr('placeholder')) return;
      var row = input.attr('id').replace('node-input-', '');
      var range = ops
        .map(function (o) {
          return schemaOf(o, row);
        })
        .filter(function (s) {
          return s && bounded(s.minimum) && bounded(s.maximum);
        })[0];
      if (!range) return;
      // A TypedInput copied the placeholder when it was built: its own input gets it too.
      input
        .add(input.closest('.form-row').find('input.red-ui-typedInput-input'))
        .attr('placeholder', range.minimum + '–' + range.maximum);
    });
  }

  function bounded(n) {
    return typeof n === 'number' && Math.abs(n) < 1e15;
  }

  /** The values a choice row offers: an enumeration, or the items of a list (a multiple select). */
  function choicesOf(schema) {
    if (!schema) return null;
    if (schema.enum) return schema.enum;
    return schema.items && schema.items.enum ? schema.items.enum : null;
  }

  /**
   * A value's name: the locale's, per operation (<type>.<row>.<operation>.<value>) or per row
   * (<type>.<data-names or row>.<value>), else the catalogue's English (x-names), else none.
   */
  function choiceName(type, op, sel, row, v, schema) {
    var base = 'node-red-contrib-fusionsolar/' + type + ':' + type + '.';
    var keys = [base + (sel.attr('data-names') || row) + '.' + v];
    if (op.name) keys.unshift(base + row + '.' + op.name + '.' + v);
    for (var i = 0; i < keys.length; i++) {
      var text = RED._(keys[i]);
      // A missing key comes back as the key itself, with or without its namespace.
      if (text && keys[i].slice(-text.length) !== text) return text;
    }
    var names = (schema.items && schema.items['x-names']) || schema['x-names'] || {};
    return names[v] || '';
  }

  function savedList(value) {
    if (Array.isArray(value)) return value.map(String);
    return value === undefined || value === null
      ? []
      : String(value)
          .split(',')
          .map(function (v) {
            return v.trim();
          })
          .filter(Boolean);
  }

  /**
   * A select with class fs-choices lists the values the chosen operation allows for it; a
   * multiple select stands for a list. Values the reference marks unsupported are shown
   * greyed out after the others; an empty option of the dialog ("every type") stays first.
   * With onlyEmpty, selects another operation has filled already are left alone.
   */
  function fillChoices(type, op, onlyEmpty) {
    $('select.fs-choices[id^="node-input-"]').each(function () {
      var sel = $(this);
      if (onlyEmpty && sel.children('option[value!=""]').length) return;
      var row = sel.attr('id').replace('node-input-', '');
      var schema = schemaOf(op, row);
      var choices = choicesOf(schema);
      if (!choices) return;
      var multiple = sel.prop('multiple');
      var off = schema['x-unsupported'] || [];
      var empty = sel.children('option[value=""]').length > 0;
      // The dialog's own empty option names "" better than a bare value would.
      var values = choices
        .filter(function (v) {
          return off.indexOf(v) === -1 && !(empty && v === '');
        })
        .concat(off);
      var saved = sel.data('fs-current') !== undefined ? sel.data('fs-current') : sel.val();
      sel.children('option[value!=""]').remove();
      values.forEach(function (v) {
        var name = choiceName(type, op, sel, row, v, schema);
        var text = !name ? String(v) : multiple ? v + ' ' + name : v + ' – ' + name;
        $('<option>')
          .val(String(v))
          .text(text)
          .prop('disabled', off.indexOf(v) !== -1)
          .appendTo(sel);
      });
      var usable = function (v) {
        return values.some(function (x) {
          return String(x) === v && off.indexOf(x) === -1;
        });
      };
      if (multiple) sel.val(savedList(saved).filter(usable));
      else {
        var one = saved === undefined || saved === null ? '' : String(saved);
        sel.val(usable(one) || (one === '' && empty) ? one : empty ? '' : String(values[0]));
      }
      // The operation shown fills it again from the saved value, which another may not allow.
      if (!onlyEmpty) sel.removeData('fs-current');
    });
  }

  /** Whether an option row holds a value (a ticked box, a chosen entry). */
  function optionSet(name) {
    var el = $('#node-input-' + name);
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
      var input = $('#node-input-' + row);
      if (input.data('noderedTypedInput') !== undefined) input.typedInput('value', '');
      else input.val('');
    });
    var outputs = $('#node-input-outputs');
    if (!outputs.length) return;
    var second = (op.settings || []).some(function (k) {
      var sc = schemaOf(op, k);
      return sc && sc['x-second-output'] && optionSet(k);
    });
    outputs.val(second ? 2 : 1);
  }

  /** Whether a literal setting keeps the row's rules; other types are only known per message. */
  function keepsRules(schema, value, typed) {
    if (value === '' || value === undefined || value === null || !schema) return true;
    if (typed && typed !== 'str' && typed !== 'num') return true;
    // A multiple choice is saved as an array; a message-era string may list the values.
    if (schema.type === 'array' && schema.items) {
      var items = schema.items;
      var list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
      return list.every(function (v) {
        return v === '' || keepsRules(items, v);
      });
    }
    var n = Number(value);
    var numeric =
      schema.type === 'number' || schema.type === 'integer' || bounded(schema.minimum) || bounded(schema.maximum);
    if (schema.enum)
      return schema.enum.some(function (v) {
        return String(v) === String(value);
      });
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(String(value))) return false;
    if (!numeric) return true;
    if (String(value).trim() === '' || isNaN(n)) return false;
    if (schema.type === 'integer' && Math.floor(n) !== n) return false;
    if (typeof schema.minimum === 'number' && n < schema.minimum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && n <= schema.exclusiveMinimum) return false;
    if (typeof schema.maximum === 'number' && n > schema.maximum) return false;
    return true;
  }

  /**
   * A defaults validator for `row` of node type `type`: the value must keep the rules of the
   * row in every operation of the node that uses it (checked once the catalogue is loaded).
   */
  function rule(type, row) {
    return function (value) {
      if (!catalogue) return true;
      var typed = this && this[row + 'Type'];
      var own = ownSettings(type);
      if (own && own.schema[row]) return keepsRules(own.schema[row], value, typed);
      var ops = ((catalogue.operations || {})[type] || []).filter(function (o) {
        return rowsOf(o).indexOf(row) !== -1;
      });
      var node = this;
      // V7 and V6 may share an operation name: the node's account says which one it runs.
      var api = node && node.account ? apiOfAccount(node.account) : '';
      var named = ops.filter(function (o) {
        return node && o.name === node.operation;
      });
      var op = named.filter(function (o) {
        return !api || (o.api || 'v7') === api;
      })[0];
      // An operation the account's interface lacks is flagged by the operation row; its own
      // rows keep that operation's rules, not the strictest of every operation's.
      return (op ? [op] : named.length ? named : ops).every(function (o) {
        return keepsRules(schemaOf(o, row), value, typed);
      });
    };
  }

  /** Whether an operation of a node type has the row (known once the catalogue is loaded). */
  function usesRow(type, name, row) {
    var op = (((catalogue || {}).operations || {})[type] || []).filter(function (o) {
      return o.name === name;
    })[0];
    return !!op && rowsOf(op).indexOf(row) !== -1;
  }

  /* Nodes are validated as the workspace loads, before any dialog: check them again once the rules are here. */
  function revalidateAll() {
    if (!RED.nodes || !RED.editor || !RED.editor.validateNode) return;
    RED.nodes.eachNode(
      /** @param {EditorNode} n */ function (n) {
        if (!/^fusionsolar-/.test(n.type)) return true;
        RED.editor.validateNode(n);
        n.dirty = true; // labels that depend on the catalogue are drawn again
        return true;
      },
    );
    if (RED.view && RED.view.redraw) RED.view.redraw(true);
  }

  /**
   * An optional TypedInput setting: empty is fine (the message may supply it); otherwise the
   * value must suit its type, e.g. JSON that parses.
   */
  function optionalTyped(value, type) {
    if (value === '' || value === undefined || value === null) return true;
    if (type === 'json') {
      try {
        JSON.parse(value);
        return true;
      } catch (e) {
        return false;
      }
    }
    if (type === 'num') return !isNaN(Number(value));
    return true;
  }

  /** A defaults validator for an optional TypedInput row, by the type saved beside it or shown in the dialog. */
  function typed(row) {
    return function (value) {
      return optionalTyped(value, (this && this[row + 'Type']) || $('#node-input-' + row + 'Type').val());
    };
  }

  /* ---- The control node's dialog ---- */

  var DRMS = ['drm0', 'drm1', 'drm5'];

  function controlEditor() {
    /** Within chargeDischarge, only the rows the chosen switch and control type use. */
    function refine() {
      if ($('#node-input-operation').val() !== 'chargeDischarge') return;
      var forced = $('#node-input-dispatchSwitch').val() !== '0';
      var ct = $('#node-input-controlType').val();
      $('.fs-field[data-field="controlType"], .fs-field[data-field="powerDispatch"]').toggle(forced);
      $('.fs-field[data-field="targetSOC"]').toggle(forced && ct === '1');
      $('.fs-field[data-field="dispatchTime"]').toggle(forced && ct === '2');
    }

    function prepare(node) {
      var drms = {};
      try {
        drms = typeof node.drms === 'string' ? JSON.parse(node.drms || '{}') : node.drms || {};
      } catch (e) {
        drms = {};
      }
      DRMS.forEach(function (k) {
        $('#fs-' + k).prop('checked', drms[k] === true || drms[k] === 'true');
      });
      prepareOperationNode(node, 'fusionsolar-control');
      // The shared code shows rows per operation first; refine those of chargeDischarge after it.
      $('#node-input-operation, #node-input-dispatchSwitch, #node-input-controlType').on('change.fsc', function () {
        setTimeout(refine, 0);
      });
      loadCatalogue(function () {
        setTimeout(refine, 0);
      });
    }

    function save() {
      saveOperationNode();
      var drms = {};
      DRMS.forEach(function (k) {
        drms[k] = $('#fs-' + k).is(':checked');
      });
      $('#node-input-drms').val(JSON.stringify(drms));
      $('#node-input-drmsType').val('json');
      if ($('#node-input-operation').val() === 'chargeDischarge') {
        // A saved target with duration control (or a duration with SOC control) would fail every message.
        var ct = $('#node-input-controlType').val();
        if (ct === '1') $('#node-input-dispatchTime').typedInput('value', '');
        if (ct === '2') $('#node-input-targetSOC').typedInput('value', '');
      }
    }

    return { prepare: prepare, save: save };
  }

  /* ---- Dialogs without operations (the monitor) ---- */

  /** Rows with data-when="setting=value" outside operation rows show while the setting holds it. */
  function showWhen() {
    $('.form-row[data-when]:not(.fs-field)').each(function () {
      $(this).toggle(whenHolds(this));
    });
  }

  /** A dialog whose rules are all its own settings: migrate, fill choices and ranges, conditional rows. */
  function prepareSettingsNode(node, type) {
    preselectAccount(node);
    loadCatalogue(function (cat) {
      var props = migrateDialog(node, type, 'node-input-', cat);
      var own = ownSettings(type);
      $('select.fs-choices').each(function () {
        $(this).data('fs-current', props[$(this).attr('id').replace('node-input-', '')]);
      });
      if (own) {
        showRanges([own]);
        fillChoices(type, own);
      }
      $('.form-row[data-when]:not(.fs-field)').each(function () {
        $('#node-input-' + $(this).attr('data-when').split('=')[0])
          .off('change.fsw')
          .on('change.fsw', showWhen);
      });
      showWhen();
    });
  }

  function monitorEditor() {
    return {
      prepare: function (node) {
        $('#node-input-interval').spinner({ min: 0 });
        prepareSettingsNode(node, 'fusionsolar-monitor');
      },
    };
  }

  window.FusionSolarEditor = {
    optionalTyped: optionalTyped,
    typed: typed,
    rule: rule,
    usesRow: usesRow,
    keepsRules: keepsRules,
    control: controlEditor(),
    monitor: monitorEditor(),
    prepareSettingsNode: prepareSettingsNode,
    prepareOperationNode: prepareOperationNode,
    saveOperationNode: saveOperationNode,
    prepareConfigNode: prepareConfigNode,
    label: label,
    loadCatalogue: loadCatalogue,
    migrateView: migrateView,
  };

  // The rules arrive once per editor session; nodes already drawn are then checked against them.
  if (typeof $ === 'function' && $.getJSON) loadCatalogue(revalidateAll);
})();
