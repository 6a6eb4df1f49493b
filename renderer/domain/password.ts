/**
 * Passwords are stored only as PBKDF2-SHA-256 hashes (OWASP 2023: at least 600,000 iterations)
 * with a random 16-byte salt. WebCrypto does the work, so it runs off the main thread.
 */
export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64, 32 bytes */
  hash: string;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPassword(
  password: string,
  iterations: number = PBKDF2_ITERATIONS,
  salt: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<PasswordHash> {
  if (iterations < PBKDF2_ITERATIONS) throw new RangeError(`PBKDF2 needs at least ${PBKDF2_ITERATIONS} iterations`);
  const hash = await derive(password, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** Compares in constant time for equal lengths. */
export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (stored.algorithm !== 'PBKDF2-SHA-256' || stored.iterations < PBKDF2_ITERATIONS) return false;
  const expected = fromBase64(stored.hash);
  const actual = await derive(password, fromBase64(stored.salt), stored.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}

/** A stable problem code (catalogue key `error.password.<code>`), or null when acceptable. */
export function passwordProblem(password: string, personnelNumber?: string): 'tooShort' | 'sameAsNumber' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (personnelNumber && password.trim().toLowerCase() === personnelNumber.trim().toLowerCase()) return 'sameAsNumber';
  return null;
}
