// @ts-check
/* Rows of a dialog from the catalogue's JSON Schema: choice lists with the locale's names,
 * range hints, and rows shown only while another setting holds a value. `prefix` is the id
 * prefix of the dialog's inputs: node-input- for flow nodes, node-config-input- for the account. */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: each other one is looked up when used. */
  function cat() {
    return window.FusionSolarCatalogue;
  }
  function rules() {
    return window.FusionSolarRules;
  }
  var FLOW = 'node-input-';

  /* A row with data-when="field=value" shows only while that field holds that value (the
   * irradiance of a manual I-V scan, for example). */
  function whenHolds(row, prefix) {
    var when = $(row).attr('data-when');
    if (!when) return true;
    var eq = when.indexOf('=');
    return String($('#' + (prefix || FLOW) + when.slice(0, eq)).val()) === when.slice(eq + 1);
  }

  /** The input of the setting a conditional row depends on, in the dialog of `prefix` (none in another). */
  function whenInput(row, prefix) {
    return $('#' + prefix + $(row).attr('data-when').split('=')[0]);
  }

  /**
   * Rows with data-when="setting=value" outside operation rows show while the setting holds it;
   * a dialog stacked on another (an account opened from a flow node) leaves the other's rows alone.
   */
  function showWhen(prefix) {
    $('.form-row[data-when]:not(.fs-field)').each(function () {
      if (whenInput(this, prefix).length) $(this).toggle(whenHolds(this, prefix));
    });
  }

  /** Shows each conditional row now and whenever the setting it depends on changes. */
  function followWhen(prefix) {
    var update = function () {
      showWhen(prefix);
    };
    $('.form-row[data-when]:not(.fs-field)').each(function () {
      whenInput(this, prefix).off('change.fsw').on('change.fsw', update);
    });
    update();
  }

  /** Each row names the operations of the account's interface that use it, as the catalogue says (data-ops). */
  function markRows(ops) {
    $('.fs-field').each(function () {
      var row = $(this).attr('data-field');
      $(this).attr(
        'data-ops',
        ops
          .filter(function (o) {
            return cat().rowsOf(o).indexOf(row) !== -1;
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
      var row = input.attr('id').replace(FLOW, '');
      var range = ops
        .map(function (o) {
          return cat().schemaOf(o, row);
        })
        .filter(function (s) {
          return s && rules().bounded(s.minimum) && rules().bounded(s.maximum);
        })[0];
      if (!range) return;
      // A TypedInput copied the placeholder when it was built: its own input gets it too.
      input
        .add(input.closest('.form-row').find('input.red-ui-typedInput-input'))
        .attr('placeholder', range.minimum + '–' + range.maximum);
    });
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

  /** An option's text: "v – name" ("v name" in a list); the name alone where the select says data-text="name". */
  function optionText(sel, v, name) {
    if (!name) return String(v);
    if (sel.attr('data-text') === 'name') return name;
    return sel.prop('multiple') ? v + ' ' + name : v + ' – ' + name;
  }

  /**
   * A select with class fs-choices lists the values the chosen operation allows for it; a
   * multiple select stands for a list. Values the reference marks unsupported are shown
   * greyed out after the others; an empty option of the dialog ("every type") stays first.
   * With onlyEmpty, selects another operation has filled already are left alone.
   */
  function fillChoices(type, op, onlyEmpty, prefix) {
    var pre = prefix || FLOW;
    $('select.fs-choices[id^="' + pre + '"]').each(function () {
      var sel = $(this);
      if (onlyEmpty && sel.children('option[value!=""]').length) return;
      var row = sel.attr('id').replace(pre, '');
      var schema = cat().schemaOf(op, row);
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
        $('<option>')
          .val(String(v))
          .text(optionText(sel, v, choiceName(type, op, sel, row, v, schema)))
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

  /** Each choice select remembers the saved value, which it cannot hold before its options are there. */
  function rememberChoices(props, prefix) {
    var pre = prefix || FLOW;
    $('select.fs-choices[id^="' + pre + '"]').each(function () {
      $(this).data('fs-current', props[$(this).attr('id').replace(pre, '')]);
    });
  }

  window.FusionSolarRows = {
    whenHolds: whenHolds,
    showWhen: showWhen,
    followWhen: followWhen,
    markRows: markRows,
    showRanges: showRanges,
    fillChoices: fillChoices,
    rememberChoices: rememberChoices,
  };
})();
