import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { NetworkDefinition, Role } from '../domain/network';
import type { PasswordHash } from '../domain/password';
import type { WrappedAdminKey } from '../sync/crypto/admin-key';
import type { StationKeys } from '../sync/crypto/keys';
import type { MaterialisedRow } from '../sync/merge';
import type { SignedRoster } from '../sync/roster/roster';
import { migratePeopleToV2 } from './replicated/migrate-people';
import { pageStoredOps } from './replicated/migrate-op-pages';
import { listRowOps } from './replicated/migrate-row-ops';
import type { OpPageTable } from './replicated/op-pages';
import type { AckRow, ForkAlarm, HeldOp, OpPrimaryKey, PeerRow, RowKey, RowState, StoredOp, SyncMetaRow } from './replicated/stores';
import type { ImportedBundleRow, RosterForkRow, SegmentRow, SyncHistoryRow } from './sync/stores';

/** Local settings of this installation; never replicated. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * One version of the network definition. Since v3 (decision 0040) each version is a signed
 * roster version (`signed`); `network`, `hash`, `prevHash`, `issuedAt` and `issuedBy` are then
 * read from it, so the UI and the record layer keep reading `network`. Versions without
 * `signed` come from a database made before v3 and are replaced by a signed version 1 when a
 * network administrator first signs.
 */
export interface RosterVersion {
  version: number;
  network: NetworkDefinition;
  prevHash: string | null;
  /** SHA-256 of the canonical JSON of { version, network, prevHash, issuedAt, issuedBy }. */
  hash: string;
  /** UTC ISO instant. */
  issuedAt: string;
  /** Person id of the administrator who made this version; null for the first unsigned one. */
  issuedBy: string | null;
  signed?: SignedRoster;
}

/**
 * A person's account as materialised from its ops (since v2; see replicated/tables/people.ts).
 * The audit columns come from the ops: who made the row and when, who changed it last and when.
 */
export interface PersonRow {
  id: string;
  name: string;
  personnelNumber: string;
  zoneId: string;
  roles: Role[];
  active: boolean;
  password: PasswordHash;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export const DB_NAME = 'zonelink';

export class ZonelinkDb extends Dexie {
  settings!: EntityTable<SettingRow, 'key'>;
  rosters!: EntityTable<RosterVersion, 'version'>;
  people!: EntityTable<PersonRow, 'id'>;
  ops!: Table<StoredOp, OpPrimaryKey>;
  /** This station's own ops as the records a bundle carries (decision 0058). */
  opPages!: OpPageTable;
  heldOps!: Table<HeldOp, OpPrimaryKey>;
  rowStates!: Table<RowState, RowKey>;
  acks!: Table<AckRow, [origin: string, stream: string]>;
  peers!: EntityTable<PeerRow, 'stationId'>;
  forkAlarms!: EntityTable<ForkAlarm, 'key'>;
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  /** The replication layer's own tests write here, so they depend on no module's table. */
  testRecords!: Table<MaterialisedRow, string>;
  /** This station's own keys (one row); private halves non-extractable, never replicated. */
  stationKeys!: EntityTable<StationKeys, 'station'>;
  /** Network administrators' signing keys made at this station, wrapped under their passphrase. */
  adminKeys!: EntityTable<WrappedAdminKey, 'person'>;
  /** Unsigned versions of a database made before v3, kept as history once the roster is signed. */
  legacyRosters!: EntityTable<RosterVersion, 'version'>;
  rosterForks!: EntityTable<RosterForkRow, 'dropped'>;
  segments!: EntityTable<SegmentRow, 'signature'>;
  importedBundles!: EntityTable<ImportedBundleRow, 'bundle'>;
  syncHistory!: EntityTable<SyncHistoryRow, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Released versions are never edited: add version(n + 1) with an upgrade and a test.
    this.version(1).stores({
      settings: '&key',
      rosters: '&version',
      people: 'id, zoneId, personnelNumber',
    });
    // v2: the replicated record layer (docs/decisions/0013); people become its materialised rows.
    this.version(2)
      .stores({
        ops: '[origin+stream+seq], [table+rowId]',
        heldOps: '[origin+stream+seq]',
        rowStates: '[table+rowId], *flags',
        acks: '[origin+stream]',
        peers: 'stationId',
        forkAlarms: 'key',
        syncMeta: 'key',
        testRecords: 'id',
      })
      .upgrade(migratePeopleToV2);
    // v3: station and administrator keys, the signed roster's forks, and what bundles brought
    // (decision 0040). Existing rows need no change: unsigned roster versions stay readable.
    this.version(3).stores({
      stationKeys: 'station',
      adminKeys: 'person',
      legacyRosters: '&version',
      rosterForks: 'dropped',
      segments: 'signature',
      opSegments: 'hash',
      importedBundles: 'bundle',
      syncHistory: 'id, at',
    });
    // v4: the sync history by bundle id (decision 0048), to know without decrypting whether a
    // file in the sync folder was refused before, and what an own file carried. Rows unchanged.
    this.version(4).stores({ syncHistory: 'id, at, bundle' });
    // v5 (decision 0052): what an imported op costs. A row's state lists its ops' keys, so the ops
    // lose their index by row; an op's segment is found through the segments of its origin, no
    // longer through one opSegments row per op.
    this.version(5).stores({ ops: '[origin+stream+seq]', segments: 'signature, origin', opSegments: null }).upgrade(listRowOps);
    // v6 (decision 0058): this station's own ops also as op pages, the records a bundle carries,
    // so an export copies bytes instead of reading and encoding one record per op; stored ops
    // lose their hash field, which made each op cost about a tenth more to write.
    this.version(6).stores({ opPages: '[origin+stream+first]' }).upgrade(pageStoredOps);
  }
}

let instance: ZonelinkDb | null = null;

/** The app's database, created on first use. */
export function getDb(): ZonelinkDb {
  instance ??= new ZonelinkDb();
  return instance;
}
