'use strict';
// Loads the shared editor scripts (resources/fusionsolar-editor*.js, in the order the account's
// HTML loads them) outside a browser, for their pure parts (labels, migration view, rules):
// jQuery and RED are stubbed with just what those parts touch.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { must } = require('./must');

const root = path.join(__dirname, '..', '..');
const ACCOUNT_HTML = fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/fusionsolar-account.html'), 'utf8');
const SCRIPTS = [...ACCOUNT_HTML.matchAll(/<script src="resources\/node-red-contrib-fusionsolar\/([\w-]+\.js)">/g)]
  .map((m) => m[1])
  .filter((name) => name.startsWith('fusionsolar-editor'))
  .map((name) => ({ name, source: fs.readFileSync(path.join(root, 'resources', name), 'utf8') }));

/**
 * The part of the shared editor script (window.FusionSolarEditor) the unit tests call.
 * @typedef {{
 *   keepsRules(schema: unknown, value: unknown, typed?: string): boolean,
 *   migrateView(props: object, steps: readonly object[]):
 *     { props: object, from: number, to: number, changed: boolean },
 *   label(node: Record<string, unknown>): string,
 *   rule(type: string, row: string): (this: object, v: unknown) => boolean,
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
  /** @type {{ _(key: string, vars?: Record<string, unknown>): string, nodes?: { node(id: string): object | null } }} */
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
    // The scripts ask for the catalogue as they load: answered at once, as a jqXHR chain.
    /** @typedef {{ done(fn: (c: object) => void): Served, fail(): Served, always(fn: () => void): Served }} Served */
    /** @type {Served} */
    const served = {
      done: (fn) => (fn(catalogue), served),
      fail: () => served,
      always: (fn) => (fn(), served),
    };
    $.getJSON = () => served;
    RED.nodes = { node: (id) => nodes[id] ?? null };
  }
  /** @type {{ window: object, FusionSolarEditor?: EditorScript, $: typeof $, RED: typeof RED, Intl: typeof Intl }} */
  const context = { window: {}, $, RED, Intl };
  // The scripts' window is their global scope, as in a browser.
  context.window = context;
  vm.createContext(context);
  for (const { name, source } of SCRIPTS) vm.runInContext(source, context, { filename: name });
  return must(context.FusionSolarEditor, 'window.FusionSolarEditor');
}

module.exports = { loadEditorJs };
