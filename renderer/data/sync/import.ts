import { DomainError } from '../../domain/errors';
import { inspectBundle } from '../../sync/bundle/format';
import { readBundle, type BundleRead } from '../../sync/bundle/read';
import type { ReasonCode } from '../../sync/bundle/reasons';
import { aheadBy } from '../../sync/arrivals';
import { MAX_DRIFT_MS } from '../../sync/hlc';
import type { Op } from '../../sync/op';
import type { RosterFork } from '../../sync/roster/chain';
import { DELETED_FIELD, ERASED_FIELD } from '../../sync/schema';
import type { ZonelinkDb } from '../db';
import { rosterRow } from '../network';
import { replicaOf } from '../replicated/replica-of';
import { syncContext } from './context';
import { historyRow, NO_COUNTS } from './history';
import { countOps, type OpCounts } from './op-counts';
import type { HistoryCounts, RosterForkRow } from './stores';

export interface ImportOptions {
  /** The emergency passphrase, for a bundle this station's own stanza does not open. */
  passphrase?: string;
  /** Local wall time in ms; Date.now by default. */
  now?: () => number;
}

/** What a verified bundle would change: shown before it is applied. */
/** `ops`: the ops verified for this station. */
export interface ImportSummary extends OpCounts {
  bundle: string;
  sender: string;
  recipients: string[];
  /** When the sender wrote it (its clock, UTC ISO). */
  createdAt: string;
  /** Ops whose clock is too far ahead: they will be held back, not applied. */
  heldBack: number;
  /** Ops set aside: a revoked origin past its cutoff, or an origin the roster does not know. */
  setAside: number;
  /** Ops left out because this station's zone is not in their audience. */
  outsideAudience: number;
  roster: { change: 'none' | 'newer' | 'switched'; version: number; forks: number };
  /** Tables where the bundle would delete more than half of the rows: a person must confirm. */
  largeDeletes: Array<{ table: string; deleting: number; rows: number }>;
}

/** A bundle verified in full, ready to apply: the bytes (re-verified if the roster moves on meanwhile) and what was read. */
export interface VerifiedImport {
  bytes: Uint8Array;
  read: BundleRead;
  /** Hash of the roster version the bundle was verified against. */
  tipHash: string;
  summary: ImportSummary;
  options: ImportOptions;
}

export type PreviewResult = { status: 'verified'; verified: VerifiedImport } | ImportRefusal;

export interface ImportRefusal {
  status: 'refused';
  reason: ReasonCode;
  detail: string;
  params: Record<string, string | number>;
}

export type ImportResult =
  | { status: 'imported'; summary: ImportSummary; counts: HistoryCounts; forks: RosterFork[] }
  | { status: 'alreadyImported'; bundle: string }
  | { status: 'needsConfirmation'; summary: ImportSummary }
  | ImportRefusal;

/** Rows the ops would delete or erase, per table, against the rows there now. */
async function largeDeletes(db: ZonelinkDb, ops: readonly Op[]): Promise<ImportSummary['largeDeletes']> {
  const byTable = new Map<string, Set<string>>();
  for (const op of ops) {
    if ((op.field === DELETED_FIELD || op.field === ERASED_FIELD) && op.value === true && db.tables.some((t) => t.name === op.table)) {
      const rows = byTable.get(op.table) ?? new Set<string>();
      rows.add(op.rowId);
      byTable.set(op.table, rows);
    }
  }
  const out: ImportSummary['largeDeletes'] = [];
  for (const [table, ids] of byTable) {
    const [existing, rows] = await Promise.all([db.table(table).bulkGet([...ids]), db.table(table).count()]);
    const deleting = existing.filter((row) => row !== undefined).length;
    if (deleting * 2 > rows) out.push({ table, deleting, rows });
  }
  return out;
}

function summarise(read: BundleRead, ops: readonly Op[], now: number): Omit<ImportSummary, 'largeDeletes'> {
  return {
    bundle: read.bundle,
    sender: read.sender,
    recipients: read.recipients,
    createdAt: read.meta.createdAt,
    ...countOps(ops),
    heldBack: ops.filter((op) => aheadBy(op, now) > MAX_DRIFT_MS).length,
    setAside: read.rejected.length,
    outsideAudience: read.outsideAudience,
    roster: { change: read.roster.change, version: read.roster.chain.length, forks: read.roster.forks.length },
  };
}

const opsOf = (read: BundleRead): Op[] => read.segments.flatMap((s) => s.ops);

/** Writes the history entry of a refused bundle: the reason, and nothing else. */
async function refuse(db: ZonelinkDb, bytes: Uint8Array, refusal: Omit<ImportRefusal, 'status'>, now: number): Promise<ImportRefusal> {
  const header = await inspectBundle(bytes).then(
    (inspected) => inspected.header,
    () => null,
  );
  await db.syncHistory.add(
    historyRow(
      {
        direction: 'import',
        outcome: 'refused',
        bundle: header?.bundle ?? null,
        sender: header?.sender ?? null,
        recipients: header?.recipients.map((r) => r.station) ?? [],
        counts: NO_COUNTS,
        reason: refusal.reason,
        params: refusal.params,
        detail: refusal.detail,
        personalData: [],
        fileName: null,
        size: bytes.length,
      },
      now,
    ),
  );
  return { status: 'refused', ...refusal };
}

/**
 * Verifies a bundle completely, outside any transaction (decision 0043): the codec checks every
 * byte with this station's keys, its trusted roster and its audience. A refusal is recorded in
 * the sync history with its reason; nothing else is written.
 */
export async function previewImport(db: ZonelinkDb, bytes: Uint8Array, options: ImportOptions = {}): Promise<PreviewResult> {
  const now = options.now ?? Date.now;
  const ctx = await syncContext(db);
  const read = await readBundle(bytes, { roster: ctx.chain, keys: ctx.keys, passphrase: options.passphrase, acceptStream: ctx.acceptStream });
  if (!read.ok) return refuse(db, bytes, read, now());
  const ops = opsOf(read);
  const summary = { ...summarise(read, ops, now()), largeDeletes: await largeDeletes(db, ops) };
  return { status: 'verified', verified: { bytes, read, tipHash: ctx.chain[ctx.chain.length - 1]!.hash, summary, options } };
}

/**
 * Applies a verified bundle in one rw transaction (decision 0043): roster versions, ops (put if
 * absent, through the record layer), the segments that let them be relayed, the sender's acks,
 * the bundle id and the history entry. A bundle imported before changes nothing. A bundle that
 * would delete more than half of a table needs `confirmed`. If the roster changed since the
 * bundle was verified, it is verified again first.
 */
export async function applyImport(db: ZonelinkDb, verified: VerifiedImport, { confirmed = false }: { confirmed?: boolean } = {}): Promise<ImportResult> {
  if (verified.summary.largeDeletes.length > 0 && !confirmed) return { status: 'needsConfirmation', summary: verified.summary };
  const now = verified.options.now ?? Date.now;
  const { read, summary } = verified;
  const ops = opsOf(read);
  const replica = replicaOf(db);
  const kept = read.segments.filter((s) => s.ops.length > 0);
  const scope = [...replica.scope, db.peers, db.segments, db.importedBundles, db.syncHistory, db.rosterForks];
  let outcome: ImportResult | 'stale';
  try {
    outcome = await db.transaction('rw', scope, async (): Promise<ImportResult | 'stale'> => {
      if (await db.importedBundles.get(read.bundle)) return { status: 'alreadyImported', bundle: read.bundle };
      if ((await db.rosters.orderBy('version').last())?.hash !== verified.tipHash) return 'stale';
      const at = new Date(now()).toISOString();
      if (read.roster.change !== 'none') {
        await db.rosters.bulkPut(read.roster.chain.map(rosterRow));
        await db.rosters.where('version').above(read.roster.chain.length).delete();
      }
      const dropped = read.roster.forks.flatMap((f) => f.dropped.map((version): RosterForkRow => ({ dropped: version.hash, height: f.height, kept: f.kept, version, seenAt: at })));
      const knownForks = await db.rosterForks.bulkGet(dropped.map((d) => d.dropped));
      await db.rosterForks.bulkAdd(dropped.filter((_, i) => !knownForks[i]));
      const conflictsBefore = await db.rowStates.where('flags').equals('conflict').count();
      const applied = await replica.apply(ops);
      const conflicts = Math.max(0, (await db.rowStates.where('flags').equals('conflict').count()) - conflictsBefore);
      await db.segments.bulkPut(kept.map(({ signature, origin, hashes }) => ({ signature, origin, hashes })));
      await replica.recordPeerAcks(read.sender, read.meta.acks, read.meta.createdAt);
      await db.importedBundles.add({ bundle: read.bundle, sender: read.sender, importedAt: at });
      const counts: HistoryCounts = {
        carried: ops.length,
        applied: applied.accepted,
        alreadyKnown: applied.duplicates,
        held: applied.held,
        conflicts,
        refused: read.rejected.length + applied.forks.length,
      };
      await db.syncHistory.add(
        historyRow(
          { direction: 'import', outcome: 'imported', bundle: read.bundle, sender: read.sender, recipients: read.recipients, counts, reason: null, detail: null, personalData: [], fileName: null, size: verified.bytes.length },
          now(),
        ),
      );
      return { status: 'imported', summary, counts, forks: read.roster.forks };
    });
  } catch (error) {
    // The record layer re-checks every op; the codec let through nothing it would refuse, so this is damage.
    if (!(error instanceof DomainError && error.code.startsWith('sync.'))) throw error;
    return refuse(db, verified.bytes, { reason: 'corrupted', detail: `record layer: ${error.message}`, params: {} }, now());
  }
  if (outcome !== 'stale') return outcome;
  const again = await previewImport(db, verified.bytes, verified.options);
  return again.status === 'verified' ? applyImport(db, again.verified, { confirmed }) : again;
}

/** Verifies and applies a bundle (previewImport, then applyImport). */
export async function importBundle(db: ZonelinkDb, bytes: Uint8Array, options: ImportOptions & { confirmed?: boolean } = {}): Promise<ImportResult> {
  const preview = await previewImport(db, bytes, options);
  return preview.status === 'verified' ? applyImport(db, preview.verified, options) : preview;
}
