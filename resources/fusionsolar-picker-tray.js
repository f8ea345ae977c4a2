// @ts-check
/* The picker tray of the FusionSolar nodes: the account's plant or device list, searched,
 * filtered by device type, ticked, and written into the input it was opened for. Opened by
 * fusionsolar-pickers.js; loaded once, from the account node's HTML. */
(function () {
  'use strict';
  if (window.FusionSolarPickerTray) return;
  var NS = 'node-red-contrib-fusionsolar/fusionsolar-account:picker.';
  /** @typedef {{ kind: 'plants' | 'devices', key: string, multi: boolean }} FieldSpec */
  /* Rows drawn at once: a fleet of thousands is searched, not scrolled. */
  var SHOWN = 300;

  /**
   * @typedef {{ code?: string, id?: string, dn?: string, sn?: string, name?: string, address?: string,
   *   capacity?: number, typeId?: number, plantCode?: string }} Item
   * @typedef {{ at: number, fresh: boolean, items: Item[] }} Listed
   * @typedef {{ ok: boolean, deployed?: boolean, code?: string, message?: string, retryAt?: number, calls?: number,
   *   api?: string, plants?: Listed | null, devices?: Listed | null,
   *   types?: { id: number, en: string, zh: string }[] }} Lists
   */

  /** @param {string} key @param {Record<string, string | number>} [vars] */
  function t(key, vars) {
    return RED._(NS + key, vars);
  }

  function zh() {
    var lang = (RED.i18n && RED.i18n.lang && RED.i18n.lang()) || '';
    return /^zh/i.test(String(lang));
  }

  /** @param {number} at */
  function when(at) {
    var d = new Date(at);
    var today = new Date().toDateString() === d.toDateString();
    return today ? d.toLocaleTimeString() : d.toLocaleString();
  }

  /** @param {JQuery} input */
  function typed(input) {
    return input.data('noderedTypedInput') !== undefined;
  }

  /** @param {JQuery} input */
  function valueOf(input) {
    return String((typed(input) ? input.typedInput('value') : input.val()) || '');
  }

  /** @param {JQuery} input @param {string} value */
  function setValue(input, value) {
    if (typed(input)) input.typedInput('value', value);
    else input.val(value);
    input.trigger('change');
  }

  /** @param {string} text */
  function codes(text) {
    return text
      .split(',')
      .map(function (s) {
        return s.trim();
      })
      .filter(function (s) {
        return s !== '';
      });
  }

  var STYLE = [
    '.fs-pick-button { margin-left: 4px; }',
    '.fs-picker { padding: 12px 16px; }',
    '.fs-picker-bar { display: flex; gap: 6px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }',
    '.fs-picker-bar input[type=search] { flex: 1 1 200px; }',
    '.fs-picker-status { color: var(--red-ui-secondary-text-color, #777); margin-bottom: 6px; min-height: 1.4em; }',
    '.fs-picker-status.fs-picker-problem { color: var(--red-ui-text-color-error, #c00); }',
    '.fs-picker-list { border: 1px solid var(--red-ui-form-input-border-color, #ccc); border-radius: ' +
      '4px; overflow-y: auto; }',
    '.fs-picker .fs-picker-row { display: grid; grid-template-columns: auto 1fr; column-gap: 8px; ' +
      'padding: 4px 8px; margin: 0; cursor: pointer; width: auto; }',
    '.fs-picker-row:hover { background: var(--red-ui-list-item-background-hover, #eee); }',
    '.fs-picker-row input { width: auto; margin: 2px 0 0 0; grid-row: span 2; }',
    '.fs-picker-name { font-weight: 500; }',
    '.fs-picker-meta { color: var(--red-ui-secondary-text-color, #777); font-size: 0.9em; }',
    '.fs-picker-more { padding: 4px 8px; color: var(--red-ui-secondary-text-color, #777); }',
  ].join('\n');

  function addStyle() {
    if (document.getElementById('fs-picker-style')) return;
    $('<style id="fs-picker-style">').text(STYLE).appendTo('head');
  }

  /**
   * What a row shows and is searched by.
   * @param {Item} item @param {FieldSpec} spec @param {Lists} lists @param {Record<string, string>} plantNames
   */
  function describe(item, spec, lists, plantNames) {
    if (spec.kind === 'plants') {
      var cap = typeof item.capacity === 'number' ? item.capacity + ' kWp' : '';
      return { title: item.name || item.code || '', meta: [item.code, item.address, cap].filter(Boolean).join(' · ') };
    }
    var type = (lists.types || []).filter(function (x) {
      return x.id === item.typeId;
    })[0];
    var typeName = type ? (zh() ? type.zh : type.en) : item.typeId !== undefined ? String(item.typeId) : '';
    var plant = item.plantCode ? plantNames[item.plantCode] || item.plantCode : '';
    var id = item.dn || item.id || '';
    return {
      title: item.name || item.sn || id,
      meta: [id, item.sn ? 'SN ' + item.sn : '', typeName, plant].filter(Boolean).join(' · '),
    };
  }

  /**
   * Opens the picker for one input.
   * @param {JQuery} input @param {FieldSpec} spec @param {string} account @param {JQuery} typeSelect
   */
  function open(input, spec, account, typeSelect) {
    addStyle();
    /** @type {string[]} */
    var selected = codes(valueOf(input));
    if (!spec.multi) selected = selected.slice(0, 1);
    /** @type {Lists} */
    var lists = { ok: false };
    var body = $('<div class="fs-picker">');
    var bar = $('<div class="fs-picker-bar">').appendTo(body);
    var search = $('<input type="search" class="fs-picker-search">').attr('placeholder', t('search')).appendTo(bar);
    var typeFilter = $('<select class="fs-picker-type">')
      .toggle(spec.kind === 'devices')
      .appendTo(bar);
    var refresh = $(
      '<button type="button" class="red-ui-button fs-picker-refresh"><i class="fa fa-refresh"></i> </button>',
    ).appendTo(bar);
    refresh.append($('<span>').text(t('refresh')));
    var status = $('<div class="fs-picker-status">').appendTo(body);
    var tools = $('<div class="fs-picker-bar">').appendTo(body);
    var count = $('<span class="fs-picker-count">').appendTo(tools);
    if (spec.multi) {
      $('<button type="button" class="red-ui-button red-ui-button-small fs-picker-all">')
        .text(t('selectShown'))
        .appendTo(tools)
        .on('click', function () {
          shown().forEach(function (v) {
            if (selected.indexOf(v) === -1) selected.push(v);
          });
          draw();
        });
    }
    $('<button type="button" class="red-ui-button red-ui-button-small fs-picker-clear">')
      .text(t('clear'))
      .appendTo(tools)
      .on('click', function () {
        selected = [];
        draw();
      });
    var list = $('<div class="fs-picker-list">').appendTo(body);
    /* The node's own device types (V6 device data): devices of other types would be refused. */
    var allowed = typeSelect.length
      ? typeSelect
          .find('option')
          .map(function () {
            return String($(this).val());
          })
          .get()
          .filter(Boolean)
      : [];
    var preset = typeSelect.length
      ? []
          .concat(typeSelect.val() || [])
          .map(String)
          .filter(Boolean)
      : [];

    /** @returns {Item[]} */
    function items() {
      var l = spec.kind === 'plants' ? lists.plants : lists.devices;
      var all = l ? l.items : [];
      return all.filter(function (i) {
        return (
          (spec.key === 'code' ? i.code : spec.key === 'dn' ? i.dn : spec.key === 'id' ? i.id : i.sn) !== undefined &&
          (!allowed.length || allowed.indexOf(String(i.typeId)) !== -1)
        );
      });
    }

    /** @param {Item} i */
    function keyOf(i) {
      return String(spec.key === 'code' ? i.code : spec.key === 'dn' ? i.dn : spec.key === 'id' ? i.id : i.sn);
    }

    function plantNames() {
      /** @type {Record<string, string>} */
      var out = {};
      ((lists.plants && lists.plants.items) || []).forEach(function (p) {
        if (p.code && p.name) out[p.code] = p.name;
      });
      return out;
    }

    /** @returns {Item[]} */
    function matching() {
      var terms = String(search.val() || '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      var type = String(typeFilter.val() || '');
      var names = plantNames();
      return items().filter(function (i) {
        if (type && String(i.typeId) !== type) return false;
        var d = describe(i, spec, lists, names);
        var text = [d.title, d.meta, i.code, i.dn, i.id, i.sn, i.address, i.plantCode].join(' ').toLowerCase();
        return terms.every(function (w) {
          return text.indexOf(w) !== -1;
        });
      });
    }

    function shown() {
      return matching().slice(0, SHOWN).map(keyOf);
    }

    function fillTypes() {
      var current = String(typeFilter.val() || (preset.length === 1 ? preset[0] : ''));
      typeFilter.empty();
      $('<option value="">').text(t('allTypes')).appendTo(typeFilter);
      var present = items();
      (lists.types || []).forEach(function (x) {
        var n = present.filter(function (i) {
          return i.typeId === x.id;
        }).length;
        if (n)
          $('<option>')
            .val(String(x.id))
            .text((zh() ? x.zh : x.en) + ' (' + n + ')')
            .appendTo(typeFilter);
      });
      typeFilter.val(typeFilter.find('option[value="' + current + '"]').length ? current : '');
    }

    function draw() {
      list.empty();
      var names = plantNames();
      var known = items().map(keyOf);
      /* Codes typed by hand that the list lacks stay selected, shown first, until unticked. */
      selected
        .filter(function (v) {
          return known.indexOf(v) === -1;
        })
        .forEach(function (v) {
          row(v, { title: v, meta: t('unknown') });
        });
      var found = matching();
      found.slice(0, SHOWN).forEach(function (i) {
        row(keyOf(i), describe(i, spec, lists, names));
      });
      if (!found.length && known.length) $('<div class="fs-picker-more">').text(t('noMatch')).appendTo(list);
      if (found.length > SHOWN)
        $('<div class="fs-picker-more">')
          .text(t('more', { shown: SHOWN, count: found.length }))
          .appendTo(list);
      count.text(t('selected', { count: selected.length }));
    }

    /** @param {string} value @param {{ title: string, meta: string }} d */
    function row(value, d) {
      var label = $('<label class="fs-picker-row">').attr('data-value', value).appendTo(list);
      var box = $('<input>')
        .attr('type', spec.multi ? 'checkbox' : 'radio')
        .attr('name', 'fs-picker-choice')
        .prop('checked', selected.indexOf(value) !== -1)
        .appendTo(label);
      $('<span class="fs-picker-name">').text(d.title).appendTo(label);
      $('<span class="fs-picker-meta">').text(d.meta).appendTo(label);
      box.on('change', function () {
        var on = box.prop('checked');
        if (!spec.multi) selected = on ? [value] : [];
        else if (on && selected.indexOf(value) === -1) selected.push(value);
        else if (!on)
          selected = selected.filter(function (v) {
            return v !== value;
          });
        count.text(t('selected', { count: selected.length }));
      });
    }

    /** @param {string} text @param {boolean} [problem] */
    function say(text, problem) {
      status.text(text).toggleClass('fs-picker-problem', !!problem);
    }

    function describeLists() {
      var l = spec.kind === 'plants' ? lists.plants : lists.devices;
      if (!l) return say(t('empty'));
      var text = t(spec.kind === 'plants' ? 'plantsListed' : 'devicesListed', {
        count: items().length,
        time: when(l.at),
      });
      say(l.fresh ? text : text + ' ' + t('stale'));
    }

    /** @param {Lists} answer */
    function take(answer) {
      if (answer.deployed === false) {
        say(t('notDeployed'), true);
        return;
      }
      if (answer.plants !== undefined) lists = answer;
      fillTypes();
      draw();
      if (answer.ok) describeLists();
      else if (answer.code === 'QUOTA' && answer.retryAt) say(t('quota', { time: when(answer.retryAt) }), true);
      else say(t('failed', { message: answer.message || answer.code || '' }), true);
    }

    /** @param {{ status?: number, responseJSON?: { message?: string }, statusText?: string }} xhr */
    function unreachable(xhr) {
      say(
        t('unreachable', {
          message: (xhr.responseJSON && xhr.responseJSON.message) || xhr.statusText || String(xhr.status),
        }),
        true,
      );
    }

    var base = 'fusionsolar/accounts/' + encodeURIComponent(account) + '/lists';
    function load() {
      say(t('loading'));
      $.ajax({ url: base, dataType: 'json', cache: false }).done(take).fail(unreachable);
    }
    refresh.on('click', function () {
      refresh.prop('disabled', true);
      say(t('refreshing'));
      $.ajax({
        url: base,
        type: 'POST',
        contentType: 'application/json',
        data: JSON.stringify({ lists: spec.kind }),
        dataType: 'json',
      })
        .done(take)
        .fail(unreachable)
        .always(function () {
          refresh.prop('disabled', false);
        });
    });
    search.on('input', draw);
    typeFilter.on('change', draw);

    RED.tray.show({
      title: t(
        spec.kind === 'plants'
          ? spec.multi
            ? 'title.plants'
            : 'title.plant'
          : spec.multi
            ? 'title.devices'
            : 'title.device',
      ),
      buttons: [
        {
          id: 'fs-picker-cancel',
          text: RED._('common.label.cancel'),
          click: function () {
            RED.tray.close();
          },
        },
        {
          id: 'fs-picker-done',
          text: RED._('common.label.done'),
          class: 'primary',
          click: function () {
            setValue(input, selected.join(','));
            widenTypes(
              typeSelect,
              items().filter(function (i) {
                return selected.indexOf(keyOf(i)) !== -1;
              }),
            );
            RED.tray.close();
          },
        },
      ],
      resize: function (size) {
        list.css('max-height', Math.max(200, $(window).height() - 260) + 'px');
        void size;
      },
      open: function (tray) {
        tray.find('.red-ui-tray-body').append($('<div class="red-ui-tray-content">').append(body));
        draw();
        load();
      },
    });
  }

  /**
   * A device-data node limited to some types must include the types of the devices picked,
   * or the run refuses them: the picked devices' types are added to its selection.
   * @param {JQuery} typeSelect @param {Item[]} picked
   */
  function widenTypes(typeSelect, picked) {
    if (!typeSelect.length || !typeSelect.prop('multiple')) return;
    var chosen = []
      .concat(typeSelect.val() || [])
      .map(String)
      .filter(Boolean);
    if (!chosen.length) return;
    picked.forEach(function (i) {
      if (i.typeId !== undefined && chosen.indexOf(String(i.typeId)) === -1) chosen.push(String(i.typeId));
    });
    typeSelect.val(chosen).trigger('change');
  }

  window.FusionSolarPickerTray = { open: open, t: t, typed: typed };
})();
