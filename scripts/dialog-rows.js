'use strict';
// One builder for the rows the dialogs share: a node's HTML names a TypedInput row in one line
//   <div class="form-row fs-field" data-field="startTime" data-typed="clock-o"
//        data-typed-i18n="[placeholder]<type>.placeholder.time"></div>
// and the build writes the whole row (label with icon, input, its type field) into the HTML it
// copies to dist/, so Node-RED fills, checks and saves it as any hand-written row.

const SHORT = new RegExp(
  '^( *)<div class="form-row fs-field" data-field="(\\w+)"((?: data-when="[^"]*")?) data-typed="([\\w-]+)"' +
    '((?: data-typed-(?:i18n|placeholder)="[^"]*")?)></div>$',
  'gm',
);

/** The full row of a TypedInput setting of node type `type`. */
function typedRow(type, indent, field, when, icon, hint) {
  const inner = `${indent}  `;
  const placeholder = hint.replace(/^ data-typed-(i18n|placeholder)=/, (m, kind) =>
    kind === 'i18n' ? ' data-i18n=' : ' placeholder=',
  );
  return [
    `${indent}<div class="form-row fs-field" data-field="${field}"${when}>`,
    `${inner}<label for="node-input-${field}"><i class="fa fa-${icon}"></i> ` +
      `<span data-i18n="${type}.label.${field}"></span></label>`,
    `${inner}<input type="text" id="node-input-${field}" class="fs-typed" style="width:70%"${placeholder}>`,
    `${inner}<input type="hidden" id="node-input-${field}Type">`,
    `${indent}</div>`,
  ].join('\n');
}

/** A node's editor HTML with every one-line row written out. */
function expandRows(html, type) {
  return html.replace(SHORT, (m, indent, field, when, icon, hint) => typedRow(type, indent, field, when, icon, hint));
}

module.exports = { expandRows, typedRow };
