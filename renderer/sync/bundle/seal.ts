import { concat, label, randomBytes, sha256, toHex, type Bytes } from '../crypto/bytes';
import { keyPairFromSeed, rawPublicKey, sign, type StationKeys } from '../crypto/keys';
import { deriveKey, wrapForStation, wrapWithPassphrase } from '../crypto/wrap';
import { uuidv7 } from '../ids';
import { encodeHeader, encodePreamble, layoutOf, type BundleHeader, type Compression } from './format';

/**
 * Everything random in a bundle. Injected only for the fixed test vectors; otherwise fresh.
 * Chunk nonces are counters and the key-wrapping nonces are zero (their keys are used once),
 * so these fully determine the bytes.
 */
export interface BundleRandomness {
  bundle: string;
  /** 32 bytes. */
  fileKey: Uint8Array;
  /** 32-byte private key of the bundle's ephemeral X25519 key. */
  ephemeral: Uint8Array;
  /** 16 bytes, for the passphrase stanza. */
  passphraseSalt: Uint8Array;
}

export function freshRandomness(nowMs: number): BundleRandomness {
  return { bundle: uuidv7(nowMs), fileKey: randomBytes(32), ephemeral: randomBytes(32), passphraseSalt: randomBytes(16) };
}

/** Chunk nonce: 11-byte big-endian counter ‖ 1 on the last chunk, 0 before. */
export function chunkNonce(index: number, last: boolean): Bytes {
  const nonce = new Uint8Array(12);
  let n = index;
  for (let i = 10; i >= 0 && n > 0; i--) {
    nonce[i] = n % 256;
    n = Math.floor(n / 256);
  }
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** What the sender signs: "zonelink/v1/bundle\0" ‖ SHA-256(preamble ‖ header ‖ MAC) ‖ SHA-256 of each chunk. */
export async function bundleSignatureMessage(bytes: Uint8Array, chunksStart: number, chunks: ReadonlyArray<readonly [number, number]>): Promise<Bytes> {
  const hashes = await Promise.all([sha256(bytes.subarray(0, chunksStart)), ...chunks.map(([s, e]) => sha256(bytes.subarray(s, e)))]);
  return concat(label('bundle'), ...hashes);
}

export interface SealInput {
  sender: StationKeys;
  network: string;
  recipients: ReadonlyArray<{ station: string; agreement: string }>;
  passphrase: { text: string; iterations: number } | null;
  /** The payload as stored (compressed unless `compression` is 'none') and its unpacked length. */
  payload: { bytes: Uint8Array; compression: Compression; plainLength: number };
  chunkSize: number;
  random: BundleRandomness;
}

/** Encrypts, MACs and signs a payload into bundle bytes. No checks: writeBundle makes them. */
export async function sealBundle(input: SealInput): Promise<Bytes> {
  const { random, payload } = input;
  const ephemeral = await keyPairFromSeed('X25519', random.ephemeral);
  const ephemeralHex = await rawPublicKey(ephemeral.publicKey);
  const recipients = await Promise.all(
    input.recipients.map(async (r) => ({
      station: r.station,
      key: toHex(await wrapForStation(random.fileKey, { privateKey: ephemeral.privateKey, publicHex: ephemeralHex }, { station: r.station, agreementHex: r.agreement })),
    })),
  );
  const passphrase = input.passphrase
    ? {
        iterations: input.passphrase.iterations,
        salt: toHex(random.passphraseSalt),
        key: toHex(await wrapWithPassphrase(random.fileKey, input.passphrase.text, { salt: random.passphraseSalt, iterations: input.passphrase.iterations })),
      }
    : null;
  const header: BundleHeader = {
    bundle: random.bundle,
    network: input.network,
    sender: input.sender.station,
    compression: payload.compression,
    chunkSize: input.chunkSize,
    payloadLength: payload.bytes.length,
    plainLength: payload.plainLength,
    ephemeral: ephemeralHex,
    recipients,
    passphrase,
  };
  const headerBytes = encodeHeader(header);
  const layout = layoutOf(headerBytes.length, header);
  const out = new Uint8Array(layout.totalLength);
  out.set(await encodePreamble(headerBytes, layout.totalLength), 0);
  out.set(headerBytes, layout.headerStart);
  const macKey = await deriveKey(random.fileKey, 'header-mac', 'HMAC');
  out.set(new Uint8Array(await crypto.subtle.sign('HMAC', macKey, out.subarray(0, layout.macStart))), layout.macStart);
  const payloadKey = await deriveKey(random.fileKey, 'payload', 'AES-GCM');
  await Promise.all(
    layout.chunks.map(async ([start], i) => {
      const plain = payload.bytes.subarray(i * input.chunkSize, (i + 1) * input.chunkSize);
      const iv = chunkNonce(i, i === layout.chunks.length - 1);
      out.set(new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, payloadKey, plain as Bytes)), start);
    }),
  );
  const message = await bundleSignatureMessage(out, layout.chunksStart, layout.chunks);
  out.set(await sign(input.sender.signing.privateKey, message), layout.signatureStart);
  return out;
}
