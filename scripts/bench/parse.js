'use strict';
// Response parse at 1 MB and 32 MB (issue 12, point 6): the envelope parse with its
// long-id pre-parse against JSON.parse alone of the same text, on a body full of 16-digit
// ids and on the old pre-parse's worst case (a 16-digit number, then an unterminated string
// of \"). Linear means the time per MB stays the same from 1 MB to 32 MB.
const path = require('node:path');
const { ROOT, stats, now } = require('./common');

const { parseEnvelope } = require(path.join(ROOT, 'dist', 'src', 'client', 'envelope'));

const MB = 1024 * 1024;

/** Tasks with 16- to 19-digit ids (some beyond 2^53), as I-V answers carry them. */
function idsBody(bytes) {
  const item = (i) =>
    `{"taskId":${9007199254740993n + BigInt(i)},"dn":"NE=${33554432 + i}","name":"task ${i}","progress":${i % 100}}`;
  const parts = [];
  let size = 40;
  for (let i = 0; size < bytes; i++) {
    const s = item(i);
    parts.push(s);
    size += s.length + 1;
  }
  return `{"success":true,"failCode":0,"data":[${parts.join(',')}]}`;
}

function quadraticBody(bytes) {
  const head = '{"success":true,"failCode":0,"data":{"taskId":1234567890123456,"s":"';
  return head + '\\"'.repeat(Math.floor((bytes - head.length) / 2));
}

function time(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    samples.push(now() - t0);
  }
  return stats(samples);
}

function measure(text, runs) {
  const res = { status: 200, headers: { 'content-type': 'application/json' }, text };
  const envelope = time(() => {
    try {
      parseEnvelope(res, 'bench');
    } catch {
      // The worst-case body is broken JSON on purpose: refusing it is the work measured.
    }
  }, runs);
  const plain = time(() => {
    try {
      JSON.parse(text);
    } catch {
      // ditto
    }
  }, runs);
  return { envelope, plain, bytes: text.length };
}

function run() {
  const out = {};
  /** @type {Array<[string, (bytes: number) => string]>} */
  const bodies = [
    ['ids', idsBody],
    ['quadratic', quadraticBody],
  ];
  for (const [kind, make] of bodies) {
    measure(make(MB), 3);
    out[kind] = { small: measure(make(MB), 9), large: measure(make(32 * MB), 3) };
  }
  return out;
}

module.exports = { run };
