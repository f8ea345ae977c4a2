'use strict';
// D03 exceptions: a production dependency deliberately held below its latest major. Each
// entry is re-verified on every run, so an exception that stops being true fails the check.
const semver = require('semver');

const EXCEPTIONS = {
  undici: {
    major: 7,
    reason:
      'undici 8 needs a newer Node.js than the Node 20 this package supports (engines.node), so it ' +
      'stays on undici 7, which is maintained for Node 20',
  },
};

/** { ok, reason, detail } for a dependency held back, or undefined when none is declared. */
async function verifyException(name, { pkg, range, installed, latest, view }) {
  const entry = EXCEPTIONS[name];
  if (!entry) return undefined;
  const problems = [];
  const floor = semver.minVersion(range);
  if (!floor || floor.major !== entry.major || !semver.satisfies(`${entry.major}.999.999`, range))
    problems.push(`declared range ${range} is not ^${entry.major}`);
  const oldestNode = semver.minVersion((pkg.engines || {}).node || '*');
  const latestEngines = await view(`${name}@${latest}`, 'engines');
  const needs = latestEngines && latestEngines.node;
  if (!needs) problems.push(`${name}@${latest} declares no engines.node: nothing to keep us off it`);
  else if (semver.satisfies(oldestNode, needs))
    problems.push(`${name}@${latest} supports Node ${oldestNode} (${needs}): upgrade`);
  const inMajor = await view(`${name}@^${entry.major}`, 'version');
  const newest = semver.maxSatisfying([].concat(inMajor || []), `^${entry.major}`);
  if (!newest) problems.push(`the registry lists no ${name} ${entry.major}.x`);
  else if (installed !== newest)
    problems.push(`installed ${installed}, newest ${entry.major}.x is ${newest}: npm update ${name}`);
  const detail = problems.length
    ? problems.join('; ')
    : `${name}@${latest} needs Node ${needs}, ours starts at ${oldestNode}; ${installed} is the ` +
      `newest ${entry.major}.x`;
  return { ok: problems.length === 0, reason: entry.reason, detail };
}

module.exports = { EXCEPTIONS, verifyException };
