'use strict';
// Loads resources/fusionsolar-editor.js outside a browser, for its pure parts (labels,
// migration view): jQuery and RED are stubbed with just what those parts touch.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { must } = require('./must');

const SOURCE = fs.readFileSync(path.join(__dirname, '..', '..', 'resources', 'fusionsolar-editor.js'), 'utf8');

/**
 * The part of the shared editor script (window.FusionSolarEditor) the unit tests call.
 * @typedef {{
 *   keepsRules(schema: unknown, value: unknown, typed?: string): boolean,
 *   migrateView(props: object, steps: readonly object[]):
 *     { props: object, from: number, to: number, changed: boolean },
 *   label(node: Record<string, unknown>): string,
 * }} EditorScript
 */

/**
 * `translations` maps a full i18n key to a template with __var__ placeholders. With
 * `catalogue` (what GET /fusionsolar/catalogue serves) the rules are loaded as in the editor;
 * `nodes` are the workspace's nodes by id (accounts, for their interface).
 * @param {Record<string, string>} [translations]
 * @param {{ catalogue?: object, nodes?: Record<string, object> }} [options]
 */
function loadEditorJs(translations = {}, { catalogue, nodes = {} } = {}) {
  const RED = {
    /**
     * @param {string} key
     * @param {Record<string, unknown>} [vars]
     */
    _(key, vars) {
      const text = translations[key];
      if (text === undefined) return key;
      return text.replace(/__(\w+)__/g, (m, /** @type {string} */ k) => (vars && k in vars ? String(vars[k]) : m));
    },
  };
  const $ = () => {
    throw new Error('the DOM is not available in unit tests');
  };
  $.extend = (/** @type {object} */ target, /** @type {object[]} */ ...sources) => Object.assign(target, ...sources);
  if (catalogue) {
    // The script asks for the catalogue as it loads: answered at once, as a jqXHR chain.
    const reply = { done: (fn) => (fn(catalogue), reply), fail: () => reply, always: (fn) => (fn(), reply) };
    $.getJSON = () => reply;
    RED.nodes = { node: (id) => nodes[id] ?? null };
  }
  /** @type {{ window: { FusionSolarEditor?: EditorScript }, $: typeof $, RED: typeof RED }} */
  const context = { window: {}, $, RED };
  vm.runInNewContext(SOURCE, context, { filename: 'fusionsolar-editor.js' });
  return must(context.window.FusionSolarEditor, 'window.FusionSolarEditor');
}

module.exports = { loadEditorJs };
