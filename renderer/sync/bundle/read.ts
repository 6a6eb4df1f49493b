import { fromHex, type Bytes } from '../crypto/bytes';
import { verify, type StationKeys } from '../crypto/keys';
import { deriveKey, unwrapForStation, unwrapWithPassphrase } from '../crypto/wrap';
import { checkOps, opKey } from '../op';
import { adoptRoster, type RosterAdoption } from '../roster/chain';
import { revocationCutoff, rosterStation, type RosterDocument, type SignedRoster } from '../roster/roster';
import { decompress } from './compress';
import { DEFAULT_LIMITS, inspectBundle, type BundleHeader, type BundleLayout, type Limits } from './format';
import { RefusalError, refuse, type Refusal } from './reasons';
import { decodeRecords, type BundleMeta } from './records';
import { bundleSignatureMessage, chunkNonce } from './seal';
import { verifySegmentSignature, type SignedSegment } from './segment';

export interface ReadBundleOptions {
  /** This station's trusted roster chain (versions 1..n). */
  roster: readonly SignedRoster[];
  /** This station's keys; absent when reading with the emergency passphrase only. */
  keys?: StationKeys;
  passphrase?: string;
  /** Audience rule of the record layer: may this station hold ops of this stream? */
  acceptStream: (stream: string) => boolean;
  limits?: Partial<Limits>;
}

/** An op that verified but is not taken: its origin is revoked past its cutoff, or unknown. */
export interface RejectedOp {
  key: string;
  hash: string;
  reason: 'unknownSigner';
  detail: string;
}

export interface BundleRead {
  ok: true;
  bundle: string;
  network: string;
  sender: string;
  recipients: string[];
  meta: BundleMeta;
  /** The roster after adopting the versions the bundle carried: store `chain`, show `forks` to administrators. */
  roster: RosterAdoption;
  /** Verified segments with their signatures, ready to store and relay; ops outside the audience and rejected ops are left out. */
  segments: SignedSegment[];
  rejected: RejectedOp[];
  /** How many verified ops were left out because this station is not in their audience. */
  outsideAudience: number;
}

/**
 * Reads a bundle and verifies all of it before returning anything (decision 0031): checksums,
 * the file key from this station's stanza (or the passphrase), the header MAC, every chunk,
 * the unpacked payload and its end record, the roster versions it carries, the sender's
 * signature, and each segment's origin signature and ops. Any failure refuses the whole
 * bundle with a reason code; only revoked or unknown origins' ops are set aside one by one.
 */
export async function readBundle(bytes: Uint8Array, options: ReadBundleOptions): Promise<BundleRead | Refusal> {
  try {
    return await read(bytes, options, { ...DEFAULT_LIMITS, ...options.limits });
  } catch (error) {
    if (error instanceof RefusalError) return error.refusal;
    return { ok: false, reason: 'corrupted', detail: `unexpected: ${String(error)}`, params: {} };
  }
}

async function read(bytes: Uint8Array, options: ReadBundleOptions, limits: Limits): Promise<BundleRead> {
  const { header, layout } = await inspectBundle(bytes, limits);
  const network = options.roster[0]?.document.network;
  if (header.network !== network) refuse('unknownNetwork', `network ${header.network}`);
  const fileKey = await openFileKey(header, options);
  const macKey = await deriveKey(fileKey, 'header-mac', 'HMAC');
  const mac = bytes.subarray(layout.macStart, layout.chunksStart) as Bytes;
  if (!(await crypto.subtle.verify('HMAC', macKey, mac, bytes.subarray(0, layout.macStart) as Bytes))) refuse('corrupted', 'header MAC');
  const payload = await decryptChunks(bytes, layout, await deriveKey(fileKey, 'payload', 'AES-GCM'));
  const plain = await decompress(payload, header.compression, header.plainLength);
  const contents = await decodeRecords(plain, limits);
  const roster = await adoptRoster(options.roster, contents.rosters);
  if (!roster.ok) refuse(roster.reason, roster.detail, roster.params);
  const tip = roster.chain[roster.chain.length - 1]!.document;
  const sender = rosterStation(tip, header.sender);
  if (!sender?.keys) refuse('unknownSigner', `sender ${header.sender} has no keys in roster version ${tip.version}`);
  if (tip.revocations.some((r) => r.station === sender.id)) refuse('unknownSigner', `sender ${sender.id} is revoked`);
  const message = await bundleSignatureMessage(bytes, layout.chunksStart, layout.chunks);
  if (!(await verify(sender.keys.signing, bytes.subarray(layout.signatureStart), message))) refuse('corrupted', "sender's signature");
  const checked = await checkSegments(contents.segments, { tip, sender: sender.id, acceptStream: options.acceptStream });
  return {
    ok: true,
    bundle: header.bundle,
    network: header.network,
    sender: header.sender,
    recipients: header.recipients.map((r) => r.station),
    meta: contents.meta,
    roster,
    ...checked,
  };
}

async function openFileKey(header: BundleHeader, options: ReadBundleOptions): Promise<Bytes> {
  const { keys, passphrase } = options;
  const stanza = keys && header.recipients.find((r) => r.station === keys.station);
  if (keys && stanza) {
    const me = { station: keys.station, agreementPrivate: keys.agreement.privateKey, agreementHex: keys.publicKeys.agreement };
    const fileKey = await unwrapForStation(fromHex(stanza.key), header.ephemeral, me);
    if (fileKey) return fileKey;
  }
  if (passphrase !== undefined && header.passphrase) {
    const { iterations, salt, key } = header.passphrase;
    const fileKey = await unwrapWithPassphrase(fromHex(key), passphrase, { iterations, salt: fromHex(salt) });
    if (fileKey) return fileKey;
    refuse('wrongPassphrase', 'passphrase stanza does not open');
  }
  const why = stanza ? `the stanza for ${stanza.station} was not sealed for its key` : `for ${header.recipients.map((r) => r.station).join(', ')}`;
  return refuse('notForThisStation', why);
}

async function decryptChunks(bytes: Uint8Array, layout: BundleLayout, key: CryptoKey): Promise<Bytes> {
  const last = layout.chunks.length - 1;
  const plain = await Promise.all(
    layout.chunks.map(async ([start, end], i) => {
      try {
        const iv = chunkNonce(i, i === last);
        return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, bytes.subarray(start, end) as Bytes));
      } catch {
        return refuse('corrupted', `chunk ${i} does not decrypt`);
      }
    }),
  );
  const out = new Uint8Array(plain.reduce((n, p) => n + p.length, 0));
  plain.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

interface SegmentContext {
  tip: RosterDocument;
  sender: string;
  acceptStream: (stream: string) => boolean;
}

/**
 * A failure of something that claims to come from the sender is the sender's own damage
 * (corrupted); of something that claims another origin, a relay changed it (alteredByRelay).
 */
function blame(ctx: SegmentContext, origin: string, detail: string): never {
  return refuse(origin === ctx.sender ? 'corrupted' : 'alteredByRelay', detail);
}

async function checkSegments(segments: SignedSegment[], ctx: SegmentContext): Promise<Pick<BundleRead, 'segments' | 'rejected' | 'outsideAudience'>> {
  const kept: SignedSegment[] = [];
  const rejected: RejectedOp[] = [];
  let outsideAudience = 0;
  for (const segment of segments) {
    const origin = rosterStation(ctx.tip, segment.origin);
    const listed = new Set(segment.hashes);
    const seen = new Set<string>();
    const checked = await checkOps(segment.ops);
    const hashes = segment.ops.map((op, i) => {
      const hash = checked[i] ?? null;
      if (op.origin !== segment.origin) blame(ctx, op.origin, `op ${opKey(op)} in a segment of ${segment.origin}`);
      if (hash === null) blame(ctx, op.origin, `op ${opKey(op)}: value does not match its hash`);
      if (!listed.has(hash)) blame(ctx, op.origin, `op ${opKey(op)} is not among the hashes its origin signed`);
      if (seen.has(hash)) refuse('corrupted', `op ${opKey(op)} twice in one segment`);
      seen.add(hash);
      return hash;
    });
    if (!origin?.keys) {
      segment.ops.forEach((op, i) => rejected.push({ key: opKey(op), hash: hashes[i]!, reason: 'unknownSigner', detail: `origin ${segment.origin} is not in the roster` }));
      continue;
    }
    if (!(await verifySegmentSignature(segment, ctx.tip.network, origin.keys.signing))) {
      blame(ctx, segment.origin, `segment of ${segment.origin}: signature does not verify`);
    }
    const ops = segment.ops.filter((op, i) => {
      const cutoff = revocationCutoff(ctx.tip, op.origin, op.stream);
      if (cutoff !== null && op.seq > cutoff) {
        rejected.push({ key: opKey(op), hash: hashes[i]!, reason: 'unknownSigner', detail: `origin revoked after seq ${cutoff} in ${op.stream}` });
        return false;
      }
      if (!ctx.acceptStream(op.stream)) {
        outsideAudience++;
        return false;
      }
      return true;
    });
    kept.push({ ...segment, ops });
  }
  return { segments: kept, rejected, outsideAudience };
}

