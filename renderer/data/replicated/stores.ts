import type { EntityTable, Table } from 'dexie';
import type { AckTable } from '../../sync/acks';
import type { Fork, HashedOp } from '../../sync/arrivals';
import type { Op } from '../../sync/op';
import type { MaterialisedRow, RowOutcome } from '../../sync/merge';
import type { RosterVersion, SettingRow } from '../db';
import type { OpPageTable } from './op-pages';

/** Rows of the replication stores (ADR 0013). Keys are arrays: Dexie compound keys. */

export type OpPrimaryKey = [origin: string, stream: string, seq: number];
export type RowKey = [table: string, rowId: string];

/**
 * Every op this station holds, erased values included. Without its hash: a hash field made each
 * stored op cost about a tenth more to write (decision 0058); it is computed again where needed.
 */
export type StoredOp = Op;

/** An op from too far ahead, kept apart until local time catches up or an administrator releases it. */
export type HeldOp = HashedOp & { heldAt: string };

export type RowFlag = 'conflict' | 'rejected' | 'deferred';

/**
 * The keys of a row's stored ops: "origin|stream" (ackKey) → seqs, ascending. The merge reads a
 * row's ops by these keys (decision 0052): an index on the ops by row cost a third more per op stored.
 */
export type RowOps = Record<string, number[]>;

/** What the merge concluded about a row, except its values (those live in its ops), and where its ops are. */
export type RowState = Omit<RowOutcome, 'row' | 'scrub'> & { flags: RowFlag[]; ops: RowOps };

/** This station's acknowledgement of one (origin, stream). */
export interface AckRow {
  origin: string;
  stream: string;
  seq: number;
}

/** What this station knows of another: when it last heard from it, and that station's acks. */
export interface PeerRow {
  stationId: string;
  /** UTC ISO instant. */
  heardAt: string;
  acks: AckTable;
}

export type ForkAlarm = Fork & { at: string };

export interface SyncMetaRow {
  key: string;
  value: unknown;
}

/** The tables the replication layer reads and writes inside its transactions. */
export interface ReplicaTables {
  ops: Table<StoredOp, OpPrimaryKey>;
  /**
   * This station's own ops as op pages (decision 0058). Absent in the upgrades before v6, which
   * page nothing: the v6 upgrade pages every own op stored by then.
   */
  opPages?: OpPageTable;
  heldOps: Table<HeldOp, OpPrimaryKey>;
  rowStates: Table<RowState, RowKey>;
  acks: Table<AckRow, [origin: string, stream: string]>;
  forkAlarms: EntityTable<ForkAlarm, 'key'>;
  syncMeta: EntityTable<SyncMetaRow, 'key'>;
  settings: EntityTable<SettingRow, 'key'>;
  rosters: EntityTable<RosterVersion, 'version'>;
  /** A declared table's materialised rows. */
  table(name: string): Table<MaterialisedRow, string>;
}

/** The same tables reached through an upgrade transaction. */
export function tablesOf(tx: { table(name: string): Table }): ReplicaTables {
  return {
    ops: tx.table('ops'),
    heldOps: tx.table('heldOps'),
    rowStates: tx.table('rowStates'),
    acks: tx.table('acks'),
    forkAlarms: tx.table('forkAlarms'),
    syncMeta: tx.table('syncMeta'),
    settings: tx.table('settings'),
    rosters: tx.table('rosters'),
    table: (name) => tx.table(name),
  };
}
