import { z } from 'zod';
import { parseAckTable, type AckTable } from '../acks';
import { canonicalJson } from '../canonical';
import { equalBytes, fromHex, fromUtf8, isHex, readU32, sha256, toHex, u32, type Bytes } from '../crypto/bytes';
import { opJson } from '../op';
import type { Limits } from './format';
import { parseOp } from './parse-op';
import { refuse } from './reasons';
import type { OutgoingSegment, SignedSegment } from './segment';

/**
 * The payload inside the encryption: a sequence of records `type (1) ‖ length (u32) ‖ body`,
 * bodies canonical JSON. Order: one meta, the roster versions, each segment followed by its
 * ops, one end record (docs/bundle-format.md).
 */
export const RECORD = { meta: 0x01, roster: 0x02, segment: 0x03, op: 0x04, end: 0x7f } as const;
const RECORD_HEAD = 5;

export interface BundleMeta {
  /** UTC ISO instant the sender wrote the bundle. */
  createdAt: string;
  /** The sender's app version ("major.minor.patch"). */
  appVersion: string;
  /** The sender's own acknowledgements (../acks.ts). */
  acks: AckTable;
}

export interface BundleContents {
  meta: BundleMeta;
  /** Roster versions as they travel; the reader verifies them. */
  rosters: readonly unknown[];
  segments: readonly OutgoingSegment[];
}

const metaSchema = z.strictObject({
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/),
  appVersion: z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/),
  acks: z.unknown(),
});
const segmentSchema = z.strictObject({
  origin: z.string().min(1).max(100),
  hashes: z.array(z.string().refine((v) => isHex(v, 32))).min(1),
  signature: z.string().refine((v) => isHex(v, 64)),
  ops: z.int().min(0),
});
const endSchema = z.strictObject({ records: z.int().min(0), sha256: z.string().refine((v) => isHex(v, 32)) });

const encoder = new TextEncoder();

/** Appends records to one growing buffer: no small arrays per op for 100k ops. */
export class RecordWriter {
  private buffer: Bytes;
  private length = 0;
  count = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  private room(bytes: number): void {
    if (this.buffer.length - this.length >= bytes) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + bytes));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  add(type: number, json: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    this.room(RECORD_HEAD + json.length * 3);
    const { written } = encoder.encodeInto(json, this.buffer.subarray(this.length + RECORD_HEAD));
    this.buffer[this.length] = type;
    this.buffer.set(u32(written), this.length + 1);
    this.length += RECORD_HEAD + written;
    this.count++;
  }

  /** Copies `count` records encoded before (an op page's). */
  addEncoded(records: Uint8Array, count: number): void {
    this.room(records.length);
    this.buffer.set(records, this.length);
    this.length += records.length;
    this.count += count;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.length;
  }

  /** The records so far, without copying: valid until the next add; its buffer may be larger than the records. */
  view(): Bytes {
    return this.buffer.subarray(0, this.length);
  }

  written(): Bytes {
    return this.buffer.slice(0, this.length);
  }
}

/** Room for the records, so the buffer seldom grows (each growth copies it): encoded ops as they are, others by their hash's share and a guess. */
function capacityFor(contents: BundleContents): number {
  let bytes = 1 << 16;
  for (const segment of contents.segments) {
    bytes += 67 * segment.hashes.length + 512 * segment.ops.length;
    for (const e of segment.encoded ?? []) bytes += e.records.length;
  }
  return bytes;
}

export async function encodeRecords(contents: BundleContents): Promise<Bytes> {
  const writer = new RecordWriter(capacityFor(contents));
  writer.add(RECORD.meta, canonicalJson(contents.meta));
  for (const roster of contents.rosters) writer.add(RECORD.roster, canonicalJson(roster));
  for (const { ops, encoded = [], ...segment } of contents.segments) {
    writer.add(RECORD.segment, canonicalJson({ ...segment, ops: ops.length + encoded.reduce((n, e) => n + e.count, 0) }));
    for (const op of ops) writer.add(RECORD.op, opJson(op));
    for (const e of encoded) writer.addEncoded(e.records, e.count);
  }
  const digest = toHex(await sha256(writer.view()));
  writer.add(RECORD.end, canonicalJson({ records: writer.count, sha256: digest }));
  // A view of the writer's buffer, not a copy: the payload is compressed and let go.
  return writer.view();
}

export interface DecodedContents {
  meta: BundleMeta;
  rosters: unknown[];
  segments: SignedSegment[];
}

/** Parses and checks the structure of every record; refuses with corrupted or tooLarge. */
export async function decodeRecords(plain: Uint8Array, limits: Limits): Promise<DecodedContents> {
  const records: Array<{ type: number; body: unknown; start: number }> = [];
  let at = 0;
  let opCount = 0;
  let segmentCount = 0;
  for (;;) {
    if (plain.length - at < RECORD_HEAD) refuse('corrupted', 'payload ends inside a record');
    const type = plain[at]!;
    const length = readU32(plain, at + 1);
    if (length > limits.maxRecordBytes) refuse('tooLarge', `record of ${length} bytes`);
    if (length > plain.length - at - RECORD_HEAD) refuse('corrupted', 'payload ends inside a record');
    if (type === RECORD.op && ++opCount > limits.maxOps) refuse('tooLarge', `more than ${limits.maxOps} ops`);
    if (type === RECORD.segment && ++segmentCount > limits.maxSegments) refuse('tooLarge', `more than ${limits.maxSegments} segments`);
    let body: unknown;
    try {
      body = JSON.parse(fromUtf8(plain.subarray(at + RECORD_HEAD, at + RECORD_HEAD + length)));
    } catch {
      refuse('corrupted', `record ${records.length} is not JSON`);
    }
    records.push({ type, body, start: at });
    at += RECORD_HEAD + length;
    if (type === RECORD.end) break;
  }
  if (at !== plain.length) refuse('corrupted', 'bytes after the end record');
  const end = endSchema.safeParse(records[records.length - 1]!.body);
  const before = records[records.length - 1]!.start;
  if (!end.success || end.data.records !== records.length - 1 || !equalBytes(fromHex(end.data.sha256), await sha256(plain.subarray(0, before)))) {
    refuse('corrupted', 'end record does not match');
  }
  return structure(records.slice(0, -1), limits);
}

function structure(records: Array<{ type: number; body: unknown }>, limits: Limits): DecodedContents {
  const [first, ...rest] = records;
  const meta = first?.type === RECORD.meta ? metaSchema.safeParse(first.body) : null;
  if (!meta?.success) refuse('corrupted', 'no valid meta record');
  let acks: AckTable;
  try {
    acks = parseAckTable(meta.data.acks);
  } catch (error) {
    refuse('corrupted', String(error));
  }
  const rosters: unknown[] = [];
  const segments: SignedSegment[] = [];
  let i = 0;
  for (; i < rest.length && rest[i]!.type === RECORD.roster; i++) rosters.push(rest[i]!.body);
  while (i < rest.length) {
    const head = rest[i++]!;
    const parsed = head.type === RECORD.segment ? segmentSchema.safeParse(head.body) : null;
    if (!parsed?.success) refuse('corrupted', `record ${i} out of place or malformed`);
    const { ops: count, ...segment } = parsed.data;
    if (segment.hashes.length > limits.maxSegmentHashes) refuse('tooLarge', `segment of ${segment.hashes.length} hashes`);
    if (i + count > rest.length) refuse('corrupted', 'segment with more ops than records');
    const ops = rest.slice(i, i + count).map((r) => (r.type === RECORD.op ? parseOp(r.body) : null));
    if (ops.some((op) => op === null)) refuse('corrupted', 'malformed op');
    segments.push({ ...segment, ops: ops as SignedSegment['ops'] });
    i += count;
  }
  return { meta: { ...meta.data, acks }, rosters, segments };
}
