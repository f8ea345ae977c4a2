// Globals of the pages the browser tests drive: functions handed to page.evaluate() run there,
// not in Node.js. The DOM's own types come from playwright-core.
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of an ECharts instance the dashboard tests read (legend and grid layout). */
interface EChartsView {
  getOption(): { series?: Array<{ name: string; data?: unknown[] }>; [key: string]: unknown };
  getModel(): {
    getComponent(name: string): { get(option: string): unknown; coordinateSystem?: { getRect(): Rect } } | undefined;
  };
  getViewOfComponentModel(model: object): { group: { x: number; y: number; getBoundingRect(): Rect } };
  getWidth(): number;
  getHeight(): number;
}

/**
 * A node as the editor holds it: its settings by name (each test reads the ones it set) and the
 * editor's own fields.
 */
interface PageNode {
  id: string;
  type: string;
  z?: string;
  name?: string;
  label?: string;
  valid?: boolean;
  validationErrors?: string[];
  [setting: string]: unknown;
}

/** The part of Node-RED's editor API the browser tests read to find ids and saved settings. */
interface PageRED {
  nodes: {
    node(id: string): PageNode | null;
    filterNodes(filter: { type?: string; z?: string }): PageNode[];
    getType(type: string): { category: string; color: string; [field: string]: unknown } | undefined;
    dirty(): boolean;
    eachWorkspace(cb: (ws: PageNode) => void): void;
    eachConfig(cb: (node: PageNode) => void): void;
    workspace(id: string): PageNode | undefined;
  };
  actions: { invoke(name: string, ...args: unknown[]): void };
  view: { importNodes(nodes: object[], options?: { generateIds?: boolean; touchImport?: boolean }): void };
  workspaces: { show(id: string): void };
}

declare global {
  /** Node-RED's editor API in the editor's page. */
  const RED: PageRED;
  interface Window {
    RED?: PageRED;
    /** ui-chart registers its ECharts instances here when `window.Cypress` is set. */
    uiCharts?: Record<string, { chart?: EChartsView }>;
    Cypress?: object;
    /** The package's shared editor script (resources/fusionsolar-editor.js). */
    FusionSolarEditor?: { loadCatalogue(cb: () => void): void };
  }
}
export {};
