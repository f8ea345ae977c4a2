'use strict';
// Secrets in flow output: passwords by substring, session tokens (the simulator's long hex,
// as header, cookie or JSESSIONID, any case) by every 32-character window of each hex run.

/** Everything a value would show anywhere, Errors (message, stack, own fields) included. */
function textOf(value) {
  const seen = new WeakSet();
  return (
    JSON.stringify(value, (key, v) => {
      if (typeof v === 'bigint') return String(v);
      if (v instanceof Error) return { ...v, name: v.name, message: v.message, stack: v.stack };
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[cycle]';
        seen.add(v);
      }
      return v;
    }) || ''
  );
}

/** Looks for secrets in one pass per text, counting what it scanned. */
class SecretScanner {
  constructor(passwords) {
    this.passwords = passwords.filter(Boolean);
    this.hexes = new Set();
    this.texts = 0;
    this.chars = 0;
  }

  addToken(token) {
    const hex = token.replace(/^x-/, '').toLowerCase();
    this.hexes.add(hex.slice(0, 32));
  }

  get tokens() {
    return this.hexes.size;
  }

  /** The first secret kind found in `text`, or undefined. */
  find(text) {
    this.texts++;
    this.chars += text.length;
    for (const p of this.passwords) if (text.includes(p)) return 'password';
    if (this.hexes.size === 0) return undefined;
    for (const run of text.match(/[0-9a-fA-F]{32,}/g) || []) {
      const low = run.toLowerCase();
      for (let i = 0; i + 32 <= low.length; i++) if (this.hexes.has(low.slice(i, i + 32))) return 'token';
    }
    return undefined;
  }
}

module.exports = { SecretScanner, textOf };
