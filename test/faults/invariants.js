'use strict';
// The invariants every fault run is held to, checked as messages flow (so 10,000-message
// runs keep no history) and counted so the suite can print what it checked.

const { SecretScanner, textOf } = require('./secrets');
const { checkRequests, maxLoginsInWindow } = require('./requests');

const LOGIN_WINDOW_MS = 10 * 60_000;
const LOGINS_PER_WINDOW = 5;
const MAX_SAMPLES = 20;

/** Counts of one run: what was checked and what broke. */
class Tracker {
  /**
   * @param {object} o
   * @param {number} o.total messages that will be sent
   * @param {(seq:number)=>{command:boolean, op:string|null}} o.rowOf the row a message used
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
    this.checked = {
      dones: 0,
      outputs: 0,
      texts: 0,
      commandRequests: 0,
      commandMessages: 0,
      loginRequests: 0,
      requests: 0,
    };
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
      const code = String(
        (error && error.code) || (msg.fusionsolar && msg.fusionsolar.error && msg.fusionsolar.error.code) || 'none',
      );
      this.codes[code] = (this.codes[code] || 0) + 1;
      const row = this.rowOf(seq);
      if (this.expect.heals && !row.command) this.violation('notHealed', `read ${row.op} failed with ${code}`);
      if (this.expect.allowed && !this.expect.allowed.includes(code))
        this.violation('unexpectedCode', `${row.op} failed with ${code}: ${error.message}`);
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

  /** Requests the simulator logged while one batch of messages ran (see requests.js). */
  onRequests(entries, batchHasCommand) {
    checkRequests(this, entries, batchHasCommand);
  }

  scanLogs(calls) {
    for (const c of calls) this.scan('log', c.args);
  }

  /** End-of-run checks: each message ended once, with one output if and only if it succeeded. */
  finish() {
    for (let seq = 0; seq < this.total; seq++) {
      if (this.ends[seq] === 0) this.violation('lost', `message ${seq} never ended`);
      else if (this.failedSeq[seq] && this.outs[seq] > 0)
        this.violation('outputOnError', `message ${seq} failed but also came out`);
      else if (!this.failedSeq[seq] && this.outs[seq] === 0)
        this.violation('missingOutput', `message ${seq} completed without output`);
    }
    const maxInWindow = maxLoginsInWindow(this.loginTimes, LOGIN_WINDOW_MS);
    if (maxInWindow > LOGINS_PER_WINDOW) this.violation('loginWindow', `${maxInWindow} logins within 10 minutes`);
    this.checked.maxLoginsIn10Min = maxInWindow;
    this.checked.texts = this.scanner.texts;
    this.checked.tokensWatched = this.scanner.tokens;
    return this;
  }
}

module.exports = { Tracker, LOGINS_PER_WINDOW };
