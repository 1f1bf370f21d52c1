/** Password hashing (scrypt) and Knox-style tokens: the clear token is shown once, only its digest is kept. */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const SCRYPT_KEYLEN = 32;
// Low cost on purpose: this is a local reference server and tests sign in many times.
const SCRYPT_OPTIONS = { N: 1 << 14, r: 8, p: 1 } as const;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, SCRYPT_KEYLEN, SCRYPT_OPTIONS, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Format: `scrypt$<salt hex>$<key hex>`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltHex, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || saltHex === undefined || keyHex === undefined) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = await scryptAsync(password, Buffer.from(saltHex, 'hex'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface IssuedToken {
  token: string;
  tokenKey: string;
  digest: string;
}

/** Knox tokens are 64 hex characters; the first 8 are the "token key". */
export function generateToken(): IssuedToken {
  const token = randomBytes(32).toString('hex');
  return { token, tokenKey: token.slice(0, 8), digest: digestToken(token) };
}

export function digestToken(token: string): string {
  return createHash('sha512').update(token, 'utf8').digest('hex');
}
