import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeAPI } from './types';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Shared runtime strings live in the account node's catalogue, under `common`. */
const NAMESPACE = 'node-red-contrib-fusionsolar/fusionsolar-account';

let fallback: Record<string, string> | undefined;

/** English from the shipped catalogue, for runtimes (and the test helper) that load none. */
function english(key: string): string | undefined {
  if (!fallback) {
    try {
      const file = join(__dirname, '..', 'fusionsolar-account', 'locales', 'en-US', 'fusionsolar-account.json');
      const json = JSON.parse(readFileSync(file, 'utf8')) as { common?: Texts };
      fallback = flatten(json.common ?? {});
    } catch {
      fallback = {};
    }
  }
  return fallback[key];
}

interface Texts {
  [key: string]: string | Texts;
}

function flatten(texts: Texts, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(texts)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}

/**
 * Templates and plural forms already looked at: a status is set on every message. Bounded,
 * because a key may carry a server's error code.
 */
const MEMO_MAX = 2000;
const templates = new Map<string, string[]>();

/** `text` split at its `__name__` placeholders: literal parts at even, names at odd indexes. */
function template(text: string): string[] {
  let parts = templates.get(text);
  if (!parts) {
    parts = text.split(/__(\w+)__/);
    if (templates.size < MEMO_MAX) templates.set(text, parts);
  }
  return parts;
}

function fill(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  const parts = template(text);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2)
    out += (parts[i] in vars ? String(vars[parts[i]]) : `__${parts[i]}__`) + parts[i + 1];
  return out;
}

interface PluralForms {
  zero?: string;
  one?: string;
  other?: string;
}

const plurals = new Map<string, PluralForms>();

/** English plural forms (`key_zero`, `key_one`, `key_other`), chosen as i18next does for en. */
function englishPlural(key: string, count: unknown): string | undefined {
  if (typeof count !== 'number') return english(key);
  let forms = plurals.get(key);
  if (!forms) {
    const other = english(`${key}_other`) ?? english(key);
    forms = { zero: english(`${key}_zero`), one: english(`${key}_one`) ?? other, other };
    if (plurals.size < MEMO_MAX) plurals.set(key, forms);
  }
  if (count === 0 && forms.zero !== undefined) return forms.zero;
  return count === 1 ? forms.one : forms.other;
}

/**
 * Runtime strings in Node-RED's runtime language (settings.lang or the environment): the
 * locale files are the only source, so every language gets every status and message.
 */
export function translator(RED: NodeAPI): Translate {
  // The runtime's language is set at start; a status is set on every message, and i18next's
  // lookup and interpolation cost more than the rest of building it.
  const seen = new Map<string, string>();
  return (key, vars) => {
    const id = vars ? memoKey(key, vars) : key;
    const hit = seen.get(id);
    if (hit !== undefined) return hit;
    const full = `${NAMESPACE}:common.${key}`;
    const text = RED._(full, vars);
    if (text && text !== full && text !== `common.${key}`) {
      if (seen.size >= MEMO_MAX) seen.clear();
      seen.set(id, text);
      return text;
    }
    // Not cached: a catalogue that loads later must still win over the shipped English.
    return fill(englishPlural(key, vars?.count) ?? key, vars);
  };
}

function memoKey(key: string, vars: Record<string, string | number>): string {
  let id = key;
  for (const k in vars) id += `\u0001${k}\u0002${String(vars[k])}`;
  return id;
}

const ownFallback = new Map<string, Record<string, unknown>>();

function ownEnglish(type: string, key: string): string | undefined {
  let json = ownFallback.get(type);
  if (!json) {
    try {
      json =
        (
          JSON.parse(readFileSync(join(__dirname, '..', type, 'locales', 'en-US', `${type}.json`), 'utf8')) as Record<
            string,
            Record<string, unknown>
          >
        )[type] ?? {};
    } catch {
      json = {};
    }
    ownFallback.set(type, json);
  }
  let v: unknown = json;
  for (const part of key.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A node type's own runtime strings (`<type>.<key>` in its catalogue), English when none is loaded. */
export function nodeTranslator(RED: NodeAPI, type: string): Translate {
  return (key, vars) => {
    const full = `node-red-contrib-fusionsolar/${type}:${type}.${key}`;
    const text = RED._(full, vars);
    if (text && text !== full && text !== `${type}.${key}`) return text;
    return fill(ownEnglish(type, key) ?? key, vars);
  };
}
