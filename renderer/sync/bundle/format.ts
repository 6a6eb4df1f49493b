import { z } from 'zod';
import { PBKDF2_ITERATIONS } from '../../domain/password';
import { canonicalJson } from '../canonical';
import { MAX_PBKDF2_ITERATIONS } from '../crypto/wrap';
import { concat, equalBytes, fromUtf8, isHex, readU32, sha256, u32, utf8, type Bytes } from '../crypto/bytes';
import { isUuid } from '../ids';
import { refuse } from './reasons';

/**
 * The bundle's byte layout (docs/bundle-format.md, decision 0031). Everything up to the header
 * MAC is readable without keys, so a station can tell what a file is, who wrote it and for whom,
 * before it holds the file key.
 */
export const MAGIC: Bytes = new Uint8Array([0x89, 0x5a, 0x4c, 0x42, 0x0d, 0x0a, 0x1a, 0x0a]);
export const FORMAT_VERSION = 1;
/** The first Zonelink version that reads this format; written into every file, so an older app can name it. */
export const FORMAT_APP_VERSION = '0.1.0';
export const CHUNK_SIZE = 65_536;
export const MIN_CHUNK_SIZE = 256;
export const MAX_CHUNK_SIZE = 1_048_576;
export const TAG_BYTES = 16;
export const MAC_BYTES = 32;
export const SIGNATURE_BYTES = 64;
/** magic 8, version 2, length of the app version 1. */
const STABLE_PREFIX = 11;
/** header length 4, total length 4, header hash 32, preamble check 32. */
const PREAMBLE_REST = 72;

export type Compression = 'deflate-raw' | 'none';

/** Caps on every length a file declares; a reader may lower them. */
export interface Limits {
  maxFileBytes: number;
  maxHeaderBytes: number;
  /** Payload size after decompression, enforced while decompressing. */
  maxPlainBytes: number;
  maxRecordBytes: number;
  maxOps: number;
  maxSegments: number;
  maxSegmentHashes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxHeaderBytes: 256 * 1024,
  maxPlainBytes: 512 * 1024 * 1024,
  maxRecordBytes: 16 * 1024 * 1024,
  maxOps: 2_000_000,
  maxSegments: 100_000,
  maxSegmentHashes: 200_000,
};

export interface RecipientStanza {
  station: string;
  /** The 32-byte file key sealed for the station: 48 bytes, hex. */
  key: string;
}

export interface PassphraseStanza {
  iterations: number;
  /** 16 bytes, hex. */
  salt: string;
  /** The file key sealed under the passphrase: 48 bytes, hex. */
  key: string;
}

/** The plaintext header: canonical JSON, exactly these fields. */
export interface BundleHeader {
  bundle: string;
  network: string;
  sender: string;
  compression: Compression;
  chunkSize: number;
  /** Bytes of the (compressed) payload before encryption. */
  payloadLength: number;
  /** Bytes of the payload after decompression. */
  plainLength: number;
  /** The bundle's ephemeral X25519 public key, hex. */
  ephemeral: string;
  recipients: RecipientStanza[];
  passphrase: PassphraseStanza | null;
}

const id = z.string().min(1).max(100);
const sealedKey = z.string().refine((v) => isHex(v, 48));
const length = z.int().min(1).max(0xffff_ffff);
const headerSchema = z.strictObject({
  bundle: z.string().refine(isUuid),
  network: id,
  sender: id,
  compression: z.enum(['deflate-raw', 'none']),
  chunkSize: z.int().min(MIN_CHUNK_SIZE).max(MAX_CHUNK_SIZE).refine((n) => (n & (n - 1)) === 0),
  payloadLength: length,
  plainLength: length,
  ephemeral: z.string().refine((v) => isHex(v, 32)),
  recipients: z.array(z.strictObject({ station: id, key: sealedKey })),
  passphrase: z
    .strictObject({ iterations: z.int().min(PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS), salt: z.string().refine((v) => isHex(v, 16)), key: sealedKey })
    .nullable(),
});

/** Where each part of a bundle lies, in bytes from the start. */
export interface BundleLayout {
  headerStart: number;
  macStart: number;
  chunksStart: number;
  /** [start, end) of each encrypted chunk (ciphertext and tag). */
  chunks: Array<[number, number]>;
  signatureStart: number;
  totalLength: number;
}

export function chunkCount(payloadLength: number, chunkSize: number): number {
  return Math.ceil(payloadLength / chunkSize);
}

export function layoutOf(headerLength: number, header: Pick<BundleHeader, 'payloadLength' | 'chunkSize'>): BundleLayout {
  const headerStart = STABLE_PREFIX + FORMAT_APP_VERSION.length + PREAMBLE_REST;
  const macStart = headerStart + headerLength;
  const chunksStart = macStart + MAC_BYTES;
  const chunks: Array<[number, number]> = [];
  let at = chunksStart;
  for (let left = header.payloadLength; left > 0; left -= header.chunkSize) {
    const end = at + Math.min(left, header.chunkSize) + TAG_BYTES;
    chunks.push([at, end]);
    at = end;
  }
  return { headerStart, macStart, chunksStart, chunks, signatureStart: at, totalLength: at + SIGNATURE_BYTES };
}

/** Magic, version, app version, lengths, header hash and the check over all of them. */
export async function encodePreamble(headerBytes: Uint8Array, totalLength: number): Promise<Bytes> {
  const fields = concat(
    MAGIC,
    new Uint8Array([FORMAT_VERSION >> 8, FORMAT_VERSION & 0xff, FORMAT_APP_VERSION.length]),
    utf8(FORMAT_APP_VERSION),
    u32(headerBytes.length),
    u32(totalLength),
    await sha256(headerBytes),
  );
  return concat(fields, await sha256(fields));
}

export function encodeHeader(header: BundleHeader): Bytes {
  return utf8(canonicalJson(header));
}

export interface InspectedBundle {
  header: BundleHeader;
  layout: BundleLayout;
}

/**
 * Reads what a bundle says about itself without any key: checks magic, version, lengths and
 * checksums, and parses the header. Refuses (throws RefusalError) with notBundle, tooNew,
 * truncated, tooLarge or corrupted. Keyless checksums only tell damage from intent; the header
 * MAC and the sender's signature are checked later, with the keys.
 */
export async function inspectBundle(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<InspectedBundle> {
  if (bytes.length < MAGIC.length || !equalBytes(bytes.subarray(0, MAGIC.length), MAGIC)) refuse('notBundle', 'no Zonelink magic');
  if (bytes.length < STABLE_PREFIX) refuse('truncated', 'ends inside the preamble');
  const version = (bytes[8]! << 8) | bytes[9]!;
  const appLength = bytes[10]!;
  if (version > FORMAT_VERSION) {
    const appVersion = bytes.length >= STABLE_PREFIX + appLength ? String.fromCharCode(...bytes.subarray(STABLE_PREFIX, STABLE_PREFIX + appLength)) : '';
    refuse('tooNew', `format ${version}`, {
      format: version,
      supported: FORMAT_VERSION,
      appVersion: /^[0-9A-Za-z.+-]{1,32}$/.test(appVersion) ? appVersion : '?',
    });
  }
  if (version !== FORMAT_VERSION) refuse('corrupted', `format version ${version}`);
  if (appLength !== FORMAT_APP_VERSION.length) refuse('corrupted', 'preamble damaged');
  const checkAt = STABLE_PREFIX + appLength + PREAMBLE_REST - 32;
  const headerStart = checkAt + 32;
  if (bytes.length < headerStart) refuse('truncated', 'ends inside the preamble');
  if (!equalBytes(await sha256(bytes.subarray(0, checkAt)), bytes.subarray(checkAt, headerStart))) refuse('corrupted', 'preamble damaged');
  const headerLength = readU32(bytes, checkAt - 40);
  const totalLength = readU32(bytes, checkAt - 36);
  if (totalLength > limits.maxFileBytes || bytes.length > limits.maxFileBytes) refuse('tooLarge', `file of ${Math.max(totalLength, bytes.length)} bytes`);
  if (headerLength > limits.maxHeaderBytes) refuse('tooLarge', `header of ${headerLength} bytes`);
  if (bytes.length < totalLength) refuse('truncated', `${bytes.length} of ${totalLength} bytes`);
  if (bytes.length > totalLength) refuse('corrupted', `${bytes.length - totalLength} bytes too many`);
  const headerBytes = bytes.subarray(headerStart, headerStart + headerLength);
  if (headerStart + headerLength > totalLength || !equalBytes(await sha256(headerBytes), bytes.subarray(checkAt - 32, checkAt))) {
    refuse('corrupted', 'header damaged');
  }
  const header = parseHeader(headerBytes);
  if (header.plainLength > limits.maxPlainBytes) refuse('tooLarge', `payload of ${header.plainLength} bytes unpacked`);
  if (header.compression === 'none' && header.plainLength !== header.payloadLength) refuse('corrupted', 'stored payload with two lengths');
  const layout = layoutOf(headerLength, header);
  if (layout.totalLength !== totalLength) refuse('corrupted', 'lengths do not add up');
  return { header, layout };
}

function parseHeader(headerBytes: Uint8Array): BundleHeader {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(headerBytes));
  } catch {
    refuse('corrupted', 'header is not JSON');
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) refuse('corrupted', `header: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const header = parsed.data as BundleHeader;
  if (!equalBytes(encodeHeader(header), headerBytes)) refuse('corrupted', 'header is not canonical JSON');
  if (new Set(header.recipients.map((r) => r.station)).size !== header.recipients.length) refuse('corrupted', 'a recipient twice');
  if (header.recipients.length === 0 && !header.passphrase) refuse('corrupted', 'no recipient');
  return header;
}
