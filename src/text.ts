/**
 * Text of a JSON value for codes, ids and messages: objects as their JSON, never
 * "[object Object]", which would pass for a code and hide what was sent.
 */
export function text(v: unknown): string {
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}
