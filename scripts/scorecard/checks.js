'use strict';
// The flow library's scorecard checks (node-red-dev 0.1.6, src/libs/check*.js), as pure
// functions of what they read, so they run without the catalogue and are unit-tested.
// Where node-red-dev has a bug that always passes (P05) we apply the rule it intends.
const semver = require('semver');

const pass = (code, title, detail) => ({ code, title, status: 'pass', detail });
const fail = (code, title, detail) => ({ code, title, status: 'fail', detail });
const skip = (code, title, detail) => ({ code, title, status: 'skip', detail });

function p01(pkg) {
  const t = 'licence declared';
  return pkg.license ? pass('P01', t, String(pkg.license)) : fail('P01', t, 'package.json has no "license"');
}

function p03(pkg) {
  const t = 'repository or bugs link';
  const where = pkg.repository ? pkg.repository.url || pkg.repository : pkg.bugs && (pkg.bugs.url || pkg.bugs);
  return where ? pass('P03', t, String(where)) : fail('P03', t, 'package.json has neither "repository" nor "bugs"');
}

const SCOPED = /@[a-z\d][\w-.]+\/[a-z\d][\w-.]*/;
const RESERVED_PREFIX = /^(node-red|nodered)(?!-contrib-).*/i;

/** A scoped name, or a name that does not use the node-red prefix without "-contrib-". */
function p04(pkg, officialNodes = []) {
  const t = 'package naming';
  if (SCOPED.test(pkg.name)) return pass('P04', t, 'scoped name');
  if (!RESERVED_PREFIX.test(pkg.name)) return pass('P04', t, `${pkg.name} is a valid name`);
  if (officialNodes.includes(pkg.name)) return pass('P04', t, 'on the official nodes list');
  return fail('P04', t, 'names starting node-red must start node-red-contrib-');
}

function p05(pkg) {
  const t = '"node-red" keyword';
  return (pkg.keywords || []).includes('node-red')
    ? pass('P05', t, 'keywords contain node-red')
    : fail('P05', t, 'keywords must contain "node-red"');
}

/** node-red.version must admit a Node-RED release tagged latest or *maintenance*. */
function p06(pkg, nodeRedTags) {
  const t = 'node-red.version admits a supported Node-RED';
  const range = (pkg['node-red'] || {}).version;
  if (!range) return fail('P06', t, 'package.json node-red.version is not declared');
  if (!nodeRedTags) return skip('P06', t, 'the npm registry did not answer');
  const supported = Object.entries(nodeRedTags)
    .filter(([tag]) => /.*maintenance.*|^latest$/.test(tag))
    .map(([, v]) => v);
  const ok = supported.filter((v) => semver.satisfies(v, range));
  const no = supported.filter((v) => !semver.satisfies(v, range));
  const text = `${range}: ${ok
    .map((v) => `${v} yes`)
    .concat(no.map((v) => `${v} no`))
    .join(', ')}`;
  return ok.length ? pass('P06', t, text) : fail('P06', t, text);
}

/** engines.node must admit the oldest Node.js the latest Node-RED runs on. */
function p07(pkg, latestNodeRedEngines) {
  const t = "engines.node admits latest Node-RED's minimum";
  const mine = (pkg.engines || {}).node;
  if (!mine) return fail('P07', t, 'package.json engines.node is not declared');
  if (!latestNodeRedEngines) return skip('P07', t, 'the npm registry did not answer');
  const min = semver.minVersion(latestNodeRedEngines);
  const text = `${mine} vs Node-RED's ${latestNodeRedEngines} (minimum ${min})`;
  return semver.satisfies(min, mine) ? pass('P07', t, text) : fail('P07', t, text);
}

/** Every non-config node type appears in an example flow; the editor files must parse. */
function n02(defs, examples, parseErrors = []) {
  const t = 'an example for every node';
  if (parseErrors.length) return fail('N02', t, parseErrors.join('; '));
  if (!examples.length) return fail('N02', t, 'no examples/*.json');
  const bad = examples.filter((e) => !Array.isArray(e.flow)).map((e) => e.file);
  if (bad.length) return fail('N02', t, `not a flow export (array of nodes): ${bad.join(', ')}`);
  const used = new Set(examples.flatMap((e) => e.flow.map((n) => n && n.type)));
  const wanted = Object.values(defs)
    .filter((d) => d.category !== 'config')
    .map((d) => d.type);
  const missing = wanted.filter((type) => !used.has(type));
  return missing.length
    ? fail('N02', t, `no example uses ${missing.join(', ')}`)
    : pass('N02', t, `${wanted.length} node type(s) used in ${examples.length} example(s)`);
}

function d01(pkg) {
  const t = 'at most 6 dependencies';
  const n = Object.keys(pkg.dependencies || {}).length;
  return n <= 6 ? pass('D01', t, `${n} dependencies`) : fail('D01', t, `${n} dependencies`);
}

/** Walks `npm ls --omit=dev --all --json` for packages the scorecard lists as incompatible. */
function d02(tree, badPackages) {
  const t = 'no incompatible package in the dependency tree';
  if (!tree) return fail('D02', t, 'npm ls gave no tree');
  const found = [];
  let count = 0;
  const walkDeps = (deps) => {
    for (const [name, info] of Object.entries(deps || {})) {
      count++;
      if (info.version && badPackages[name] && semver.satisfies(info.version, badPackages[name]))
        found.push(`${name}@${info.version}`);
      walkDeps(info.dependencies);
    }
  };
  walkDeps(tree.dependencies);
  return found.length
    ? fail('D02', t, found.join(', '))
    : pass(
        'D02',
        t,
        `${count} packages checked against ${Object.entries(badPackages)
          .map(([n, r]) => `${n} ${r}`)
          .join(', ')}`,
      );
}

/**
 * npm-check's "easy upgrade" (create-package-summary.js): the registry's latest (next when
 * the installed version is ahead of latest) satisfies the declared range and is no major bump.
 */
function upToDate(range, installed, tags) {
  const latest = installed && tags.latest && tags.next && semver.gt(installed, tags.latest) ? tags.next : tags.latest;
  const nonSemver = semver.valid(latest) && semver.lt(latest, '1.0.0-pre');
  const diff =
    semver.valid(latest) && semver.valid(installed) && !semver.gt(installed, latest)
      ? semver.diff(installed, latest)
      : null;
  const bump = nonSemver && diff ? 'nonSemver' : diff;
  const ok = Boolean(
    semver.validRange(range) && semver.valid(installed) && semver.satisfies(latest, range) && bump !== 'major',
  );
  return { ok, latest };
}

/**
 * deps: [{ name, range, installed, tags, exception? }] where exception is the verified
 * entry of the exceptions table ({ ok, reason, detail }).
 */
function d03(deps) {
  const t = 'production dependencies at their latest version';
  if (deps.some((d) => !d.tags)) return skip('D03', t, 'the npm registry did not answer');
  const notes = [];
  let failed = false;
  let excused = false;
  for (const d of deps) {
    const { ok, latest } = upToDate(d.range, d.installed, d.tags);
    if (ok) {
      notes.push(`${d.name} ${d.range} (${d.installed}, latest ${latest})`);
    } else if (d.exception && d.exception.ok) {
      excused = true;
      notes.push(
        `${d.name} ${d.range} (${d.installed}, latest ${latest}): ` +
          `exception, ${d.exception.reason}; ${d.exception.detail}`,
      );
    } else {
      failed = true;
      const why = d.exception ? `the exception no longer holds: ${d.exception.detail}` : 'update it';
      notes.push(`${d.name} ${d.range} (${d.installed || 'not installed'}, latest ${latest}): ${why}`);
    }
  }
  const detail = notes.join('; ');
  if (failed) return fail('D03', t, detail);
  return excused ? { code: 'D03', title: t, status: 'exception', detail } : pass('D03', t, detail);
}

module.exports = { p01, p03, p04, p05, p06, p07, n02, d01, d02, d03, upToDate, pass, fail, skip };
