import { PBKDF2_ITERATIONS } from '../../domain/password';
import { concat, fromHex, label, utf8, type Bytes } from './bytes';
import { importPublicKey } from './keys';

/**
 * Key wrapping for bundles and the administrator key (decision 0030). Every key-encryption key
 * here is used exactly once (it depends on a fresh ephemeral key or a fresh salt), so AES-GCM
 * runs with an all-zero nonce.
 */
export const ZERO_NONCE = new Uint8Array(12);

/** At most this many PBKDF2 iterations are accepted from a file, so a file cannot stall a station. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

async function hkdfBits(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, bits: number): Promise<Bytes> {
  const key = await crypto.subtle.importKey('raw', ikm as Bytes, 'HKDF', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: salt as Bytes, info: info as Bytes }, key, bits));
}

/** An AES-256-GCM or HMAC-SHA-256 key derived from `ikm` with HKDF-SHA-256 and an empty salt. */
export async function deriveKey(ikm: Uint8Array, name: string, algorithm: 'AES-GCM' | 'HMAC'): Promise<CryptoKey> {
  const raw = await hkdfBits(ikm, new Uint8Array(0), label(name), 256);
  const params = algorithm === 'AES-GCM' ? { name: 'AES-GCM' } : { name: 'HMAC', hash: 'SHA-256' };
  const usage: KeyUsage[] = algorithm === 'AES-GCM' ? ['encrypt', 'decrypt'] : ['sign', 'verify'];
  return crypto.subtle.importKey('raw', raw, params, false, usage);
}

async function aesKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw as Bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(key: CryptoKey, plain: Uint8Array, aad: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: ZERO_NONCE, additionalData: aad as Bytes }, key, plain as Bytes));
}

async function open(key: CryptoKey, sealed: Uint8Array, aad: Uint8Array): Promise<Bytes | null> {
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: ZERO_NONCE, additionalData: aad as Bytes }, key, sealed as Bytes));
  } catch {
    return null;
  }
}

/** KEK = HKDF(X25519(ephemeral, recipient), salt = ephemeralPub ‖ recipientPub, "recipient"). */
async function recipientKek(privateKey: CryptoKey, peerPublicHex: string, ephemeralHex: string, recipientHex: string): Promise<CryptoKey> {
  const peer = await importPublicKey('X25519', peerPublicHex);
  const shared = new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: peer }, privateKey, 256));
  return aesKey(await hkdfBits(shared, concat(fromHex(ephemeralHex), fromHex(recipientHex)), label('recipient'), 256));
}

/** The file key sealed for one station: 48 bytes (32 + tag), bound to the station id. */
export async function wrapForStation(
  fileKey: Uint8Array,
  ephemeral: { privateKey: CryptoKey; publicHex: string },
  recipient: { station: string; agreementHex: string },
): Promise<Bytes> {
  const kek = await recipientKek(ephemeral.privateKey, recipient.agreementHex, ephemeral.publicHex, recipient.agreementHex);
  return seal(kek, fileKey, utf8(recipient.station));
}

/** The file key, or null when the stanza was not sealed for these keys. */
export async function unwrapForStation(
  wrapped: Uint8Array,
  ephemeralHex: string,
  me: { station: string; agreementPrivate: CryptoKey; agreementHex: string },
): Promise<Bytes | null> {
  try {
    const kek = await recipientKek(me.agreementPrivate, ephemeralHex, ephemeralHex, me.agreementHex);
    return await open(kek, wrapped, utf8(me.station));
  } catch {
    // A malformed or low-order ephemeral key makes X25519 fail: not for us either way.
    return null;
  }
}

/** AES-256-GCM key from a passphrase: PBKDF2-SHA-256, NFC-normalised, at least 600,000 iterations. */
export async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (!Number.isSafeInteger(iterations) || iterations < PBKDF2_ITERATIONS || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be between ${PBKDF2_ITERATIONS} and ${MAX_PBKDF2_ITERATIONS}`);
  }
  const base = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Bytes, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  );
}

export interface PassphraseParams {
  salt: Uint8Array;
  iterations: number;
}

/** The file key sealed under a passphrase (the emergency stanza). */
export async function wrapWithPassphrase(fileKey: Uint8Array, passphrase: string, params: PassphraseParams): Promise<Bytes> {
  return seal(await passphraseKey(passphrase, params.salt, params.iterations), fileKey, label('passphrase'));
}

export async function unwrapWithPassphrase(wrapped: Uint8Array, passphrase: string, params: PassphraseParams): Promise<Bytes | null> {
  return open(await passphraseKey(passphrase, params.salt, params.iterations), wrapped, label('passphrase'));
}
