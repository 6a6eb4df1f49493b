import { concat, fromHex, toHex, type Bytes } from './bytes';

/**
 * The network's one algorithm suite (decision 0030): Ed25519 signatures, X25519 key agreement,
 * HKDF-SHA-256, AES-256-GCM. It is recorded in every roster version; a roster naming another
 * suite needs a newer app.
 */
export const SUITE = 'ed25519-x25519-hkdf-sha256-aes-256-gcm';

/** Raw public keys (32 bytes each) as lower-case hex: what the roster publishes. */
export interface StationPublicKeys {
  signing: string;
  agreement: string;
}

/**
 * A station's own keys. The private keys are non-extractable CryptoKeys: they can be used but
 * never read, and being structured-cloneable they are stored in IndexedDB as they are. Nothing
 * here can make them leave the station.
 */
export interface StationKeys {
  station: string;
  signing: CryptoKeyPair;
  agreement: CryptoKeyPair;
  publicKeys: StationPublicKeys;
}

type Curve = 'Ed25519' | 'X25519';

const usages: Record<Curve, { priv: KeyUsage[]; pub: KeyUsage[] }> = {
  Ed25519: { priv: ['sign'], pub: ['verify'] },
  X25519: { priv: ['deriveBits'], pub: [] },
};

export async function rawPublicKey(key: CryptoKey): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export async function generateKeyPair(curve: Curve): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey({ name: curve }, false, [...usages[curve].priv, ...usages[curve].pub])) as CryptoKeyPair;
}

/** A key pair made at first run; the private halves are non-extractable. */
export async function createStationKeys(station: string): Promise<StationKeys> {
  const [signing, agreement] = await Promise.all([generateKeyPair('Ed25519'), generateKeyPair('X25519')]);
  return {
    station,
    signing,
    agreement,
    publicKeys: { signing: await rawPublicKey(signing.publicKey), agreement: await rawPublicKey(agreement.publicKey) },
  };
}

// RFC 8410 PKCS#8 wrapping of a 32-byte private key; the byte before 0x04 0x22 names the curve.
const PKCS8_PREFIX = (oid: number) => new Uint8Array([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, oid, 0x04, 0x22, 0x04, 0x20]);
const OID: Record<Curve, number> = { Ed25519: 0x70, X25519: 0x6e };

function fromBase64Url(text: string): Bytes {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * The key pair of a given 32-byte private key, private half non-extractable. For injected
 * randomness (the bundle's ephemeral key in test vectors) and fixed test keys.
 */
export async function keyPairFromSeed(curve: Curve, seed: Uint8Array): Promise<CryptoKeyPair> {
  if (seed.length !== 32) throw new RangeError('keyPairFromSeed: needs 32 bytes');
  const pkcs8 = concat(PKCS8_PREFIX(OID[curve]), seed);
  // WebCrypto cannot derive a public key directly; an extractable copy's JWK carries it.
  const temporary = await crypto.subtle.importKey('pkcs8', pkcs8, { name: curve }, true, usages[curve].priv);
  const { x } = await crypto.subtle.exportKey('jwk', temporary);
  if (!x) throw new TypeError('keyPairFromSeed: no public key in JWK');
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.importKey('pkcs8', pkcs8, { name: curve }, false, usages[curve].priv),
    crypto.subtle.importKey('raw', fromBase64Url(x), { name: curve }, true, usages[curve].pub),
  ]);
  return { privateKey, publicKey };
}

export async function importPublicKey(curve: Curve, hex: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromHex(hex), { name: curve }, true, usages[curve].pub);
}

export async function sign(privateKey: CryptoKey, message: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.sign('Ed25519', privateKey, message as Bytes));
}

/** False for a bad signature and for a public key or signature that is not even well formed. */
export async function verify(publicKeyHex: string, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (signature.length !== 64) return false;
  try {
    const key = await importPublicKey('Ed25519', publicKeyHex);
    return await crypto.subtle.verify('Ed25519', key, signature as Bytes, message as Bytes);
  } catch {
    return false;
  }
}
