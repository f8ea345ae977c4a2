// @ts-check
/* What the control and monitor dialogs add to the shared ones: the control node's DRM boxes and
 * its chargeDischarge rows, the monitor's interval spinner. */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: the shared dialogs are looked up when used. */
  function editor() {
    return window.FusionSolarEditor;
  }
  function loadCatalogue(cb) {
    editor().loadCatalogue(cb);
  }
  function prepareOperationNode(node, type) {
    editor().prepareOperationNode(node, type);
  }
  function saveOperationNode() {
    editor().saveOperationNode();
  }
  function prepareSettingsNode(node, type) {
    editor().prepareSettingsNode(node, type);
  }

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

  function monitorEditor() {
    return {
      prepare: function (node) {
        $('#node-input-interval').spinner({ min: 0 });
        prepareSettingsNode(node, 'fusionsolar-monitor');
      },
    };
  }

  window.FusionSolarDialogs = window.FusionSolarDialogs || {};
  window.FusionSolarDialogs.control = controlEditor();
  window.FusionSolarDialogs.monitor = monitorEditor();
})();
