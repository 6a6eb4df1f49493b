// Runs in Chromium (bundled by build/scripts/bench.mjs): export and import of a bundle of N ops
// through the real data layer on real IndexedDB, run in the sync Worker as the app runs them
// (decision 0046), each next to its baseline measured in the same run; the longest main-thread
// task is the page's while the Worker works. The runner calls window.zonelinkBench and prints the figures.
import { ZonelinkDb } from '../../renderer/data/db';
import { completeFirstRun } from '../../renderer/data/first-run';
import { setStationKeys } from '../../renderer/data/network';
import { replicaOf } from '../../renderer/data/replicated/replica-of';
import { peopleTable } from '../../renderer/data/replicated/tables/people';
import { createSyncClient, exportRoster, joinNetwork, networkFingerprint, prepareStationKeys, type SyncClient } from '../../renderer/data/sync';
import { networkFromTemplate } from '../../renderer/domain/wvl4-template';
import { encodeRecords } from '../../renderer/sync/bundle/records';
import { canonicalJson } from '../../renderer/sync/canonical';
import { uuidv7 } from '../../renderer/sync/ids';
import { opHash, type Op } from '../../renderer/sync/op';

const PASSPHRASE = 'benchmark passphrase 2026';
// The rows are accounts: the one declared table so far, so the import materialises real rows.
// Six ops a row (name, personnel number, zone, roles, active, password hash).
const ROW_FIELDS = 6;
const PASSWORD = { algorithm: 'PBKDF2-SHA-256', iterations: 600_000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' } as const;

/** The longest main-thread task seen while `fn` runs (PerformanceObserver 'longtask', >= 50 ms). */
async function withLongestTask<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; longestTaskMs: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  const result = await fn();
  const ms = performance.now() - started;
  // Long-task entries are delivered after the task; give them a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.takeRecords().forEach((entry) => (longest = Math.max(longest, entry.duration)));
  observer.disconnect();
  return { result, ms, longestTaskMs: longest };
}

function freshName(prefix: string): string {
  return `${prefix}-${uuidv7()}`;
}

/** A sync client whose Worker works on `db`; bench.mjs serves the Worker's bundle at /sync-worker.js. */
const clientOf = (db: ZonelinkDb): SyncClient => createSyncClient({ database: db.name, createWorker: () => new Worker('/sync-worker.js', { type: 'module' }) });

interface Setup {
  sender: SyncClient;
  /** Stations ready to import, one per measured run. */
  receivers: { client: SyncClient; stationId: string }[];
  ops: Op[];
}

let setup: Setup | null = null;

/** A (Westkust) creates the network and writes `opCount` ops; `runs` stations of other zones join it. */
async function prepare(opCount: number, runs: number): Promise<{ ops: number; setupMs: number }> {
  const started = performance.now();
  const network = networkFromTemplate(uuidv7);
  const westkust = network.zones.find((z) => z.key === 'westkust')!;
  const a = network.stations.find((s) => s.zoneId === westkust.id)!;
  const sender = new ZonelinkDb(freshName('bench-a'));
  const person = await completeFirstRun(sender, {
    network,
    zoneId: westkust.id,
    stationId: a.id,
    admin: { name: 'Bench Admin', personnelNumber: 'BENCH1', password: 'benchmark password' },
    adminPassphrase: PASSPHRASE,
  });
  const actor = { personId: person.id, stationId: a.id };
  const receiverStations = network.stations.filter((s) => s.zoneId !== westkust.id).slice(0, runs);
  if (receiverStations.length < runs) throw new Error(`only ${receiverStations.length} stations for ${runs} runs`);
  const receivers: { db: ZonelinkDb; stationId: string }[] = [];
  for (const station of receiverStations) {
    const db = new ZonelinkDb(freshName('bench-b'));
    const { keys } = await prepareStationKeys(db, station.id);
    await setStationKeys(sender, actor, station.id, keys, { passphrase: PASSPHRASE });
    receivers.push({ db, stationId: station.id });
  }
  const rosterFile = await exportRoster(sender);
  const fingerprint = await networkFingerprint(sender);
  for (const r of receivers) await joinNetwork(r.db, { rosterFile, networkFingerprint: fingerprint, stationId: r.stationId });

  const replica = replicaOf(sender);
  const rows = Math.ceil(opCount / ROW_FIELDS);
  const perTransaction = 2000;
  for (let done = 0; done < rows; done += perTransaction) {
    await sender.transaction('rw', replica.scope, async () => {
      for (let i = done; i < Math.min(rows, done + perTransaction); i++) {
        const values = { name: `Agent ${i}`, personnelNumber: `WK${100000 + i}`, zoneId: westkust.id, roles: ['station_staff' as const], active: true, password: PASSWORD };
        await replica.insert(peopleTable, values, actor);
      }
    });
  }
  const ops = await sender.ops.toArray();
  setup = { sender: clientOf(sender), receivers: receivers.map(({ db, stationId }) => ({ client: clientOf(db), stationId })), ops };
  return { ops: ops.length, setupMs: performance.now() - started };
}

function need(): Setup {
  if (!setup) throw new Error('call prepare first');
  return setup;
}

let lastBundle: Uint8Array | null = null;

/** An export as the export screen makes it: the plan (read and summary), then the bundle written from it. */
async function exportOnce() {
  const { sender, receivers } = need();
  let planMs = 0;
  const measured = await withLongestTask(async () => {
    const planning = performance.now();
    const plan = await sender.plan({ recipients: receivers.map((r) => r.stationId) });
    planMs = performance.now() - planning;
    return sender.exportBundle(plan.handle);
  });
  lastBundle = measured.result.bytes;
  return { ms: measured.ms, planMs, longestTaskMs: measured.longestTaskMs, bytes: measured.result.bytes.length, ops: measured.result.summary?.ops ?? null };
}

/** A station that imported the bundle relays it to another: other stations' ops, read from IndexedDB one by one. */
async function relayExportOnce() {
  const [from, to] = need().receivers;
  if (!from || !to) throw new Error('a relay needs two receivers');
  const measured = await withLongestTask(async () => {
    const plan = await from.client.plan({ recipients: [to.stationId], bootstrap: true });
    return from.client.exportBundle(plan.handle);
  });
  return { ms: measured.ms, ops: measured.result.summary?.ops ?? null };
}

async function importOnce(run: number) {
  const { receivers } = need();
  if (!lastBundle) throw new Error('export first');
  const bundle = lastBundle;
  const receiver = receivers[run];
  if (!receiver) throw new Error(`no receiver for run ${run}`);
  const measured = await withLongestTask(() => receiver.client.importBundle(bundle));
  if (measured.result.status !== 'imported') throw new Error(`import did not apply: ${JSON.stringify(measured.result).slice(0, 300)}`);
  return { ms: measured.ms, longestTaskMs: measured.longestTaskMs };
}

/**
 * Baseline: the same ops put raw into one object store in one transaction. Also reads them back
 * with one getAll: not a baseline of the issue, but the floor under any export that reads its
 * ops from IndexedDB one record an op.
 */
async function rawPutOnce() {
  const { ops } = need();
  const name = freshName('bench-raw');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('ops', { keyPath: ['origin', 'stream', 'seq'] });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('ops', 'readwrite');
    const store = tx.objectStore('ops');
    for (const op of ops) store.put(op);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  const reading = performance.now();
  const read = await new Promise<number>((resolve, reject) => {
    const request = db.transaction('ops').objectStore('ops').getAll();
    request.onsuccess = () => resolve((request.result as unknown[]).length);
    request.onerror = () => reject(request.error);
  });
  const readMs = performance.now() - reading;
  if (read !== ops.length) throw new Error(`read back ${read} of ${ops.length} ops`);
  db.close();
  indexedDB.deleteDatabase(name);
  return { ms, readMs };
}

async function pipe(bytes: Uint8Array, stream: CompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const out = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream)).arrayBuffer();
  return new Uint8Array(out);
}

/**
 * The bytes the export compresses and encrypts: its records (meta, one segment listing every
 * op's hash, the op records, end), without the roster chain. Made once, outside any measurement.
 */
let records: Uint8Array | null = null;
async function bundleRecords(): Promise<Uint8Array> {
  const { ops } = need();
  const origin = ops[0]!.origin;
  records ??= await encodeRecords({
    meta: { acks: {}, appVersion: '0.1.0', createdAt: new Date().toISOString() },
    rosters: [],
    segments: [{ origin, hashes: ops.map((op) => opHash(op)), signature: '0'.repeat(128), ops }],
  });
  return records;
}

/**
 * Baseline for export: compress + AES-256-GCM (64 KiB chunks) of the same bytes, either the
 * bundle's records (what the export must compress and encrypt) or the ops as JSON.
 */
async function compressAesOnce(of: 'records' | 'json') {
  const { ops } = need();
  const plain = of === 'records' ? await bundleRecords() : new TextEncoder().encode(canonicalJson(ops));
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const started = performance.now();
  const packed = await pipe(plain, new CompressionStream('deflate-raw'));
  const chunk = 64 * 1024;
  let total = 0;
  for (let at = 0, n = 0; at < packed.length; at += chunk, n++) {
    const iv = new Uint8Array(12);
    new DataView(iv.buffer).setUint32(8, n);
    total += (await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, packed.subarray(at, at + chunk))).byteLength;
  }
  return { ms: performance.now() - started, bytes: total, plainBytes: plain.length };
}

/** Size reference: the same ops as gzipped JSON. */
async function gzipJsonSize() {
  const { ops } = need();
  return (await pipe(new TextEncoder().encode(JSON.stringify(ops)), new CompressionStream('gzip'))).length;
}

declare global {
  interface Window {
    zonelinkBench: typeof api;
  }
}

const api = { prepare, exportOnce, relayExportOnce, importOnce, rawPutOnce, compressAesOnce, gzipJsonSize };
window.zonelinkBench = api;
