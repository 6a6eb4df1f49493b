import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ZonelinkDb } from '../../../renderer/data/db';
import { classifyOpenError, exportReadableData, isDatabaseError, openDatabase } from '../../../renderer/data/recovery';

let counter = 0;
/** Each test gets its own database in the one fake IndexedDB of this file. */
const uniqueName = () => `zonelink-test-${++counter}`;

function createAt(idb: IDBFactory, name: string, version: number, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = idb.open(name, version);
    open.onupgradeneeded = () => {
      for (const [table, list] of Object.entries(rows)) {
        const store = open.result.createObjectStore(table, { keyPath: 'id' });
        for (const row of list) store.put(row);
      }
    };
    open.onsuccess = () => {
      open.result.close();
      resolve();
    };
    open.onerror = () => reject(open.error);
  });
}

describe('classifyOpenError', () => {
  it('looks through Dexie\'s wrapping for the cause', () => {
    expect(classifyOpenError({ name: 'OpenFailedError', inner: { name: 'VersionError' } })).toBe('version');
    expect(classifyOpenError({ name: 'QuotaExceededError' })).toBe('quota');
    expect(classifyOpenError({ name: 'DatabaseClosedError', inner: { name: 'UnknownError' } })).toBe('corrupt');
    expect(classifyOpenError(new Error('x'))).toBe('unavailable');
    expect(classifyOpenError(null)).toBe('unavailable');
  });

  it('tells database errors from others', () => {
    expect(isDatabaseError({ name: 'DatabaseClosedError' })).toBe(true);
    expect(isDatabaseError(new TypeError('x'))).toBe(false);
  });
});

describe('exportReadableData', () => {
  it('reads every table of a database of any version, without password hashes', async () => {
    const name = uniqueName();
    await createAt(indexedDB, name, 1000, {
      people: [{ id: 'p1', name: 'An', password: { hash: 'secret' } }],
      ops: [
        { id: 'o1', origin: 's', stream: 'net', seq: 1, table: 'people', field: 'password', value: { hash: 'secret-in-op' }, salt: 'ab' },
        { id: 'o2', origin: 's', stream: 'net', seq: 2, table: 'people', field: 'name', value: 'An', salt: 'cd' },
      ],
      fromTheFuture: [{ id: 'x', note: 'kept' }],
      adminKeys: [{ id: 'k1', wrapped: 'wrapped-admin-key' }],
      stationKeys: [{ id: 'k2', signing: 'station-key' }],
    });
    const out = await exportReadableData(new Date('2026-11-30T08:00:00Z'), indexedDB, name);
    expect(out.version).toBe(1000);
    expect(out.exportedAt).toBe('2026-11-30T08:00:00.000Z');
    expect(out.tables).toEqual({
      fromTheFuture: [{ id: 'x', note: 'kept' }],
      people: [{ id: 'p1', name: 'An' }],
      ops: [
        { id: 'o1', origin: 's', stream: 'net', seq: 1, table: 'people', field: 'password', value: null, salt: '' },
        { id: 'o2', origin: 's', stream: 'net', seq: 2, table: 'people', field: 'name', value: 'An', salt: 'cd' },
      ],
    });
    expect(out.unreadable).toEqual([]);
    expect(JSON.stringify(out)).not.toContain('secret');
    expect(JSON.stringify(out)).not.toContain('-key');
  });

  it('creates nothing when there is no database', async () => {
    const name = uniqueName();
    const out = await exportReadableData(new Date(), indexedDB, name);
    expect(out).toMatchObject({ version: null, tables: {} });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe('openDatabase', () => {
  it('opens a fresh database', async () => {
    expect(await openDatabase(new ZonelinkDb(uniqueName()))).toEqual({ ok: true });
  });

  it('refuses a database newer than the app and leaves it untouched', async () => {
    const name = uniqueName();
    await createAt(indexedDB, name, 1000, { fromTheFuture: [{ id: 'x' }] });
    const result = await openDatabase(new ZonelinkDb(name));
    expect(result).toMatchObject({ ok: false, problem: 'version' });
    const after = await exportReadableData(new Date(), indexedDB, name);
    expect(after.version).toBe(1000);
    expect(Object.keys(after.tables)).toEqual(['fromTheFuture']);
  });

  it('reports a station identity that points nowhere as a corrupt record', async () => {
    const name = uniqueName();
    const db = new ZonelinkDb(name);
    await db.settings.put({ key: 'station', value: { networkId: 'n', zoneId: 'z', stationId: 's' } });
    db.close();
    expect(await openDatabase(new ZonelinkDb(name))).toMatchObject({ ok: false, problem: 'corrupt', detail: 'unexpected shape in rosters' });
  });
});
