import { createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, verify } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';

/**
 * A second reader of the bundle format, written from docs/bundle-format.md with Node's own
 * crypto and zlib instead of the app's code: if it reads the fixed vectors, the document
 * describes the bytes well enough for another implementation.
 */
const b64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
const sha256 = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const label = (name: string) => Buffer.from(`zonelink/v1/${name}\0`);
const hkdf = (ikm: Buffer, salt: Buffer, name: string) => Buffer.from(hkdfSync('sha256', ikm, salt, label(name), 32));

function aesGcmOpen(key: Buffer, nonce: Buffer, sealed: Buffer, aad?: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

function ed25519Verify(publicHex: string, message: Buffer, signature: Buffer): boolean {
  return verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicHex) }, format: 'jwk' }), signature);
}

export interface IndependentRead {
  header: Record<string, unknown> & { sender: string; network: string };
  records: Array<{ type: number; body: unknown }>;
}

export function readIndependently(
  file: Buffer,
  me: { id: string; agreementSeed: string; agreement: string },
  signingKeyOf: (station: string) => string,
): IndependentRead {
  if (!file.subarray(0, 8).equals(Buffer.from('895a4c420d0a1a0a', 'hex'))) throw new Error('magic');
  if (file.readUInt16BE(8) !== 1) throw new Error('version');
  const n = file[10]!;
  const hlen = file.readUInt32BE(11 + n);
  const total = file.readUInt32BE(15 + n);
  if (!sha256(file.subarray(0, 51 + n)).equals(file.subarray(51 + n, 83 + n))) throw new Error('preamble check');
  if (total !== file.length) throw new Error('total length');
  const headerBytes = file.subarray(83 + n, 83 + n + hlen);
  if (!sha256(headerBytes).equals(file.subarray(19 + n, 51 + n))) throw new Error('header hash');
  const header = JSON.parse(headerBytes.toString('utf8'));
  const macStart = 83 + n + hlen;
  const chunksStart = macStart + 32;

  const stanza = header.recipients.find((r: { station: string }) => r.station === me.id);
  const privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: b64url(me.agreementSeed), x: b64url(me.agreement) }, format: 'jwk' });
  const ephemeral = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: b64url(header.ephemeral) }, format: 'jwk' });
  const shared = diffieHellman({ privateKey, publicKey: ephemeral });
  const kek = hkdf(shared, Buffer.concat([Buffer.from(header.ephemeral, 'hex'), Buffer.from(me.agreement, 'hex')]), 'recipient');
  const fileKey = aesGcmOpen(kek, Buffer.alloc(12), Buffer.from(stanza.key, 'hex'), Buffer.from(me.id));

  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header-mac')).update(file.subarray(0, macStart)).digest();
  if (!mac.equals(file.subarray(macStart, chunksStart))) throw new Error('header MAC');

  const payloadKey = hkdf(fileKey, Buffer.alloc(0), 'payload');
  const chunkHashes: Buffer[] = [];
  const plainChunks: Buffer[] = [];
  let at = chunksStart;
  const count = Math.ceil(header.payloadLength / header.chunkSize);
  for (let i = 0; i < count; i++) {
    const size = Math.min(header.chunkSize, header.payloadLength - i * header.chunkSize) + 16;
    const chunk = file.subarray(at, at + size);
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(i, 5, 6);
    nonce[11] = i === count - 1 ? 1 : 0;
    plainChunks.push(aesGcmOpen(payloadKey, nonce, chunk));
    chunkHashes.push(sha256(chunk));
    at += size;
  }
  const signed = Buffer.concat([label('bundle'), sha256(file.subarray(0, chunksStart)), ...chunkHashes]);
  if (!ed25519Verify(signingKeyOf(header.sender), signed, file.subarray(at))) throw new Error("sender's signature");

  const payload = Buffer.concat(plainChunks);
  const plain = header.compression === 'deflate-raw' ? inflateRawSync(payload) : payload;
  if (plain.length !== header.plainLength) throw new Error('plain length');
  const records: IndependentRead['records'] = [];
  for (let p = 0; p < plain.length; ) {
    const length = plain.readUInt32BE(p + 1);
    records.push({ type: plain[p]!, body: JSON.parse(plain.subarray(p + 5, p + 5 + length).toString('utf8')) });
    if (plain[p] === 0x7f) {
      const end = records[records.length - 1]!.body as { records: number; sha256: string };
      if (end.records !== records.length - 1 || end.sha256 !== sha256(plain.subarray(0, p)).toString('hex')) throw new Error('end record');
    }
    p += 5 + length;
  }
  for (const record of records.filter((r) => r.type === 0x03)) {
    const segment = record.body as { origin: string; hashes: string[]; signature: string };
    const message = Buffer.concat([label('segment'), Buffer.from(`${header.network}\0${segment.origin}\0`), sha256(...segment.hashes.map((h) => Buffer.from(h, 'hex')))]);
    if (!ed25519Verify(signingKeyOf(segment.origin), message, Buffer.from(segment.signature, 'hex'))) throw new Error('segment signature');
  }
  return { header, records };
}
