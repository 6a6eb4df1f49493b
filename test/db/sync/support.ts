import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { ZonelinkDb } from '../../../renderer/data/db';
import { completeFirstRun } from '../../../renderer/data/first-run';
import { currentRoster, setStationKeys } from '../../../renderer/data/network';
import { Replica } from '../../../renderer/data/replicated/replica';
import { REPLICATED_TABLES } from '../../../renderer/data/replicated/tables';
import { exportBundle, exportRoster, importBundle, joinNetwork, networkFingerprint, planExport, prepareStationKeys, type ExportOptions } from '../../../renderer/data/sync';
import type { Actor } from '../../../renderer/data/actor';
import { networkFromTemplate } from '../../../renderer/domain/wvl4-template';
import { uuidv7 } from '../../../renderer/sync/ids';
import { testTable } from '../support/test-table';

export const PASSPHRASE = 'duinen en polders 2026';

export interface SyncStation {
  name: string;
  id: string;
  zoneId: string;
  db: ZonelinkDb;
  /** A replica that also knows the test table, to write rows in zone and loan streams. */
  test: Replica;
}

export type Name = 'A' | 'B' | 'C' | 'R' | 'D';

export interface SyncNetwork {
  /** Only A and the stations that joined are there. */
  stations: Record<Name, SyncStation>;
  admin: Actor;
}

let n = 0;
function newDb(): ZonelinkDb {
  return new ZonelinkDb(`sync-${++n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

const STATIONS: Record<Name, string> = {
  A: 'Centraal Politiehuis Koksijde',
  B: 'Hoofdcommissariaat Diksmuide',
  C: 'Hoofdcommissariaat Roeselare',
  R: 'Hoofdcommissariaat Kortrijk',
  D: 'Post De Panne',
};

/**
 * A (Westkust) sets up the network; B (Polder), C (RIHO), R (VLAS) and D (Westkust) join it:
 * each makes its keys, A publishes them in the roster, each adopts the roster after checking the
 * network's fingerprint. `names` picks which join.
 */
export async function setUpNetwork(names: Name[] = ['B', 'C', 'R']): Promise<SyncNetwork> {
  const network = networkFromTemplate(uuidv7);
  const find = (name: Name) => network.stations.find((s) => s.name === STATIONS[name])!;
  const a = find('A');
  const aDb = newDb();
  const person = await completeFirstRun(aDb, {
    network,
    zoneId: a.zoneId,
    stationId: a.id,
    admin: { name: 'An Vermeulen', personnelNumber: 'WK1234', password: 'zonnige maandag 42' },
    adminPassphrase: PASSPHRASE,
  });
  const admin: Actor = { personId: person.id, stationId: a.id };
  const station = (name: Name, db: ZonelinkDb): SyncStation => {
    const s = find(name);
    return { name, id: s.id, zoneId: s.zoneId, db, test: new Replica(db, [...REPLICATED_TABLES, testTable]) };
  };
  const stations = { A: station('A', aDb) } as Record<Name, SyncStation>;
  for (const name of names) {
    const db = newDb();
    const s = find(name);
    const { keys } = await prepareStationKeys(db, s.id);
    await setStationKeys(aDb, admin, s.id, keys, { passphrase: PASSPHRASE });
    stations[name] = station(name, db);
  }
  const rosterFile = await exportRoster(aDb);
  const fingerprint = await networkFingerprint(aDb);
  for (const name of names) await joinNetwork(stations[name].db, { rosterFile, networkFingerprint: fingerprint, stationId: stations[name].id });
  if (!(await currentRoster(aDb))?.signed) throw new Error('unsigned roster');
  return { stations, admin };
}

/** Exports from one station for others and returns the bytes. */
export async function send(from: SyncStation, to: SyncStation[], options: ExportOptions & { bootstrap?: boolean } = {}): Promise<Uint8Array> {
  const plan = await planExport(from.db, { recipients: to.map((s) => s.id), bootstrap: options.bootstrap });
  return (await exportBundle(from.db, plan, options)).bytes;
}

/** Exports from one station and imports at another. */
export async function carry(from: SyncStation, to: SyncStation, options: { bootstrap?: boolean } = {}) {
  return importBundle(to.db, await send(from, [to], options));
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof CryptoKey) return { cryptoKey: value.type, algorithm: value.algorithm.name, extractable: value.extractable };
  return value;
}

/** A canonical dump of every Dexie table of a database, table by table. */
export async function dumpTables(db: ZonelinkDb, except: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of db.tables) {
    if (except.includes(table.name)) continue;
    const rows = await table.toArray();
    const keys = await table.toCollection().primaryKeys();
    out[table.name] = JSON.stringify(
      keys.map((k, i) => [k, rows[i]]),
      replacer,
    );
  }
  return out;
}

/** One hash over every table (but `except`). */
export async function hashTables(db: ZonelinkDb, except: readonly string[] = []): Promise<string> {
  return bytesToHex(sha256(new TextEncoder().encode(JSON.stringify(await dumpTables(db, except)))));
}
