'use strict';
// Loads resources/fusionsolar-editor.js outside a browser, for its pure parts (labels,
// migration view): jQuery and RED are stubbed with just what those parts touch.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SOURCE = fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'fusionsolar-editor.js'), 'utf8');

/**
 * `translations` maps a full i18n key to a template with __var__ placeholders. With
 * `catalogue` (what GET /fusionsolar/catalogue serves) the rules are loaded as in the editor;
 * `nodes` are the workspace's nodes by id (accounts, for their interface).
 * @param {object} [translations]
 * @param {{ catalogue?: object, nodes?: Record<string, object> }} [options]
 */
function loadEditorJs(translations = {}, { catalogue, nodes = {} } = {}) {
  const RED = {
    _(key, vars) {
      const text = translations[key];
      if (text === undefined) return key;
      return text.replace(/__(\w+)__/g, (m, k) => (vars && k in vars ? String(vars[k]) : m));
    },
  };
  const $ = () => {
    throw new Error('the DOM is not available in unit tests');
  };
  $.extend = (target, ...sources) => Object.assign(target, ...sources);
  if (catalogue) {
    // The script asks for the catalogue as it loads: answered at once, as a jqXHR chain.
    const reply = { done: (fn) => (fn(catalogue), reply), fail: () => reply, always: (fn) => (fn(), reply) };
    $.getJSON = () => reply;
    RED.nodes = { node: (id) => nodes[id] ?? null };
  }
  const context = { window: {}, $, RED };
  vm.runInNewContext(SOURCE, context, { filename: 'fusionsolar-editor.js' });
  return context.window.FusionSolarEditor;
}

module.exports = { loadEditorJs };
