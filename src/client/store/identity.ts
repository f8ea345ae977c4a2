import { createHash, scryptSync } from 'node:crypto';

/**
 * The account a store belongs to, from the login guard's key (server and user however they
 * are spelt, see loginWindowKey), hashed: file and key names show neither.
 */
export function accountId(loginKey: string): string {
  return createHash('sha256').update(`fusionsolar-account\0${loginKey}`).digest('hex');
}

/**
 * Who logged in, as a salted slow hash: a token or a rejection applies only to the same
 * credentials, and a stolen state file gives no cheap way to test password guesses.
 */
export function credentialId(account: string, password: string): string {
  return scryptSync(password, account, 24, { N: 4096, r: 8, p: 1 }).toString('hex');
}
