import Dexie, { type EntityTable } from 'dexie';
import type { NetworkDefinition, Role } from '../domain/network';
import type { PasswordHash } from '../domain/password';

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

  constructor(name: string = DB_NAME) {
    super(name);
    // Released versions are never edited: add version(n + 1) with an upgrade and a test.
    this.version(1).stores({
      settings: '&key',
      rosters: '&version',
      people: 'id, zoneId, personnelNumber',
    });
  }
}

let instance: ZonelinkDb | null = null;

/** The app's database, created on first use. */
export function getDb(): ZonelinkDb {
  instance ??= new ZonelinkDb();
  return instance;
}
