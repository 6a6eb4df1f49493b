import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { NetworkDefinition, Role } from '../domain/network';
import type { PasswordHash } from '../domain/password';
import type { MaterialisedRow } from '../sync/merge';
import { migratePeopleToV2 } from './replicated/migrate-people';
import type { AckRow, ForkAlarm, HeldOp, OpPrimaryKey, PeerRow, RowKey, RowState, StoredOp, SyncMetaRow } from './replicated/stores';

/** Local settings of this installation; never replicated. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * One version of the network definition. Versions are hash-chained (prevHash); a later issue
 * signs them and carries them in bundles as the roster.
 */
export interface RosterVersion {
  version: number;
  network: NetworkDefinition;
  prevHash: string | null;
  /** SHA-256 of the canonical JSON of { version, network, prevHash, issuedAt, issuedBy }. */
  hash: string;
  /** UTC ISO instant. */
  issuedAt: string;
  /** Person id of the administrator who made this version; null for the first one. */
  issuedBy: string | null;
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
  heldOps!: Table<HeldOp, OpPrimaryKey>;
  rowStates!: Table<RowState, RowKey>;
  acks!: Table<AckRow, [origin: string, stream: string]>;
  peers!: EntityTable<PeerRow, 'stationId'>;
  forkAlarms!: EntityTable<ForkAlarm, 'key'>;
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  /** The replication layer's own tests write here, so they depend on no module's table. */
  testRecords!: Table<MaterialisedRow, string>;

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
  }
}

let instance: ZonelinkDb | null = null;

/** The app's database, created on first use. */
export function getDb(): ZonelinkDb {
  instance ??= new ZonelinkDb();
  return instance;
}
