'use strict';
// Reads the node definitions out of an editor HTML file the way node-red-dev (and so the
// flow library's scorecard) does: from the literal arguments of RED.nodes.registerType in
// <script type="text/javascript"> blocks. Properties the catalogue reads must be literals.
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');
const walk = require('acorn-walk');

const INLINE = ['icon', 'color', 'inputs', 'outputs', 'category', 'paletteLabel'];

function literal(node) {
  if (node.type === 'Literal') return { ok: true, value: node.value };
  if (node.type === 'UnaryExpression' && node.operator === '-' && node.argument.type === 'Literal')
    return { ok: true, value: -node.argument.value };
  return { ok: false };
}

function keyName(prop) {
  return prop.key.type === 'Identifier' ? prop.key.name : prop.key.value;
}

/** One definition: literal properties, defaults (name -> literal value or undefined), credentials. */
function readDefinition(type, obj, errors) {
  /** @type {{ type: string, defaults: Record<string, unknown>, credentials: string[] }} */
  const def = { type, defaults: {}, credentials: [] };
  for (const prop of obj.properties) {
    const name = keyName(prop);
    if (name === 'defaults' || name === 'credentials') {
      if (prop.value.type !== 'ObjectExpression') {
        errors.push(`${type}: ${name} must be an inline object`);
        continue;
      }
      for (const p of prop.value.properties) {
        if (name === 'credentials') def.credentials.push(keyName(p));
        else {
          const valueProp =
            p.value.type === 'ObjectExpression' ? p.value.properties.find((q) => keyName(q) === 'value') : undefined;
          const v = valueProp ? literal(valueProp.value) : { ok: false };
          def.defaults[keyName(p)] = v.ok ? { value: v.value } : {};
        }
      }
    } else if (INLINE.includes(name)) {
      const v = literal(prop.value);
      // paletteLabel may be a function in Node-RED; the others must be literals for the catalogue.
      if (v.ok) def[name] = v.value;
      else if (name !== 'paletteLabel') errors.push(`${type}: ${name} must be a literal`);
    }
  }
  return def;
}

/** { defs: {type: definition}, errors: [text] } for one HTML file. */
function nodeDefinitions(file) {
  const content = fs.readFileSync(file, 'utf8');
  const re = /<script.+?type=['"]text\/javascript['"].*?>([\S\s]*?)<\/script>/gi;
  const defs = {};
  const errors = [];
  let m;
  let blocks = 0;
  while ((m = re.exec(content)) !== null) {
    blocks++;
    let ast;
    try {
      ast = acorn.parse(m[1], { ecmaVersion: 'latest' });
    } catch (err) {
      errors.push(`cannot parse a <script> block: ${err instanceof Error ? err.message : err}`);
      continue;
    }
    walk.simple(ast, {
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression' || !('name' in node.callee.property)) return;
        if (node.callee.property.name !== 'registerType') return;
        const [typeNode, defNode] = node.arguments;
        if (!typeNode || typeNode.type !== 'Literal')
          return errors.push('registerType: the type must be a string literal');
        if (!defNode || defNode.type !== 'ObjectExpression')
          return errors.push(`${typeNode.value}: the definition must be an inline object`);
        defs[typeNode.value] = readDefinition(typeNode.value, defNode, errors);
      },
    });
  }
  if (blocks === 0) errors.push('no <script type="text/javascript"> block');
  else if (Object.keys(defs).length === 0) errors.push('no RED.nodes.registerType call');
  return { defs, errors };
}

/**
 * Every definition of the package, from the HTML beside each file of package.json
 * `node-red.nodes` (node-red-dev's rule: the same path with .html for .js).
 */
function packageDefinitions(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const defs = {};
  const errors = [];
  for (const [name, js] of Object.entries((pkg['node-red'] || {}).nodes || {})) {
    const html = path.join(root, js.replace('.js', '.html'));
    if (!fs.existsSync(html)) {
      errors.push(`${name}: ${path.relative(root, html)} is missing (run npm run build)`);
      continue;
    }
    const r = nodeDefinitions(html);
    Object.assign(defs, r.defs);
    errors.push(...r.errors.map((e) => `${path.relative(root, html)}: ${e}`));
  }
  return { defs, errors, declared: Object.keys((pkg['node-red'] || {}).nodes || {}) };
}

module.exports = { nodeDefinitions, packageDefinitions };
