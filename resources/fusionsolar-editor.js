/* Shared editor behaviour of the FusionSolar nodes: the operation list comes from the
 * runtime's catalogue, so the editor never holds its own copy of the API's rules. */
(function () {
  'use strict';
  var catalogue = null;
  var waiting = [];

  function loadCatalogue(cb) {
    if (catalogue) return cb(catalogue);
    waiting.push(cb);
    if (waiting.length > 1) return;
    $.getJSON('fusionsolar/catalogue')
      .done(function (data) { catalogue = data; })
      .fail(function () { catalogue = {}; })
      .always(function () {
        var list = waiting; waiting = [];
        list.forEach(function (fn) { fn(catalogue); });
      });
  }

  var TYPES = ['str', 'num', 'json', 'msg', 'flow', 'global', 'env'];

  /** Shows only the rows of the fields the chosen operation uses. */
  function showFields(ops, name) {
    var op = ops.filter(function (o) { return o.name === name; })[0];
    $('.fs-field').each(function () {
      var field = $(this).attr('data-field');
      $(this).toggle(!op || op.fields.indexOf(field) !== -1 || ($(this).attr('data-ops') || '').split(',').indexOf(name) !== -1);
    });
    $('.fs-device-warning').toggle(!!(op && op.changesDevices));
    $('.fs-deprecated').toggle(!!(op && op.deprecated)).find('span.fs-deprecated-text').text(op && op.deprecated ? op.deprecated : '');
    $('.fs-op-summary').text(op ? op.section + ' — ' + op.summary : '');
  }

  function prepareOperationNode(node, type) {
    $('.fs-field input.fs-typed').each(function () {
      var field = $(this).attr('id').replace('node-input-', '');
      $(this).typedInput({ default: 'str', types: TYPES, typeField: '#node-input-' + field + 'Type' });
    });
    loadCatalogue(function (cat) {
      var ops = (cat.operations || {})[type] || [];
      $('select.fs-device-types').each(function () {
        var sel = $(this);
        var current = node[sel.attr('id').replace('node-input-', '')];
        (cat.deviceTypes || []).forEach(function (d) {
          $('<option>').val(String(d.id)).text(d.id + ' ' + d.en).appendTo(sel);
        });
        sel.val(current === undefined || current === null ? '' : String(current));
      });
      var select = $('#node-input-operation');
      if (ops.length) {
        var current = node.operation;
        select.empty();
        ops.forEach(function (o) {
          var label = o.name + (o.deprecated ? ' (deprecated)' : '') + (o.changesDevices ? ' ⚡' : '');
          $('<option>').val(o.name).text(label).appendTo(select);
        });
        select.val(current || ops[0].name);
      }
      select.off('change.fs').on('change.fs', function () { showFields(ops, select.val()); });
      showFields(ops, select.val());
    });
  }

  /** "realtimeKpi: 3 plants" style labels. */
  function label(node) {
    if (node.name) return node.name;
    var codes = node.plantCodes || node.dns || '';
    var n = typeof codes === 'string' && codes && (!node.plantCodesType || node.plantCodesType === 'str') ? codes.split(',').filter(Boolean).length : 0;
    return (node.operation || 'fusionsolar') + (n ? ': ' + n + (node.plantCodes ? ' plants' : ' devices') : '');
  }

  window.FusionSolarEditor = { prepareOperationNode: prepareOperationNode, label: label, loadCatalogue: loadCatalogue };
})();
