import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

/** Bytes backed by a plain ArrayBuffer, which is what WebCrypto and the streams accept. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

/** Decodes UTF-8, throwing a TypeError on malformed input. */
export function fromUtf8(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

export function concat(...parts: readonly Uint8Array[]): Bytes {
  return concatAll(parts);
}

/** concat for lists of any length: a spread of 100k arguments overflows a Worker's stack. */
export function concatAll(parts: readonly Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function u32(n: number): Bytes {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new RangeError(`u32: ${n}`);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

export function readU32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

export function toHex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/** Lower-case hex of exactly `length` bytes (any length when omitted). */
export function isHex(value: unknown, length?: number): value is string {
  if (typeof value !== 'string' || value.length % 2 !== 0) return false;
  if (length !== undefined && value.length !== length * 2) return false;
  return /^[0-9a-f]*$/.test(value);
}

export function fromHex(hex: string): Bytes {
  if (!isHex(hex)) throw new TypeError('fromHex: not lower-case hex');
  return new Uint8Array(hexToBytes(hex));
}

/** Nibble value of each lower-case hex digit's char code; -1 for anything else. */
const NIBBLE = Int8Array.from({ length: 128 }, (_, code) => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1));

/**
 * Many lower-case hex values of `size` bytes each, decoded into one buffer (the op hashes of a
 * segment: 100k of them). Throws a TypeError on a value of another length or a non-hex digit.
 */
export function fromHexList(values: readonly string[], size: number): Bytes {
  const out = new Uint8Array(values.length * size);
  let at = 0;
  for (const hex of values) {
    if (hex.length !== size * 2) throw new TypeError('fromHexList: wrong length');
    for (let i = 0; i < hex.length; i += 2) {
      const high = NIBBLE[hex.charCodeAt(i)] ?? -1;
      const low = NIBBLE[hex.charCodeAt(i + 1)] ?? -1;
      if (high < 0 || low < 0) throw new TypeError('fromHexList: not lower-case hex');
      out[at++] = (high << 4) | low;
    }
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function sha256(data: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Bytes));
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Domain-separation label: "zonelink/v1/<name>" followed by a zero byte. */
export function label(name: string): Bytes {
  return utf8(`zonelink/v1/${name}\0`);
}
