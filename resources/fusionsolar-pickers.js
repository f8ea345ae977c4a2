// @ts-check
/* Plant and device pickers of the FusionSolar nodes: a button beside every input that takes
 * plant codes, DNs, device ids or SNs opens the account's own lists (the account node's
 * admin route; the tray is fusionsolar-picker-tray.js), so codes are picked instead of typed.
 * Attached by field name when a dialog opens, whichever script built the dialog's rows. */
(function () {
  'use strict';
  if (window.FusionSolarPickers) return;
  /** @typedef {{ kind: 'plants' | 'devices', key: string, multi: boolean }} FieldSpec */
  /** @type {Record<string, FieldSpec>} */
  var FIELDS = {
    plantCodes: { kind: 'plants', key: 'code', multi: true },
    stationCodes: { kind: 'plants', key: 'code', multi: true },
    plantCode: { kind: 'plants', key: 'code', multi: false },
    dns: { kind: 'devices', key: 'dn', multi: true },
    dn: { kind: 'devices', key: 'dn', multi: false },
    devIds: { kind: 'devices', key: 'id', multi: true },
    sns: { kind: 'devices', key: 'sn', multi: true },
  };
  /* Enrolment's SNs name devices that are not in the account yet: its list cannot offer them. */
  var SKIP_TYPES = ['fusionsolar-enrolment'];
  /* The tray script may load after this one: looked up when a dialog opens. */
  /** @param {string} key */
  function t(key) {
    return window.FusionSolarPickerTray.t(key);
  }
  /** @param {JQuery} input */
  function typed(input) {
    return window.FusionSolarPickerTray.typed(input);
  }

  function editedType() {
    /* getEditStack is in Node-RED 4 and 5 but not in the editor's published types. */
    var editor = /** @type {{ getEditStack?: () => { type: string }[] }} */ (/** @type {unknown} */ (RED.editor));
    var stack = editor && editor.getEditStack ? editor.getEditStack() : [];
    var top = stack && stack.length ? stack[stack.length - 1] : null;
    return top ? String(top.type) : '';
  }

  /** @param {HTMLInputElement} el */
  function attach(el) {
    var input = $(el);
    var field = el.id.replace(/^node-input-/, '');
    var spec = FIELDS[field];
    if (!spec) return;
    var done = input.data('fs-picker');
    if (done && (done.typed || !typed(input))) return;
    if (done) done.button.remove();
    var form = input.closest('form');
    var button = $(
      '<button type="button" class="red-ui-button fs-pick-button"><i class="fa fa-list-ul"></i></button>',
    ).attr('title', t('open'));
    var isTyped = typed(input);
    if (isTyped) {
      input.next('.red-ui-typedInput-container').after(button);
      input.typedInput('width', 'calc(70% - 38px)');
      var show = function () {
        button.toggle(input.typedInput('type') === 'str');
      };
      input.on('change.fspicker', show);
      show();
    } else {
      input.after(button);
    }
    button.on('click', function (e) {
      e.preventDefault();
      var account = String(form.find('#node-input-account').val() || '');
      if (!account || account === '_ADD_') {
        RED.notify(t('noAccount'), { type: 'warning', timeout: 3000 });
        return;
      }
      window.FusionSolarPickerTray.open(input, spec, account, form.find('select#node-input-devTypeId'));
    });
    input.data('fs-picker', { typed: isTyped, button: button });
  }

  var pending = false;
  function scan() {
    pending = false;
    if (SKIP_TYPES.indexOf(editedType()) !== -1) return;
    $('#red-ui-editor-stack form input[id^="node-input-"]').each(function () {
      if (this instanceof HTMLInputElement) attach(this);
    });
  }

  var watching = false;
  function watch() {
    var stack = document.getElementById('red-ui-editor-stack');
    if (watching || !stack) return;
    watching = true;
    new MutationObserver(function () {
      if (pending) return;
      pending = true;
      setTimeout(scan, 0);
    }).observe(stack, { childList: true, subtree: true });
  }

  RED.events.on('editor:open', function () {
    if (!window.FusionSolarPickerTray) return;
    watch();
    setTimeout(scan, 0);
  });

  window.FusionSolarPickers = { fields: Object.keys(FIELDS), scan: scan };
})();
