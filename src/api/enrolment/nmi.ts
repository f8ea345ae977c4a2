/**
 * National Metering Identifiers (AEMO, "National Metering Identifier" procedure): 10 capital
 * letters or digits and a check digit. South Australian VPPs use the NMI as the authorization
 * code of 9.6.1.2; checking it here spares a call that would count towards the lockout after
 * five wrong codes (22004).
 */

const BASE = /^[A-Z0-9]{10}$/;

/**
 * The AEMO checksum: the ASCII codes of the ten characters, every second one doubled starting
 * with the rightmost, the decimal digits of all of them summed; the check digit brings that
 * sum up to the next multiple of ten.
 */
export function nmiCheckDigit(base: string): number {
  if (!BASE.test(base)) throw new RangeError('an NMI base is 10 capital letters or digits');
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let v = base.charCodeAt(9 - i);
    if (i % 2 === 0) v *= 2;
    for (; v > 0; v = Math.floor(v / 10)) sum += v % 10;
  }
  return (10 - (sum % 10)) % 10;
}

/** What is wrong with a code meant as an 11-character NMI, or undefined when it is one. */
export function nmiProblem(code: string): string | undefined {
  if (code.length !== 11) return `has ${code.length} character${code.length === 1 ? '' : 's'}, an NMI has 11`;
  const base = code.slice(0, 10);
  if (!BASE.test(base)) return 'must start with 10 capital letters or digits';
  // The procedure leaves out I and O so they cannot be mistaken for 1 and 0.
  if (/[IO]/.test(base)) return 'contains the letter I or O, which NMIs never use';
  if (!/^\d$/.test(code[10])) return 'must end with a check digit (0-9)';
  const expected = nmiCheckDigit(base);
  if (Number(code[10]) !== expected) return `has check digit ${code[10]}, the NMI checksum gives ${expected}`;
  return undefined;
}
