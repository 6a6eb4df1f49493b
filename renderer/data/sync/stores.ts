import type { ReasonCode } from '../../sync/bundle/reasons';
import type { SignedRoster } from '../../sync/roster/roster';

/**
 * Local, never replicated rows of the sync layer (decisions 0040-0049). Station and
 * administrator keys live in stationKeys and adminKeys; the rest records what came in and went out.
 */

/** A verified segment as its origin signed it: kept so its ops can be relayed with that signature. */
export interface SegmentRow {
  /** Hex Ed25519 signature: unique per signed list, so it is the key. */
  signature: string;
  origin: string;
  hashes: string[];
}

export interface ImportedBundleRow {
  bundle: string;
  sender: string;
  /** UTC ISO instant. */
  importedAt: string;
}

/** A roster version that lost a fork (decision 0033), kept for administrators to see and redo. */
export interface RosterForkRow {
  /** Hash of the dropped version. */
  dropped: string;
  height: number;
  /** Hash of the version that won at that height. */
  kept: string;
  version: SignedRoster;
  /** UTC ISO instant this station first saw it. */
  seenAt: string;
}

export interface HistoryCounts {
  /** Ops in the bundle (an import: those verified for this station; an export: those written). */
  carried: number;
  /** Ops stored and merged (released held ones included). */
  applied: number;
  /** Ops this station already had. */
  alreadyKnown: number;
  /** Ops held back because their clock is too far ahead. */
  held: number;
  /** Rows that got an open conflict. */
  conflicts: number;
  /** Ops set aside: revoked or unknown origin, or the same key with another content. */
  refused: number;
}

/** One line of the sync history: every import attempt and every export. */
export interface SyncHistoryRow {
  /** UUIDv7, so the ids sort by time. */
  id: string;
  direction: 'import' | 'export';
  outcome: 'imported' | 'refused' | 'exported';
  /** UTC ISO instant. */
  at: string;
  /** Bundle id; null when a refused file did not even say. */
  bundle: string | null;
  sender: string | null;
  recipients: string[];
  counts: HistoryCounts;
  reason: ReasonCode | null;
  /** The refusal message's placeholders (tooNew: appVersion); absent on rows written before v4. */
  params?: Record<string, string | number>;
  /** An export: the highest seq it carried per "origin|stream" (for the sync-folder cleanup); absent before v4. */
  carriedUpTo?: Record<string, number>;
  /** For developers and logs, never shown to a clerk. */
  detail: string | null;
  /** "table.field" of the personal data an export carried: what a lost stick exposes. */
  personalData: string[];
  fileName: string | null;
  size: number;
}
