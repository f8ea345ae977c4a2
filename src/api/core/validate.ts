import type { z } from 'zod';
import { FusionSolarError, invalidInput } from '../../client/errors';
import { RESERVED_KEYS } from './params';
import type { OperationDef, Params } from './types';

function fieldName(path: PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('.')
      .replace(/\.\[/g, '[') || 'payload'
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

export function zodToError(err: z.ZodError, input?: unknown): FusionSolarError {
  const issue = err.issues[0];
  const field = fieldName(issue.path);
  let rule = issue.message;
  if (issue.path.length > 0 && valueAt(input, issue.path) === undefined && issue.code !== 'custom')
    rule = 'is required';
  else if (issue.code === 'unrecognized_keys') {
    return invalidInput(
      field === 'payload' ? issue.keys.join(', ') : field,
      `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  return invalidInput(field, rule);
}

/** Rejects keys that could pollute prototypes before anything merges them. */
export function checkKeys(input: Params, op: OperationDef): void {
  for (const key of Object.keys(input)) {
    if (RESERVED_KEYS.includes(key)) throw invalidInput(key, 'is not an allowed parameter name');
    if (!op.fields.includes(key)) {
      throw invalidInput(key, `is not a parameter of ${op.name}; expected one of: ${op.fields.join(', ') || '(none)'}`);
    }
  }
}

function applyAliases(input: Params, aliases: Readonly<Record<string, string>> | undefined): Params {
  if (!aliases) return input;
  const out: Params = { ...input };
  for (const [alias, field] of Object.entries(aliases)) {
    if (!(alias in out)) continue;
    if (out[alias] !== undefined) out[field] = out[alias];
    delete out[alias];
  }
  return out;
}

/** A list as the API would get it: ["a", "b"] and "a,b" are the same. */
function listText(v: unknown): string {
  return (Array.isArray(v) ? v.map(String) : String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}

/** Another name of a field becomes the field; both at once is a mistake unless they agree. */
function applyOtherNames(input: Params, aliases: Readonly<Record<string, string>> | undefined): Params {
  if (!aliases) return input;
  let out = input;
  for (const [alias, field] of Object.entries(aliases)) {
    if (!(alias in input)) continue;
    if (out === input) out = { ...input };
    const value = out[alias];
    delete out[alias];
    if (out[field] === undefined) out[field] = value;
    else if (listText(out[field]) !== listText(value))
      throw invalidInput(alias, `is another name for ${field}: give one of them`);
  }
  return out;
}

export function validate<P extends Params>(op: OperationDef<P>, raw: Params): P {
  const input = applyOtherNames(applyAliases(raw, op.inputAliases), op.otherNames);
  checkKeys(input, op);
  const res = op.params.safeParse(input);
  if (!res.success) throw zodToError(res.error, input);
  return res.data;
}
