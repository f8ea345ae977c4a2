import { createHash, scryptSync } from 'node:crypto';

/** The account a store belongs to: origin and username, hashed (file and key names show neither). */
export function accountId(baseUrl: string, username: string): string {
  return createHash('sha256').update(`fusionsolar-account\0${new URL(baseUrl).origin}\0${username}`).digest('hex');
}

/**
 * Who logged in, as a salted slow hash: a token or a rejection applies only to the same
 * credentials, and a stolen state file gives no cheap way to test password guesses.
 */
export function credentialId(baseUrl: string, username: string, password: string): string {
  const salt = accountId(baseUrl, username);
  return scryptSync(password, salt, 24, { N: 4096, r: 8, p: 1 }).toString('hex');
}
