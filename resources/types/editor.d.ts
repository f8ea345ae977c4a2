// What the shared editor scripts (fusionsolar-editor*.js) add to the editor page, and the
// catalogue they read (GET /fusionsolar/catalogue).
declare global {
  /** A row's rules as the catalogue serves them: JSON Schema with a few x- keywords of ours. */
  interface EditorSchema {
    type?: string;
    enum?: unknown[];
    items?: EditorSchema;
    pattern?: string;
    minimum?: number;
    maximum?: number;
    exclusiveMinimum?: number;
    minLength?: number;
    'x-names'?: Record<string, string>;
    'x-unsupported'?: unknown[];
    'x-second-output'?: boolean;
    /** "setting=value": the rule applies while that setting holds the value. */
    'x-when'?: string;
    /** Named values the dialog offers for the row (the account's regions). */
    'x-presets'?: Record<string, string>;
    /** The row holds JSON text of this type. */
    'x-json'?: string;
    /** The row holds a time zone: an IANA name, or a fixed offset matching this pattern. */
    'x-time-zone'?: string;
  }
  /** An operation (or a node's own settings, as one without a name) as the editor uses it. */
  interface EditorOperation {
    name: string;
    api?: string;
    section?: string;
    summary?: string;
    fields: string[];
    rows?: string[];
    settings?: string[];
    replaces?: Record<string, string[]>;
    changesDevices?: boolean;
    deprecated?: string;
    schema: Record<string, EditorSchema>;
  }
  interface MigrationStep {
    to: number;
    rename?: Record<string, string>;
    values?: Record<string, Record<string, unknown>>;
  }
  interface EditorCatalogue {
    operations?: Record<string, EditorOperation[]>;
    settings?: Record<string, { rows: string[]; schema: Record<string, EditorSchema> }>;
    deviceTypes?: Array<{ id: number; en: string }>;
    migrations?: Record<string, MigrationStep[]>;
  }
  type Validator = (this: unknown, value: unknown) => boolean;
  interface Window {
    FusionSolarCatalogue: {
      load(cb: (catalogue: EditorCatalogue) => void): void;
      current(): EditorCatalogue | null;
      t(key: string, vars: Record<string, unknown>, fallback: string): string;
      ownSettings(type: string): EditorOperation | null;
      rowsOf(op: EditorOperation): string[];
      schemaOf(op: EditorOperation, row: string): EditorSchema | undefined;
      apiOfAccount(id: string): 'v7' | 'v6';
    };
    FusionSolarMigrate: {
      migrateView(
        props: object,
        steps: MigrationStep[],
      ): { props: Record<string, unknown>; from: number; to: number; changed: boolean };
      migrateDialog(node: object, type: string, prefix: string, catalogue: EditorCatalogue): Record<string, unknown>;
    };
    FusionSolarRules: {
      bounded(n: unknown): boolean;
      keepsRules(schema: EditorSchema | undefined, value: unknown, typed?: string): boolean;
      rule(type: string, row: string): Validator;
      usesRow(type: string, operation: string, row: string): boolean;
      revalidateAll(): void;
      optionalTyped(value: unknown, type: string): boolean;
      typed(row: string): Validator;
    };
    FusionSolarRows: {
      whenHolds(row: Element, prefix?: string): boolean;
      showWhen(prefix: string): void;
      followWhen(prefix: string): void;
      markRows(ops: EditorOperation[]): void;
      showRanges(ops: EditorOperation[]): void;
      fillChoices(type: string, op: EditorOperation, onlyEmpty?: boolean, prefix?: string): void;
      rememberChoices(props: Record<string, unknown>, prefix: string): void;
    };
    FusionSolarAccountEditor: { prepare(node: object): void };
    FusionSolarLabels: { label(node: object): string };
    FusionSolarEditor: {
      optionalTyped: Window['FusionSolarRules']['optionalTyped'];
      typed: Window['FusionSolarRules']['typed'];
      rule: Window['FusionSolarRules']['rule'];
      usesRow: Window['FusionSolarRules']['usesRow'];
      keepsRules: Window['FusionSolarRules']['keepsRules'];
      prepareSettingsNode(node: object, type: string): void;
      prepareOperationNode(node: object, type: string): void;
      saveOperationNode(): void;
      prepareConfigNode(node: object, type: string): void;
      label(node: object): string;
      loadCatalogue: Window['FusionSolarCatalogue']['load'];
      migrateView: Window['FusionSolarMigrate']['migrateView'];
      control: { prepare(node: object): void; save(): void };
      monitor: { prepare(node: object): void };
      account: { prepare(node: object): void };
    };
    /** The dialogs with more than the shared behaviour, each from its own script. */
    FusionSolarDialogs: {
      control?: { prepare(node: object): void; save(): void };
      monitor?: { prepare(node: object): void };
      account?: { prepare(node: object): void };
    };
  }
}
export {};
