/// <reference types="jquery" />
// The browser globals the editor scripts use: jQuery and Node-RED's editor API.
import type * as Editor from '@types/node-red__editor-client';

declare global {
  const RED: Editor.RED;
  /** A node as the editor holds it: the fields these scripts read. */
  interface EditorNode {
    id: string;
    type: string;
    dirty?: boolean;
  }
  /** jQuery UI's spinner, which Node-RED's editor loads. */
  interface JQuery {
    spinner(options?: { min?: number; max?: number }): JQuery;
  }
}
export {};
