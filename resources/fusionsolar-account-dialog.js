// @ts-check
/* The account's dialog: its choices, region presets, checks and conditional rows come from the
 * rules the catalogue serves for it (src/client/account-settings.ts), as a flow node's do.
 * Test connection and the quota table are in fusionsolar-account-editor.js. */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: each other one is looked up when used. */
  function cat() {
    return window.FusionSolarCatalogue;
  }
  function rows() {
    return window.FusionSolarRows;
  }
  function migrate() {
    return window.FusionSolarMigrate;
  }
  var TYPE = 'fusionsolar-account';
  var PREFIX = 'node-config-input-';

  function regionOf(presets, url) {
    return (
      Object.keys(presets).filter(function (k) {
        return presets[k] === url;
      })[0] || 'custom'
    );
  }

  /** The region list: the served presets before the dialog's "custom" entry; choosing one fills in its URL. */
  function regions(node, presets, saved) {
    var region = $('#' + PREFIX + 'region');
    var url = $('#' + PREFIX + 'baseUrl');
    var custom = region.children('option[value="custom"]');
    region.children('option[value!="custom"]').remove();
    Object.keys(presets).forEach(function (k) {
      var key = 'fusionsolar-account.region.' + k;
      var name = node._(key);
      $('<option>')
        .val(k)
        .text(name && name.indexOf(key) === -1 ? name : k)
        .insertBefore(custom);
    });
    region.val(regionOf(presets, saved));
    region.off('change.fs').on('change.fs', function () {
      var v = String(region.val());
      if (presets[v]) url.val(presets[v]).trigger('change');
    });
    url.off('input.fs').on('input.fs', function () {
      region.val(regionOf(presets, url.val()));
    });
  }

  function prepare(node) {
    $('#' + PREFIX + 'quotaCustom').typedInput({ default: 'json', types: ['json'] });
    $('#' + PREFIX + 'allowControl')
      .on('change', function () {
        $('.fs-control-warning').toggle($(this).is(':checked'));
      })
      .trigger('change');
    window.FusionSolarAccountEditor.prepare(node);
    cat().load(function (catalogue) {
      var props = migrate().migrateDialog(node, TYPE, PREFIX, catalogue);
      var own = cat().ownSettings(TYPE);
      if (own) {
        rows().rememberChoices(props, PREFIX);
        rows().fillChoices(TYPE, own, false, PREFIX);
        regions(node, (own.schema.baseUrl || {})['x-presets'] || {}, props.baseUrl);
      }
      rows().followWhen(PREFIX);
    });
  }

  window.FusionSolarDialogs = window.FusionSolarDialogs || {};
  window.FusionSolarDialogs.account = { prepare: prepare };
})();
