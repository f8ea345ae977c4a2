#!/usr/bin/env node
'use strict';
// `npm run validate`: the flow library's scorecard for this package. node-red-dev runs when
// the catalogue it needs answers; our own checks of everything the scorecard checks without
// the catalogue always run. Exit 0 only when every check passes or is a verified exception.
// --offline: accept checks skipped because the npm registry did not answer.
const path = require('node:path');
const checks = require('./scorecard/checks');
const { packageDefinitions } = require('./scorecard/node-defs');
const { view, catalogueAnswers } = require('./scorecard/registry');
const { verifyException } = require('./scorecard/exceptions');
const { runNodeRedDev, mergeCard, TITLES } = require('./scorecard/node-red-dev');
const { readJson, nodeRedDevData, examples, npmLsTree } = require('./scorecard/local');

const root = path.join(__dirname, '..');
const offline = process.argv.includes('--offline');

async function dependencies(pkg) {
  return Promise.all(
    Object.entries(pkg.dependencies || {}).map(async ([name, range]) => {
      const installed = readJson(path.join(root, 'node_modules', name, 'package.json'), {}).version;
      const tags = await view(name, 'dist-tags');
      const dep = { name, range, installed, tags };
      if (tags && !checks.upToDate(range, installed, tags).ok)
        dep.exception = await verifyException(name, { pkg, range, installed, latest: tags.latest, view });
      return dep;
    }),
  );
}

async function ownChecks(pkg) {
  const [tags, deps, tree] = await Promise.all([view('node-red', 'dist-tags'), dependencies(pkg), npmLsTree(root)]);
  const engines = tags && tags.latest ? await view(`node-red@${tags.latest}`, 'engines') : null;
  const { defs, errors } = packageDefinitions(root);
  const bad = nodeRedDevData(root, 'badpackages.json') || { 'agent-base': '<6.0.0' };
  const official = (nodeRedDevData(root, 'officalnodes.json') || { nodes: [] }).nodes;
  const rows = [
    checks.p01(pkg),
    checks.p03(pkg),
    checks.p04(pkg, official),
    checks.p05(pkg),
    checks.p06(pkg, tags),
    checks.p07(pkg, engines && engines.node),
    checks.n02(defs, examples(root), errors),
    checks.d01(pkg),
    checks.d02(tree, bad),
    checks.d03(deps),
  ];
  const excused = deps.filter((d) => d.exception && d.exception.ok).map((d) => d.name);
  return { rows: Object.fromEntries(rows.map((r) => [r.code, r])), excused };
}

const MARK = { pass: 'PASS', exception: 'EXCEPTION', fail: 'FAIL', skip: 'SKIPPED', 'n/a': 'n/a' };

function print(rows, source) {
  const list = Object.values(rows).sort((a, b) => a.code.localeCompare(b.code));
  const w = Math.max(...list.map((r) => r.title.length));
  process.stdout.write(
    `\nScorecard of ${source}\n\n  code  ${'check'.padEnd(w)}  result     detail\n  ---- ` +
      ` ${'-'.repeat(w)}  ---------  ------\n`,
  );
  for (const r of list)
    process.stdout.write(`  ${r.code}   ${r.title.padEnd(w)}  ${MARK[r.status].padEnd(9)}  ${r.detail}\n`);
}

async function main() {
  const pkg = readJson(path.join(root, 'package.json'));
  const [{ rows, excused }, catalogue] = await Promise.all([ownChecks(pkg), catalogueAnswers()]);
  let source = `${pkg.name}@${pkg.version}: our checks`;
  if (catalogue) {
    const r = await runNodeRedDev(root);
    process.stdout.write(r.output);
    if (r.card) {
      mergeCard(rows, r.card, excused);
      source += ' + node-red-dev';
    } else rows.NRD = checks.fail('NRD', 'node-red-dev validate', r.error);
  } else {
    for (const code of ['N01', 'P08'])
      rows[code] = {
        code,
        title: TITLES[code],
        status: 'n/a',
        detail: 'needs catalogue.nodered.org, which did not answer: node-red-dev not run',
      };
  }
  print(rows, source);
  const failing = Object.values(rows).filter((r) => r.status === 'fail' || (r.status === 'skip' && !offline));
  const exceptions = Object.values(rows).filter((r) => r.status === 'exception');
  process.stdout.write(
    `\n${failing.length ? `FAILED: ${failing.map((r) => r.code).join(', ')}` : 'OK'}` +
      (exceptions.length
        ? ` (explained exceptions: ${exceptions.map((r) => r.code).join(', ')}; see README "Scorecard")`
        : '') +
      '\n',
  );
  process.exitCode = failing.length ? 1 : 0;
}

main().catch((err) => {
  process.stderr.write(`validate: ${err.stack || err}\n`);
  process.exitCode = 2;
});
