#!/usr/bin/env node
'use strict';
// Node-RED finds a node's editor HTML, locales and icons only beside its .js file, so the
// build copies them next to the compiled output in dist/nodes/<type>/.
const fs = require('node:fs');
const path = require('node:path');
const { expandRows } = require('./dialog-rows');

const root = path.join(__dirname, '..');
const nodesDir = path.join(root, 'nodes');
const distNodes = path.join(root, 'dist', 'nodes');

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

for (const type of fs.readdirSync(nodesDir)) {
  const src = path.join(nodesDir, type);
  if (!fs.statSync(src).isDirectory() || type === 'shared') continue;
  const out = path.join(distNodes, type);
  for (const entry of fs.readdirSync(src)) {
    if (entry === `${type}.html`) {
      // The editor HTML: its one-line rows written out (scripts/dialog-rows.js).
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, entry), expandRows(fs.readFileSync(path.join(src, entry), 'utf8'), type));
    } else if (entry.endsWith('.html') || entry === 'locales') copy(path.join(src, entry), path.join(out, entry));
  }
  copy(path.join(root, 'icons'), path.join(out, 'icons'));
}
