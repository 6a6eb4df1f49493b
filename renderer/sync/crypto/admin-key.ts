import { DomainError } from '../../domain/errors';
import { PBKDF2_ITERATIONS, passwordProblem } from '../../domain/password';
import { concat, fromHex, isHex, label, randomBytes, toHex, utf8, type Bytes } from './bytes';
import { rawPublicKey, sign } from './keys';
import { passphraseKey, ZERO_NONCE } from './wrap';

/**
 * A network administrator's signing key, kept only wrapped: PBKDF2-SHA-256 of the passphrase
 * gives an AES-256-GCM key that wraps the PKCS#8 private key (decision 0034). It is unwrapped,
 * as a non-extractable key, for one signature at a time and then dropped.
 */
export interface WrappedAdminKey {
  /** Person id of the administrator. */
  person: string;
  /** Raw Ed25519 public key, hex: what the roster lists. */
  publicKey: string;
  iterations: number;
  /** 16 bytes, hex. */
  salt: string;
  /** AES-256-GCM of the PKCS#8 private key, hex. */
  wrapped: string;
}

function aad(person: string, publicKey: string): Bytes {
  return concat(label('admin-key'), utf8(`${person}\0${publicKey}`));
}

export async function createAdminKey(
  person: string,
  passphrase: string,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<WrappedAdminKey> {
  const problem = passwordProblem(passphrase);
  if (problem) throw new DomainError(`password.${problem}`);
  const salt = randomBytes(16);
  const kek = await passphraseKey(passphrase, salt, iterations);
  // Extractable only so that wrapKey may read it; the CryptoKey is dropped right after.
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = await rawPublicKey(pair.publicKey);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', pair.privateKey, kek, {
    name: 'AES-GCM',
    iv: ZERO_NONCE,
    additionalData: aad(person, publicKey),
  });
  return { person, publicKey, iterations, salt: toHex(salt), wrapped: toHex(new Uint8Array(wrapped)) };
}

/** Signs one message; a wrong passphrase throws DomainError('adminKey.wrongPassphrase'). */
export async function signAsAdmin(key: WrappedAdminKey, passphrase: string, message: Uint8Array): Promise<Bytes> {
  if (!isHex(key.salt, 16) || !isHex(key.wrapped) || !isHex(key.publicKey, 32)) throw new DomainError('adminKey.damaged');
  const kek = await passphraseKey(passphrase, fromHex(key.salt), key.iterations);
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.unwrapKey(
      'pkcs8',
      fromHex(key.wrapped),
      kek,
      { name: 'AES-GCM', iv: ZERO_NONCE, additionalData: aad(key.person, key.publicKey) },
      { name: 'Ed25519' },
      false,
      ['sign'],
    );
  } catch {
    throw new DomainError('adminKey.wrongPassphrase');
  }
  return sign(privateKey, message);
}
