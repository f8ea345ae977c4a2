/**
 * Saved flows outlive the package version that wrote them: every node carries
 * `configVersion`, and each version that renames a property or a value adds one step here.
 * The runtime applies the steps on every start, so an old flow keeps working unedited;
 * the editor applies the same table when the dialog opens (resources/fusionsolar-editor.js).
 */
export interface ConfigMigration {
  /** The version this step produces (2 for the first step after the unversioned shape). */
  to: number;
  /** Old property name -> new name; a TypedInput's `<name>Type` companion moves with it. */
  rename?: Readonly<Record<string, string>>;
  /** Per property, old value -> new value (a renamed operation, for example). */
  values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The migration history of each node type. A type without an entry is at version 1.
 * The editor keeps every renamed property in its `defaults` (marked legacy) while a step
 * here mentions it: Node-RED's editor drops properties it does not know when it saves.
 */
export const CONFIG_MIGRATIONS: Readonly<Record<string, readonly ConfigMigration[]>> = {};

export function migrationsOf(type: string): readonly ConfigMigration[] {
  return CONFIG_MIGRATIONS[type] ?? [];
}

/** The version a node of this history is saved at now. */
export function currentVersion(steps: readonly ConfigMigration[]): number {
  return steps.reduce((v, s) => Math.max(v, s.to), 1);
}

/** The version a saved config was written at; configs saved before versioning are version 1. */
export function savedVersion(config: Readonly<Record<string, unknown>>): number {
  const v = Number(config.configVersion);
  return Number.isInteger(v) && v >= 1 ? v : 1;
}

export interface Migrated<T> {
  config: T;
  from: number;
  to: number;
  /** Saved by a newer version of the package than this one: left as it is. */
  newer: boolean;
}

function applyStep(out: Record<string, unknown>, step: ConfigMigration): void {
  for (const [from, to] of Object.entries(step.rename ?? {})) {
    for (const [a, b] of [
      [from, to],
      [`${from}Type`, `${to}Type`],
    ]) {
      if (!(a in out)) continue;
      // A value already under the new name was set by someone who knew it: it wins.
      if (out[b] === undefined || out[b] === '') out[b] = out[a];
      delete out[a];
    }
  }
  for (const [prop, map] of Object.entries(step.values ?? {})) {
    const v = out[prop];
    if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(map, v)) out[prop] = map[v];
  }
}

/** A copy of `config` in the current shape; the saved object is never changed. */
export function migrateConfig<T extends object>(config: T, steps: readonly ConfigMigration[]): Migrated<T> {
  const to = currentVersion(steps);
  const from = savedVersion(config as Record<string, unknown>);
  if (from > to) return { config, from, to, newer: true };
  // Node-RED hands the constructor hidden properties (_flow, _module, _path): keep them.
  const out: Record<string, unknown> = {};
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(config))) {
    Object.defineProperty(out, k, { ...d, configurable: true, ...('value' in d ? { writable: true } : {}) });
  }
  for (const step of [...steps].sort((a, b) => a.to - b.to)) if (step.to > from) applyStep(out, step);
  out.configVersion = to;
  return { config: out as T, from, to, newer: false };
}

/** Mistakes in a migration table that would corrupt saved flows; empty when it is sound. */
export function tableProblems(steps: readonly ConfigMigration[]): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const s of steps) {
    if (!Number.isInteger(s.to) || s.to < 2) problems.push(`step to ${s.to}: versions are whole numbers from 2`);
    if (seen.has(s.to)) problems.push(`step to ${s.to}: appears twice`);
    seen.add(s.to);
    for (const [a, b] of Object.entries(s.rename ?? {}))
      if (!b || a === b) problems.push(`step to ${s.to}: rename ${a} -> ${b} is not a rename`);
  }
  return problems;
}
