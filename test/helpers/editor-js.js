'use strict';
// Loads the shared editor scripts (resources/fusionsolar-editor*.js, in the order the account's
// HTML loads them) outside a browser, for their pure parts (labels, migration view, rules):
// jQuery and RED are stubbed with just what those parts touch.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const root = path.join(__dirname, '..', '..');
const ACCOUNT_HTML = fs.readFileSync(path.join(root, 'nodes/fusionsolar-account/fusionsolar-account.html'), 'utf8');
const SCRIPTS = [...ACCOUNT_HTML.matchAll(/<script src="resources\/node-red-contrib-fusionsolar\/([\w-]+\.js)">/g)]
  .map((m) => m[1])
  .filter((name) => name.startsWith('fusionsolar-editor'))
  .map((name) => ({ name, source: fs.readFileSync(path.join(root, 'resources', name), 'utf8') }));

/**
 * `translations` maps a full i18n key to a template with __var__ placeholders; with a
 * `catalogue`, the scripts have it loaded as if the runtime had served it.
 */
function loadEditorJs(translations = {}, catalogue = undefined) {
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
    const served = { done: (fn) => (fn(catalogue), served), fail: () => served, always: (fn) => (fn(), served) };
    $.getJSON = () => served;
  }
  const context = { $, RED, Intl };
  context.window = context;
  vm.createContext(context);
  for (const { name, source } of SCRIPTS) vm.runInContext(source, context, { filename: name });
  return context.window.FusionSolarEditor;
}

module.exports = { loadEditorJs };
