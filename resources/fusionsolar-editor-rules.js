// @ts-check
/* The checks of a saved value against the rules the catalogue serves as JSON Schema
 * (enumerations, ranges, patterns, JSON text, time zones), as Node-RED defaults validators. */
(function () {
  'use strict';
  /* Node-RED loads the editor scripts in any order: each other one is looked up when used. */
  function cat() {
    return window.FusionSolarCatalogue;
  }

  function bounded(n) {
    return typeof n === 'number' && Math.abs(n) < 1e15;
  }

  /** A time zone as the runtime takes it: a fixed offset (the served pattern) or a zone Intl knows. */
  function timeZone(value, offsets) {
    var v = String(value).trim();
    if (!v || new RegExp(offsets, 'i').test(v)) return true;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch (e) {
      return false;
    }
  }

  /** JSON text whose value is an object (x-json: "object"). */
  function jsonObject(value) {
    try {
      var j = JSON.parse(value);
      return typeof j === 'object' && j !== null && !Array.isArray(j);
    } catch (e) {
      return false;
    }
  }

  /** Whether a literal setting keeps the row's rules; other types are only known per message. */
  function keepsRules(schema, value, typed) {
    if (value === '' || value === undefined || value === null || !schema) return true;
    if (typed && typed !== 'str' && typed !== 'num') return true;
    // A multiple choice is saved as an array; a message-era string may list the values.
    if (schema.type === 'array' && schema.items) {
      var items = schema.items;
      var list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
      return list.every(function (v) {
        return v === '' || keepsRules(items, v);
      });
    }
    var n = Number(value);
    var numeric =
      schema.type === 'number' || schema.type === 'integer' || bounded(schema.minimum) || bounded(schema.maximum);
    if (schema.enum)
      return schema.enum.some(function (v) {
        return String(v) === String(value);
      });
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(String(value))) return false;
    if (schema['x-json'] === 'object' && !jsonObject(value)) return false;
    if (typeof schema['x-time-zone'] === 'string' && !timeZone(value, schema['x-time-zone'])) return false;
    if (!numeric) return true;
    if (String(value).trim() === '' || isNaN(n)) return false;
    if (schema.type === 'integer' && Math.floor(n) !== n) return false;
    if (typeof schema.minimum === 'number' && n < schema.minimum) return false;
    if (typeof schema.exclusiveMinimum === 'number' && n <= schema.exclusiveMinimum) return false;
    if (typeof schema.maximum === 'number' && n > schema.maximum) return false;
    return true;
  }

  /**
   * A setting's rule applies while another setting holds a value (x-when="store=redis": the
   * Redis URL); then an empty value is refused if the rule asks for one (minLength).
   */
  function keepsSettingRules(node, schema, value, typed) {
    var when = schema['x-when'];
    if (typeof when === 'string') {
      var eq = when.indexOf('=');
      if (!node || String(node[when.slice(0, eq)]) !== when.slice(eq + 1)) return true;
      if ((value === '' || value === undefined || value === null) && schema.minLength > 0) return false;
    }
    return keepsRules(schema, value, typed);
  }

  /**
   * A defaults validator for `row` of node type `type`: the value must keep the rules of the
   * row in every operation of the node that uses it (checked once the catalogue is loaded).
   */
  function rule(type, row) {
    return function (value) {
      var catalogue = cat().current();
      if (!catalogue) return true;
      var typed = this && this[row + 'Type'];
      var own = cat().ownSettings(type);
      if (own && own.schema[row]) return keepsSettingRules(this, own.schema[row], value, typed);
      var ops = ((catalogue.operations || {})[type] || []).filter(function (o) {
        return cat().rowsOf(o).indexOf(row) !== -1;
      });
      var node = this;
      // V7 and V6 may share an operation name: the node's account says which one it runs.
      var api = node && node.account ? cat().apiOfAccount(node.account) : '';
      var named = ops.filter(function (o) {
        return node && o.name === node.operation;
      });
      var op = named.filter(function (o) {
        return !api || (o.api || 'v7') === api;
      })[0];
      // An operation the account's interface lacks is flagged by the operation row; its own
      // rows keep that operation's rules, not the strictest of every operation's.
      return (op ? [op] : named.length ? named : ops).every(function (o) {
        return keepsRules(cat().schemaOf(o, row), value, typed);
      });
    };
  }

  /** Whether an operation of a node type has the row (known once the catalogue is loaded). */
  function usesRow(type, name, row) {
    var op = (((cat().current() || {}).operations || {})[type] || []).filter(function (o) {
      return o.name === name;
    })[0];
    return !!op && cat().rowsOf(op).indexOf(row) !== -1;
  }

  /* Nodes are validated as the workspace loads, before any dialog: check them again once the rules are here. */
  function revalidateAll() {
    if (!RED.nodes || !RED.editor || !RED.editor.validateNode) return;
    /** @param {EditorNode} n */
    var again = function (n) {
      if (!/^fusionsolar-/.test(n.type)) return true;
      RED.editor.validateNode(n);
      n.dirty = true; // labels that depend on the catalogue are drawn again
      return true;
    };
    RED.nodes.eachNode(again);
    RED.nodes.eachConfig(again);
    if (RED.view && RED.view.redraw) RED.view.redraw(true);
  }

  /**
   * An optional TypedInput setting: empty is fine (the message may supply it); otherwise the
   * value must suit its type, e.g. JSON that parses.
   */
  function optionalTyped(value, type) {
    if (value === '' || value === undefined || value === null) return true;
    if (type === 'json') {
      try {
        JSON.parse(value);
        return true;
      } catch (e) {
        return false;
      }
    }
    if (type === 'num') return !isNaN(Number(value));
    return true;
  }

  /** A defaults validator for an optional TypedInput row, by the type saved beside it or shown in the dialog. */
  function typed(row) {
    return function (value) {
      return optionalTyped(value, (this && this[row + 'Type']) || $('#node-input-' + row + 'Type').val());
    };
  }

  window.FusionSolarRules = {
    bounded: bounded,
    keepsRules: keepsRules,
    rule: rule,
    usesRow: usesRow,
    revalidateAll: revalidateAll,
    optionalTyped: optionalTyped,
    typed: typed,
  };
})();
