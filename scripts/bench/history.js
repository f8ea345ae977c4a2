'use strict';
// Parse, validate and normalise a 100-plant x 288-point history response (28,800 points,
// the shape of reference 9.3.3) against JSON.parse alone of the same body.
const path = require('node:path');
const { ROOT, stats, now } = require('./common');

// The library through its layers' entry points, as a user of the package would reach it.
const { operation, validate, normaliseHistory, POINT_NUMBERS } = require(path.join(ROOT, 'dist', 'src', 'api'));
const { parseEnvelope } = require(path.join(ROOT, 'dist', 'src', 'client'));

const PLANTS = 100;
const POINTS = 288;
const T0 = Date.UTC(2026, 5, 20) - 8 * 3_600_000;
// The tables' six voltages; the examples' one gridVoltage is left out, as a live answer has either.
const FIELDS = POINT_NUMBERS.filter((f) => f !== 'gridVoltage');
const codes = Array.from({ length: PLANTS }, (_, i) => `NE=${33554432 + i}`);

function stamp(t, i) {
  const d = new Date(t + 8 * 3_600_000).toISOString().slice(0, 19);
  // Both spellings of the reference: with and without the colon in the offset.
  return i % 2 ? `${d}.000+0800` : `${d}+08:00`;
}

/** Values as the live API sends them: mostly numbers, some numeric strings, "N/A" and null. */
function value(p, i, f) {
  const x = Math.round(((p * 7 + i * 13 + f * 3) % 1000) * 1.37) / 10;
  const k = (p + i + f) % 20;
  return k === 0 ? 'N/A' : k === 1 ? null : k < 5 ? String(x) : x;
}

function historyBody() {
  const data = codes.map((plantCode, p) => ({
    plantCode,
    dataItem: Array.from({ length: POINTS }, (_, i) => {
      const point = { dataTime: stamp(T0 + i * 300_000, i) };
      FIELDS.forEach((f, j) => (point[f] = value(p, i, j)));
      return point;
    }),
  }));
  return JSON.stringify({ success: true, failCode: 0, message: null, data });
}

function pipeline(op, input) {
  return (text) => {
    const params = validate(op, input);
    const env = parseEnvelope(
      { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, text },
      op.endpoint,
    );
    const part = op.normalise ? op.normalise(env.data, params) : env.data;
    return op.merge ? op.merge([part], params) : part;
  };
}

/** The library's history normaliser alone on the same body: no validation, no merge. */
function normaliseOnly(text) {
  const env = parseEnvelope(
    { status: 200, headers: { 'content-type': 'application/json' }, text },
    'vpp/plantHistoryKpi',
  );
  return normaliseHistory(env.data);
}

function timed(fn, text, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    fn(text);
    samples.push(now() - t);
  }
  return stats(samples);
}

function run({ runs = 21 } = {}) {
  const history = historyBody();
  const subject = {
    name: 'historyKpi normaliser',
    text: history,
    fn: pipeline(operation('historyKpi'), { plantCodes: codes, startTime: T0, endTime: T0 + 86_400_000 }),
  };
  /** @type {{ parse: number[], pipeline: number[] }} */
  const samples = { parse: [], pipeline: [] };
  for (let i = 0; i < 3; i++) {
    JSON.parse(subject.text);
    subject.fn(subject.text);
  }
  for (let i = 0; i < runs; i++) {
    let t = now();
    JSON.parse(subject.text);
    samples.parse.push(now() - t);
    t = now();
    subject.fn(subject.text);
    samples.pipeline.push(now() - t);
  }
  const shared = { parse: timed(JSON.parse, history, runs), pipeline: timed(normaliseOnly, history, runs) };
  return {
    subject: subject.name,
    bytes: subject.text.length,
    points: PLANTS * POINTS,
    parse: stats(samples.parse),
    pipeline: stats(samples.pipeline),
    shared,
    historyBytes: history.length,
  };
}

module.exports = { run, historyBody };
