import { z } from 'zod';
import type { OperationDef } from './types';

export type JsonSchema = Record<string, unknown>;

/** What the editor needs of one operation: its rows and, per row, the rules as JSON Schema. */
export interface EditorOperation {
  name: string;
  /** The interface (V7 and V6 may share a name): the dialog offers the account's own. */
  api: 'v7' | 'v6';
  section: string;
  summary: string;
  fields: readonly string[];
  /** Node properties the dialog shows for it: fields (under their property), options, settings. */
  rows: string[];
  options: string[];
  settings: string[];
  /** Rows an option stands in for while it is set ("all plants" for the plant codes). */
  replaces: Record<string, string[]>;
  changesDevices: boolean;
  deprecated?: string;
  /** The rules of every row, by row name. */
  schema: Record<string, JsonSchema>;
}

const isEmpty = (s: object): boolean => Object.keys(s).length === 0;

/** Rules of a pipe's output worth showing on its input: what the typed text must come to. */
const RULES = [
  'type',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
];

/**
 * Inputs arrive as typed text, so the input side is what the editor must check; where that
 * side is a bare preprocess or "is required" step (shown as `{}`), the schema it feeds says more.
 */
function toSchema(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override(ctx) {
      const def = ctx.zodSchema._zod.def as { type: string; out?: z.ZodType };
      if (def.type !== 'pipe' || !def.out) return;
      const out = toSchema(def.out);
      if (isEmpty(ctx.jsonSchema)) Object.assign(ctx.jsonSchema, out);
      else
        for (const k of RULES)
          if (k !== 'type' && out[k] !== undefined && ctx.jsonSchema[k] === undefined)
            (ctx.jsonSchema as JsonSchema)[k] = out[k];
    },
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let s = schema as z.ZodType & { shape?: Record<string, z.ZodType> };
  // An object schema with whole-object rules is a pipe whose input is the object.
  for (let i = 0; !s.shape && i < 4; i++) {
    const def = s._zod.def as { in?: z.ZodType; innerType?: z.ZodType; schema?: z.ZodType };
    const next = def.in ?? def.innerType ?? def.schema;
    if (!next) break;
    s = next;
  }
  return s.shape ?? {};
}

function schemasOf(
  schema: z.ZodType | undefined,
  names: readonly string[],
  rowOf: (name: string) => string = (n) => n,
): Record<string, JsonSchema> {
  if (!schema) return {};
  const shape = shapeOf(schema);
  const out: Record<string, JsonSchema> = {};
  for (const name of names) if (shape[name]) out[rowOf(name)] = toSchema(shape[name]);
  return out;
}

const cache = new WeakMap<OperationDef, EditorOperation>();

/** Built on the first request, not at require time: the schemas may be built lazily. */
export function editorOperation(op: OperationDef): EditorOperation {
  const known = cache.get(op);
  if (known) return known;
  const options = op.options ? Object.keys(op.options.shape) : [];
  const settings = op.settings ? Object.keys(op.settings.shape) : [];
  const rowOf = (field: string): string => op.properties?.[field] ?? field;
  const fields = op.fields.filter((f) => !op.messageOnly?.includes(f));
  const rows = [...fields.map(rowOf), ...options, ...settings];
  const optionSchemas = schemasOf(op.options, options);
  const replaces: Record<string, string[]> = {};
  for (const [option, schema] of Object.entries(optionSchemas)) {
    const names = schema['x-replaces'];
    if (!Array.isArray(names)) continue;
    // A name may be another spelling of the field (V6 stationCodes for plantCodes).
    replaces[option] = names.map((n) => rowOf(op.otherNames?.[String(n)] ?? String(n))).filter((r) => rows.includes(r));
  }
  const entry: EditorOperation = {
    name: op.name,
    api: op.api ?? 'v7',
    section: op.section,
    summary: op.summary,
    fields: op.fields,
    rows,
    options,
    settings,
    replaces,
    changesDevices: op.changesDevices,
    ...(op.deprecated ? { deprecated: op.deprecated } : {}),
    schema: { ...schemasOf(op.params, fields, rowOf), ...optionSchemas, ...schemasOf(op.settings, settings) },
  };
  cache.set(op, entry);
  return entry;
}

/** What the editor needs of a node's own settings (those of no operation): rows and their rules. */
export interface EditorSettings {
  rows: string[];
  schema: Record<string, JsonSchema>;
}

const settingsCache = new WeakMap<z.ZodType, EditorSettings>();

export function editorSettings(schema: z.ZodType): EditorSettings {
  const known = settingsCache.get(schema);
  if (known) return known;
  const rows = Object.keys(shapeOf(schema));
  const entry = { rows, schema: schemasOf(schema, rows) };
  settingsCache.set(schema, entry);
  return entry;
}
