import { isLocale } from '../i18n/define';
import { DB_NAME, type ZonelinkDb } from './db';
import { currentRoster } from './network';
import { getAllSettings } from './settings';

/** Why the database cannot be used; each has its own explanation on the recovery screen. */
export type OpenProblem = 'blocked' | 'version' | 'quota' | 'corrupt' | 'unavailable';

export type OpenResult = { ok: true } | { ok: false; problem: OpenProblem; detail: string };

const CORRUPT = new Set(['DataError', 'DataCloneError', 'ConstraintError', 'UnknownError', 'NotReadableError']);

/** Maps an IndexedDB or Dexie error (Dexie wraps the cause in `inner`) to a problem. */
export function classifyOpenError(error: unknown): OpenProblem {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'VersionError') return 'version';
    if (name === 'QuotaExceededError') return 'quota';
    if (typeof name === 'string' && CORRUPT.has(name)) return 'corrupt';
    e = (e as { inner?: unknown }).inner;
  }
  return 'unavailable';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * The records the app cannot start without must have the shape it expects. A station identity
 * that points nowhere, or a setting of the wrong type, counts as a corrupt record.
 */
export async function findCorruptRecord(db: ZonelinkDb): Promise<string | null> {
  const settings = await getAllSettings(db);
  if (!isLocale(settings.locale)) return 'settings.locale';
  if (typeof settings.autoLockMinutes !== 'number' || !(settings.autoLockMinutes >= 0)) return 'settings.autoLockMinutes';
  const station = settings.station;
  if (station === null) return null;
  if (typeof station !== 'object' || typeof station.stationId !== 'string' || typeof station.zoneId !== 'string') {
    return 'settings.station';
  }
  const roster = await currentRoster(db);
  if (!roster?.network || !Array.isArray(roster.network.zones) || !Array.isArray(roster.network.stations)) return 'rosters';
  if (!roster.network.stations.some((s) => s.id === station.stationId && s.zoneId === station.zoneId)) return 'rosters';
  return null;
}

/**
 * Dexie 4 opens a database that a newer app version left behind, and even adds the tables it
 * misses to it. An older app must not write into a newer app's data, so a native version above
 * this app's (Dexie's version n is IndexedDB version 10n) is refused before Dexie touches it.
 */
async function tooNew(db: ZonelinkDb, idb: IDBFactory): Promise<string | null> {
  const known = Math.round(db.verno * 10);
  const found = (await idb.databases()).find((d) => d.name === db.name)?.version ?? 0;
  return found > known ? `database version ${found} is newer than this app's ${known}` : null;
}

/**
 * Opens the database and checks it. Resolves (never rejects) with the problem when it cannot be
 * used, including when another window holds an older version open and blocks the upgrade.
 */
export function openDatabase(db: ZonelinkDb, idb: IDBFactory = indexedDB): Promise<OpenResult> {
  return new Promise((resolve) => {
    db.on('blocked', () => resolve({ ok: false, problem: 'blocked', detail: 'blocked by another connection' }));
    tooNew(db, idb)
      .then((newer) => {
        if (newer) throw Object.assign(new Error(newer), { name: 'VersionError' });
        return db.open();
      })
      .then(() => findCorruptRecord(db))
      .then(
        (corrupt) => resolve(corrupt ? { ok: false, problem: 'corrupt', detail: `unexpected shape in ${corrupt}` } : { ok: true }),
        (error: unknown) => resolve({ ok: false, problem: classifyOpenError(error), detail: describe(error) }),
      );
  });
}

export interface RecoveryExport {
  format: 'zonelink-recovery';
  formatVersion: 1;
  database: string;
  /** IndexedDB version found, null when there was no database. */
  version: number | null;
  exportedAt: string;
  tables: Record<string, unknown[]>;
  /** Tables that could not be read at all. */
  unreadable: string[];
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Key material stays on the station: private keys cannot be read anyway, wrapped ones need not travel. */
const SECRET_TABLES = new Set(['stationKeys', 'adminKeys']);

/**
 * Password hashes never leave the station, not even in a rescue file: accounts get new passwords.
 * They sit in account rows (`password`) and in the ops that carry them (field `password`).
 */
function withoutSecrets(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return row;
  const record = row as Record<string, unknown>;
  if (record.field === 'password' && 'value' in record) return { ...record, value: null, salt: '' };
  if (!('password' in record)) return row;
  const { password: _password, ...rest } = record;
  return rest;
}

/**
 * Reads whatever can be read, without Dexie and without asking for a version, so it works on a
 * database that is newer than the app, partly broken, or missing. Each table is read on its own,
 * so one unreadable table does not lose the others.
 */
export async function exportReadableData(
  now: Date,
  idb: IDBFactory = indexedDB,
  name: string = DB_NAME,
): Promise<RecoveryExport> {
  const out: RecoveryExport = {
    format: 'zonelink-recovery',
    formatVersion: 1,
    database: name,
    version: null,
    exportedAt: now.toISOString(),
    tables: {},
    unreadable: [],
  };
  const existing = await idb.databases();
  if (!existing.some((d) => d.name === name)) return out;
  const open = idb.open(name);
  // The database exists, so opening without a version never upgrades; refuse to create one.
  open.onupgradeneeded = () => open.transaction?.abort();
  const conn = await request(open);
  try {
    out.version = conn.version;
    for (const table of Array.from(conn.objectStoreNames)) {
      if (SECRET_TABLES.has(table)) continue;
      try {
        const rows = await request(conn.transaction(table, 'readonly').objectStore(table).getAll());
        out.tables[table] = rows.map(withoutSecrets);
      } catch {
        out.unreadable.push(table);
      }
    }
  } finally {
    conn.close();
  }
  return out;
}

const DATABASE_ERRORS = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  'VersionError',
  'QuotaExceededError',
  'DataError',
  'DataCloneError',
  'InvalidStateError',
  'UnknownError',
  'MissingAPIError',
]);

/** Whether a thrown value came from the database, so the recovery screen rather than a crash. */
export function isDatabaseError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && DATABASE_ERRORS.has(name);
}
