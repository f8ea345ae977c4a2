// @ts-check
/* A dialog shows an old-shaped node in the current shape: the same rules as
 * nodes/shared/migrate.ts (served with the catalogue), applied to a copy of its properties. */
(function () {
  'use strict';

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

  window.FusionSolarMigrate = { migrateView: migrateView, migrateDialog: migrateDialog };
})();
