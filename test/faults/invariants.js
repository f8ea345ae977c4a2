'use strict';
// The invariants every fault run is held to, checked as messages flow (so 10,000-message
// runs keep no history) and counted so the suite can print what it checked.

const LOGIN_WINDOW_MS = 10 * 60_000;
const LOGINS_PER_WINDOW = 5;
const MAX_SAMPLES = 20;

/** Everything a value would show anywhere, Errors (message, stack, own fields) included. */
function textOf(value) {
  const seen = new WeakSet();
  return JSON.stringify(value, (key, v) => {
    if (typeof v === 'bigint') return String(v);
    if (v instanceof Error) return { ...v, name: v.name, message: v.message, stack: v.stack };
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[cycle]';
      seen.add(v);
    }
    return v;
  }) || '';
}

/**
 * Looks for secrets in one pass per text: passwords by substring, session tokens (long hex,
 * as cookie or header, any case) by every 32-character window of each hex run.
 */
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

/** Counts of one run: what was checked and what broke. */
class Tracker {
  /**
   * @param {object} o
   * @param {number} o.total messages that will be sent
   * @param {(seq:number)=>{command:boolean}} o.rowOf the row a message used
   * @param {string[]} o.passwords
   * @param {{allowed?:string[], heals?:boolean}} [o.expect]
   */
  constructor({ total, rowOf, passwords, expect = {} }) {
    this.total = total;
    this.rowOf = rowOf;
    this.expect = expect;
    this.ends = new Uint8Array(total);
    this.outs = new Uint8Array(total);
    this.failedSeq = new Uint8Array(total);
    this.scanner = new SecretScanner(passwords);
    this.endCount = 0;
    this.waiter = undefined;
    this.codes = {};
    this.ok = 0;
    this.out2 = 0;
    this.loginTimes = [];
    this.rejectMark = undefined;
    this.checked = { dones: 0, outputs: 0, texts: 0, commandRequests: 0, commandMessages: 0, loginRequests: 0, requests: 0 };
    this.violations = {};
    this.samples = [];
  }

  violation(kind, detail) {
    this.violations[kind] = (this.violations[kind] || 0) + 1;
    if (this.samples.length < MAX_SAMPLES) this.samples.push(`${kind}: ${detail}`);
  }

  get violationCount() {
    return Object.values(this.violations).reduce((a, b) => a + b, 0);
  }

  scan(where, value) {
    const found = this.scanner.find(typeof value === 'string' ? value : textOf(value));
    if (found) this.violation('secretLeak', `${found} in ${where}`);
  }

  seqOf(msg, where) {
    const seq = msg && msg.faultSeq;
    if (!Number.isInteger(seq) || seq < 0 || seq >= this.total) {
      this.violation('unknownMessage', `${where} got a message that was never sent`);
      return -1;
    }
    return seq;
  }

  onOutput(msg) {
    this.scan('output', msg);
    const seq = this.seqOf(msg, 'output');
    if (seq < 0) return;
    this.checked.outputs++;
    if (++this.outs[seq] > 1) this.violation('duplicateOutput', `message ${seq} came out ${this.outs[seq]} times`);
  }

  onSecondOutput(msg) {
    this.scan('output 2', msg);
    this.out2++;
  }

  onEnd(msg, error) {
    this.scan(error ? 'catch' : 'complete', msg);
    const seq = this.seqOf(msg, 'done');
    if (seq < 0) return;
    this.checked.dones++;
    if (++this.ends[seq] > 1) this.violation('doubleDone', `message ${seq} ended ${this.ends[seq]} times`);
    else this.endCount++;
    if (error) {
      this.failedSeq[seq] = 1;
      const code = String((error && error.code) || (msg.fusionsolar && msg.fusionsolar.error && msg.fusionsolar.error.code) || 'none');
      this.codes[code] = (this.codes[code] || 0) + 1;
      const row = this.rowOf(seq);
      if (this.expect.heals && !row.command) this.violation('notHealed', `read ${row.op} failed with ${code}`);
      if (this.expect.allowed && !this.expect.allowed.includes(code)) this.violation('unexpectedCode', `${row.op} failed with ${code}: ${error.message}`);
    } else this.ok++;
    if (this.waiter && this.endCount >= this.waiter.target) this.waiter.resolve();
  }

  onStatus(msg) {
    this.scan('status', msg.status);
  }

  /** Resolves when `target` messages have ended, or after `ms` of real time (the rest count as lost). */
  waitEnds(target, ms) {
    if (this.endCount >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, ms);
      this.waiter = {
        target,
        resolve: () => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve(true);
        },
      };
    });
  }

  /** The session reached "rejected": every later login request breaks the rule. */
  markRejected(requestsSoFar) {
    if (!this.rejectMark) this.rejectMark = { index: requestsSoFar };
  }

  /**
   * Requests the simulator logged while one batch of messages ran. A command body may
   * arrive again only after a 305 (the server refused it unexecuted, the client logged in
   * again); any other repeat is a command sent twice.
   */
  onRequests(entries, batchHasCommand) {
    const commands = new Map();
    entries.forEach((e, i) => {
      this.checked.requests++;
      if (e.endpoint === 'login') {
        this.checked.loginRequests++;
        this.loginTimes.push(e.time);
        if (this.rejectMark && i >= this.rejectMark.index) this.violation('loginAfterRejection', `login at ${new Date(e.time).toISOString()}`);
      }
      if (!e.command) return;
      this.checked.commandRequests++;
      const key = `${e.endpoint}\0${e.body}`;
      const list = commands.get(key) || [];
      list.push(e);
      commands.set(key, list);
    });
    if (this.rejectMark) this.rejectMark.index = 0;
    if (batchHasCommand) this.checked.commandMessages++;
    for (const list of commands.values()) {
      const executed = list.filter((e) => e.answer === '0').length;
      if (executed > 1) this.violation('commandExecutedTwice', `${list[0].endpoint} executed ${executed} times`);
      list.slice(0, -1).forEach((e) => {
        if (e.answer !== '305') this.violation('commandResent', `${e.endpoint} sent again after "${e.answer}"`);
      });
    }
  }

  scanLogs(calls) {
    for (const c of calls) this.scan('log', c.args);
  }

  /** End-of-run checks: each message ended once, with one output if and only if it succeeded. */
  finish() {
    for (let seq = 0; seq < this.total; seq++) {
      if (this.ends[seq] === 0) this.violation('lost', `message ${seq} never ended`);
      else if (this.failedSeq[seq] && this.outs[seq] > 0) this.violation('outputOnError', `message ${seq} failed but also came out`);
      else if (!this.failedSeq[seq] && this.outs[seq] === 0) this.violation('missingOutput', `message ${seq} completed without output`);
    }
    const t = [...this.loginTimes].sort((a, b) => a - b);
    let maxInWindow = 0;
    for (let i = 0, j = 0; i < t.length; i++) {
      while (t[j] <= t[i] - LOGIN_WINDOW_MS) j++;
      maxInWindow = Math.max(maxInWindow, i - j + 1);
    }
    if (maxInWindow > LOGINS_PER_WINDOW) this.violation('loginWindow', `${maxInWindow} logins within 10 minutes`);
    this.checked.maxLoginsIn10Min = maxInWindow;
    this.checked.texts = this.scanner.texts;
    this.checked.tokensWatched = this.scanner.tokens;
    return this;
  }
}

module.exports = { Tracker, SecretScanner, textOf, LOGINS_PER_WINDOW };
