'use strict';
// The figures the security suite prints at the end: attacks tried and held, logins counted
// at the server per scenario, the largest parse time per MB.
/** @type {{ tried: number, held: number, failed: string[], logins: Array<[string, number]>,
 *   parse: Array<{ label: string, bytes: number, ms: number, perMb: number }> }} */
const figures = { tried: 0, held: 0, failed: [], logins: [], parse: [] };

/** One attack: `held` is what the test asserted, recorded before the assertion throws. */
function attack(name, held) {
  figures.tried++;
  if (held) figures.held++;
  else figures.failed.push(name);
  return held;
}

function logins(scenario, count) {
  figures.logins.push([scenario, count]);
}

function parse(label, bytes, ms) {
  figures.parse.push({ label, bytes, ms, perMb: ms / (bytes / 1048576) });
}

function print() {
  const lines = [
    `security suite: ${figures.tried} attacks tried, ${figures.held} ` +
      `held${figures.failed.length ? ` (broke: ${figures.failed.join('; ')})` : ''}`,
  ];
  lines.push(`logins counted at the server: ${figures.logins.map(([s, n]) => `${s} ${n}`).join(', ')}`);
  /** @type {(typeof figures.parse)[number] | undefined} */
  let worst;
  for (const b of figures.parse) if (b.perMb > (worst ? worst.perMb : -1)) worst = b;
  if (worst)
    lines.push(
      `largest parse time per MB: ${worst.perMb.toFixed(1)} ms/MB ` +
        `(${worst.label}, ${(worst.bytes / 1048576).toFixed(2)} MB in ${worst.ms.toFixed(1)} ms)`,
    );
  console.log(`\n${lines.map((l) => `      ${l}`).join('\n')}`);
}

module.exports = { attack, logins, parse, print, figures };
