import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DomainError } from '../../domain/errors';
import { ackKey } from '../../sync/acks';
import { zoneSees } from '../../sync/audience';
import { inspectBundle, type Compression } from '../../sync/bundle/format';
import { bundleSignatureMessage } from '../../sync/bundle/seal';
import { pageHash, pageSize, type OpPage } from '../../sync/bundle/op-page';
import { MAX_SEGMENT_OPS, signEncoded, signSegment, type OutgoingSegment } from '../../sync/bundle/segment';
import { writeBundle } from '../../sync/bundle/write';
import { verify } from '../../sync/crypto/keys';
import { opHash, type Op } from '../../sync/op';
import { rosterStation } from '../../sync/roster/roster';
import { APP_VERSION } from '../app-version';
import type { ZonelinkDb } from '../db';
import { replicaOf } from '../replicated/replica-of';
import { REPLICATED_TABLES } from '../replicated/tables';
import { syncContext, zoneOfStation, type SyncContext } from './context';
import { historyRow, NO_COUNTS } from './history';
import { countCarried, type OpCounts } from './op-counts';
import { personalCategories, type PersonalDataOp } from './personal-data';
import type { SegmentRow } from './stores';

export interface ExportRequest {
  /** Station ids the bundle is for. */
  recipients: string[];
  /** Everything this station holds that they may see, whatever they acknowledged: to set up a station. */
  bootstrap?: boolean;
}

export interface ExportSummary extends OpCounts {
  recipients: string[];
  bootstrap: boolean;
  /** Ops not every recipient may see: write one bundle per zone for them. */
  withheld: number;
  /** Ops of other stations without a stored segment, which cannot travel as their origin's. */
  unsigned: number;
  /** "table.field" of the personal data the bundle would carry. */
  personalData: string[];
  /** A rough size of the file in bytes, before compression. */
  estimatedBytes: number;
}

/** What an export will carry; exportBundle writes exactly these ops and pages. */
export interface ExportPlan {
  summary: ExportSummary;
  ops: Op[];
  /** This station's own ops as its op pages (decision 0058). */
  pages: OpPage[];
}

export interface ExportProgress {
  phase: 'signing' | 'writing' | 'checking';
  done: number;
  total: number;
}

export interface ExportOptions {
  onProgress?: (progress: ExportProgress) => void;
  /** Adds the emergency passphrase stanza (decision 0034). */
  passphrase?: string;
  now?: () => number;
  /** Tests only: small chunks give many chunks from few ops. */
  chunkSize?: number;
  compression?: Compression;
}

export interface ExportedBundle {
  bytes: Uint8Array;
  fileName: string;
  bundle: string;
  summary: ExportSummary;
}

/** An op's share of the file besides its strings and value: field names and quotes, its record head, its hash in a segment list. */
const OP_OVERHEAD = 133 + 5 + 67;

/** A page's share of the file: its records, and its ops' hashes in a segment list. */
const pageBytes = (page: OpPage): number => page.records.length + 67 * pageSize(page);

/** The kinds of op some pages carry, each page's once: what the personal-data summary needs. */
function* pageKinds(pages: readonly OpPage[]): Generator<PersonalDataOp> {
  for (const page of pages) for (const kind of new Set(page.kindOf)) yield page.kinds[kind]!;
}

/** About the length of the op's record, without encoding it: the summary must not cost what the export costs. */
function opSize(op: Op): number {
  const value = typeof op.value === 'string' ? op.value.length + 2 : JSON.stringify(op.value).length;
  return OP_OVERHEAD + op.origin.length + op.stream.length + op.hlc.length + (op.prev === null ? 4 : op.prev.length + 2) + op.author.length + op.table.length + op.rowId.length + op.field.length + op.salt.length + op.valueHash.length + value;
}

function checkRecipients(ctx: SyncContext, recipients: readonly string[]): string[] {
  const unique = [...new Set(recipients)];
  if (unique.length === 0) throw new DomainError('bundle.noRecipient');
  for (const station of unique) {
    const entry = rosterStation(ctx.tip, station);
    if (!entry?.keys || station === ctx.station.stationId || ctx.tip.revocations.some((r) => r.station === station)) {
      throw new DomainError('bundle.recipientUnknown', { station });
    }
  }
  return unique;
}

/**
 * What the recipients lack given the acknowledgements they last sent (or everything, to
 * bootstrap), limited to the streams every recipient may receive (decision 0044).
 */
export async function planExport(db: ZonelinkDb, request: ExportRequest): Promise<ExportPlan> {
  const ctx = await syncContext(db);
  const recipients = checkRecipients(ctx, request.recipients);
  const bootstrap = request.bootstrap ?? false;
  const lacked = await replicaOf(db).lackedBy(recipients.map((stationId) => (bootstrap ? { stationId, acks: {} } : { stationId })));
  const zones = recipients.map((r) => zoneOfStation(ctx.tip, r)!);
  const seen = (stream: string) => zones.every((zone) => zoneSees(stream, zone));
  const ops = lacked.ops.filter((op) => seen(op.stream));
  const pages = lacked.pages.filter((page) => seen(page.stream));
  const unseenPaged = lacked.pages.reduce((n, page) => n + (pages.includes(page) ? 0 : pageSize(page)), 0);
  const foreign = ops.filter((op) => op.origin !== ctx.station.stationId);
  const links = await storedSegments(db, foreign);
  const missing = new Set(foreign.filter((op) => !links.has(opHash(op))));
  const carried = ops.filter((op) => !missing.has(op));
  const summary: ExportSummary = {
    recipients,
    bootstrap,
    ...countCarried(carried, pages),
    withheld: lacked.ops.length - ops.length + unseenPaged,
    unsigned: missing.size,
    personalData: personalCategories(REPLICATED_TABLES, [...carried, ...pageKinds(pages)]),
    estimatedBytes: carried.reduce((bytes, op) => bytes + opSize(op), 0) + pages.reduce((bytes, page) => bytes + pageBytes(page), 0),
  };
  return { summary, ops: carried, pages };
}

/**
 * For ops of other origins: op hash → a stored segment of that origin listing it (decision 0052).
 * One indexed read of their origins' segments replaces a lookup per op.
 */
async function storedSegments(db: ZonelinkDb, foreign: readonly Op[]): Promise<Map<string, SegmentRow>> {
  const origins = [...new Set(foreign.map((op) => op.origin))];
  const rows = origins.length ? await db.segments.where('origin').anyOf(origins).toArray() : [];
  const byHash = new Map<string, SegmentRow>();
  for (const row of rows) for (const hash of row.hashes) if (!byHash.has(hash)) byHash.set(hash, row);
  return byHash;
}

/** Own pages in fresh segments of up to MAX_SEGMENT_OPS ops, signed over the hashes stored with them. */
async function pageSegments(ctx: SyncContext, pages: readonly OpPage[]): Promise<OutgoingSegment[]> {
  const segments: OutgoingSegment[] = [];
  let hashes: string[] = [];
  let encoded: { stream: string; records: Uint8Array; count: number }[] = [];
  const seal = async () => {
    if (hashes.length) segments.push(await signEncoded(ctx.keys, ctx.tip.network, hashes, encoded));
    hashes = [];
    encoded = [];
  };
  for (const page of pages) {
    const count = pageSize(page);
    if (hashes.length + count > MAX_SEGMENT_OPS) await seal();
    for (let i = 0; i < count; i++) hashes.push(pageHash(page, i));
    encoded.push({ stream: page.stream, records: page.records, count });
  }
  await seal();
  return segments;
}

/** Own ops in fresh segments; other origins' ops in the segments their origin signed, with all its hashes. */
async function segmentsFor(db: ZonelinkDb, ctx: SyncContext, plan: ExportPlan, progress: (done: number) => void): Promise<OutgoingSegment[]> {
  const { ops } = plan;
  const segments = await pageSegments(ctx, plan.pages);
  const paged = segments.reduce((n, s) => n + s.hashes.length, 0);
  progress(paged);
  const own = ops.filter((op) => op.origin === ctx.station.stationId);
  for (let i = 0; i < own.length; i += MAX_SEGMENT_OPS) {
    segments.push(await signSegment(ctx.keys, ctx.tip.network, own.slice(i, i + MAX_SEGMENT_OPS)));
    progress(paged + Math.min(own.length, i + MAX_SEGMENT_OPS));
  }
  const foreign = ops.filter((op) => op.origin !== ctx.station.stationId);
  const links = await storedSegments(db, foreign);
  const bySegment = new Map<string, OutgoingSegment>();
  for (const op of foreign) {
    const row = links.get(opHash(op));
    if (!row) throw new Error(`exportBundle: no stored segment lists op ${op.origin}|${op.stream}|${op.seq}`);
    const segment = bySegment.get(row.signature);
    if (segment) segment.ops.push(op);
    else bySegment.set(row.signature, { ...row, ops: [op] });
  }
  segments.push(...bySegment.values());
  progress(paged + ops.length);
  return segments;
}

/**
 * A file name FAT and NTFS accept: zonelink-<station>-<YYYYMMDD-HHmmss>-<6 hex>.zlb, Brussels
 * time. The last part comes from the random end of the bundle id, so two bundles of one station
 * written within the same second never take each other's name in a shared folder.
 */
export function bundleFileName(stationName: string, at: number, bundleId: string): string {
  const slug = stationName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40)
    .replace(/-+$/, '');
  const unique = bundleId.replace(/[^0-9a-f]/gi, '').slice(-6).toLowerCase();
  return `zonelink-${slug || 'station'}-${format(new TZDate(at, 'Europe/Brussels'), 'yyyyMMdd-HHmmss')}-${unique}.zlb`;
}

/**
 * Checks the written bytes as far as the writer can without a recipient's key (decision 0045):
 * the keyless structure, the header it meant to write, and its own signature over header and
 * every chunk.
 */
async function selfCheck(bytes: Uint8Array, ctx: SyncContext, recipients: readonly string[]): Promise<string> {
  const { header, layout } = await inspectBundle(bytes);
  const named = header.recipients.map((r) => r.station);
  if (header.sender !== ctx.station.stationId || header.network !== ctx.tip.network || named.length !== recipients.length || !recipients.every((r) => named.includes(r))) {
    throw new Error('exportBundle: the written header is not the one meant');
  }
  const message = await bundleSignatureMessage(bytes, layout.chunksStart, layout.chunks);
  if (!(await verify(ctx.keys.publicKeys.signing, bytes.subarray(layout.signatureStart), message))) throw new Error('exportBundle: the written signature does not verify');
  return header.bundle;
}

/** Writes the planned bundle, checks it, and records it in the sync history with its personal-data categories. */
export async function exportBundle(db: ZonelinkDb, plan: ExportPlan, options: ExportOptions = {}): Promise<ExportedBundle> {
  const now = options.now ?? Date.now;
  const report = (phase: ExportProgress['phase'], done: number, total: number) => options.onProgress?.({ phase, done, total });
  const ctx = await syncContext(db);
  const recipients = checkRecipients(ctx, plan.summary.recipients);
  const total = plan.summary.ops;
  report('signing', 0, total);
  const segments = await segmentsFor(db, ctx, plan, (done) => report('signing', done, total));
  report('writing', 0, 1);
  const zones = new Map(ctx.tip.stations.map((s) => [s.id, s.zoneId]));
  const createdAt = now();
  const bytes = await writeBundle({
    sender: ctx.keys,
    roster: ctx.chain,
    recipients,
    passphrase: options.passphrase,
    segments,
    meta: { acks: await replicaOf(db).acks(), appVersion: APP_VERSION, createdAt: new Date(createdAt).toISOString() },
    mayReceive: (station, stream) => zoneSees(stream, zones.get(station) ?? ''),
    chunkSize: options.chunkSize,
    compression: options.compression,
  });
  report('checking', 0, 1);
  const bundle = await selfCheck(bytes, ctx, recipients);
  const station = rosterStation(ctx.tip, ctx.station.stationId)!;
  const fileName = bundleFileName(station.name, createdAt, bundle);
  const carried = plan.summary.ops;
  const carriedUpTo: Record<string, number> = {};
  for (const { origin, stream, seq } of [...plan.ops, ...plan.pages.map((page) => ({ origin: page.origin, stream: page.stream, seq: page.last }))]) {
    const key = ackKey(origin, stream);
    carriedUpTo[key] = Math.max(carriedUpTo[key] ?? 0, seq);
  }
  await db.syncHistory.add(
    historyRow(
      {
        direction: 'export',
        outcome: 'exported',
        bundle,
        sender: ctx.station.stationId,
        recipients,
        counts: { ...NO_COUNTS, carried },
        carriedUpTo,
        reason: null,
        detail: null,
        personalData: plan.summary.personalData,
        fileName,
        size: bytes.length,
      },
      now(),
    ),
  );
  report('checking', 1, 1);
  return { bytes, fileName, bundle, summary: plan.summary };
}
