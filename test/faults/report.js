'use strict';
// Printed results of fault runs: one line per run and the totals of what was checked.

/** One line per run for the printed table. */
function summarise(r) {
  const t = r.tracker;
  const errors =
    Object.entries(t.codes)
      .map(([c, n]) => `${c}:${n}`)
      .join(' ') || '-';
  const v =
    Object.entries(t.violations)
      .map(([k, n]) => `${k}:${n}`)
      .join(' ') || 'none';
  const mem = r.memory
    ? ` heap ${(r.memory.heapStart / 1e6).toFixed(1)}->${(r.memory.heapEnd / 1e6).toFixed(1)} MB ` +
      `(${(r.memory.growth * 100).toFixed(1)}%)`
    : '';
  return (
    `${r.type} | ${r.scenario} | msgs ${r.messages} ok ${t.ok} | errors ${errors} | checked ` +
    `dones ${t.checked.dones} outputs ${t.checked.outputs} texts ${t.checked.texts} ` +
    `requests ${t.checked.requests} commands ${t.checked.commandRequests} ` +
    `logins ${t.checked.loginRequests} (max ${t.checked.maxLoginsIn10Min}/10 min) | violations ${v}${mem} | ${r.ms} ms`
  );
}

/** Totals of several runs, for the final line. */
function totals(results) {
  const sum = {
    runs: results.length,
    messages: 0,
    dones: 0,
    outputs: 0,
    texts: 0,
    requests: 0,
    commandRequests: 0,
    loginRequests: 0,
    violations: 0,
  };
  for (const r of results) {
    const c = r.tracker.checked;
    sum.messages += r.messages;
    sum.dones += c.dones;
    sum.outputs += c.outputs;
    sum.texts += c.texts;
    sum.requests += c.requests;
    sum.commandRequests += c.commandRequests;
    sum.loginRequests += c.loginRequests;
    sum.violations += r.tracker.violationCount;
  }
  return sum;
}

module.exports = { summarise, totals };
