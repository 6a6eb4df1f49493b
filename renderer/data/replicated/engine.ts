import Dexie from 'dexie';
import { DomainError } from '../../domain/errors';
import { ackKey, advanceAck, splitAckKey } from '../../sync/acks';
import { materialiseRow, type MaterialisedRow, type RowOutcome, type StationZones } from '../../sync/merge';
import { withHash, type HashedOp } from '../../sync/arrivals';
import { eraseOpValue, opKey, type Op } from '../../sync/op';
import { tableFingerprint, type TableSpec } from '../../sync/schema';
import type { StationIdentity } from '../settings';
import { pageOwnOps, repageOwnOps } from './op-pages';
import type { AckRow, HeldOp, OpPrimaryKey, ReplicaTables, RowFlag, RowKey, RowOps, RowState, StoredOp } from './stores';

/**
 * The replication layer's steps inside one Dexie transaction (ADR 0013). Only Dexie is awaited
 * here; everything else is the pure code of renderer/sync. The repository and the v1 → v2
 * upgrade both run on these.
 */

export type Registry = ReadonlyMap<string, TableSpec>;

export function registryOf(tables: readonly TableSpec[]): Registry {
  return new Map(tables.map((t) => [t.name, t]));
}

export interface Context {
  stationId: string;
  zoneId: string;
  zones: StationZones;
  rosterVersion: number;
  /** The station's clock: the highest hlc it has made or merged. */
  clock: string | null;
}

export async function loadContext(t: ReplicaTables): Promise<Context> {
  const [station, roster, clock] = await Promise.all([
    t.settings.get('station'),
    t.rosters.orderBy('version').last(),
    t.syncMeta.get('hlc'),
  ]);
  if (!station) throw new DomainError('station.unknown');
  const { stationId, zoneId } = station.value as StationIdentity;
  const zones = Object.fromEntries((roster?.network.stations ?? []).map((s) => [s.id, s.zoneId]));
  return { stationId, zoneId, zones, rosterVersion: roster?.version ?? 0, clock: (clock?.value as string | undefined) ?? null };
}

export async function saveClock(t: ReplicaTables, clock: string | null): Promise<void> {
  if (clock !== null) await t.syncMeta.put({ key: 'hlc', value: clock });
}

const rowKeyString = (table: string, rowId: string) => `${table}|${rowId}`;

/** The op as the ops store keeps it: without a hash (decision 0058). */
const unhashed = ({ hash: _hash, ...op }: Op & { hash?: string }): StoredOp => op;

function flagsOf(outcome: RowOutcome): RowFlag[] {
  const flags: RowFlag[] = [];
  if (outcome.conflicts.length) flags.push('conflict');
  if (outcome.rejected.length) flags.push('rejected');
  if (outcome.deferred.length) flags.push('deferred');
  return flags;
}

/** The primary keys of a row's stored ops. */
export function opKeysOf(state: Pick<RowState, 'ops'>): OpPrimaryKey[] {
  const keys: OpPrimaryKey[] = [];
  for (const [pair, seqs] of Object.entries(state.ops)) {
    const { origin, stream } = splitAckKey(pair);
    for (const seq of seqs) keys.push([origin, stream, seq]);
  }
  return keys;
}

/** A row's op keys with some more ops of that row added; pairs and seqs sorted, so every station stores the same. */
export function withOps(known: RowOps, added: ReadonlyArray<Pick<StoredOp, 'origin' | 'stream' | 'seq'>>): RowOps {
  const pairs = new Map(Object.entries(known).map(([pair, seqs]) => [pair, [...seqs]]));
  for (const op of added) {
    const pair = ackKey(op.origin, op.stream);
    const seqs = pairs.get(pair);
    if (seqs) seqs.push(op.seq);
    else pairs.set(pair, [op.seq]);
  }
  return Object.fromEntries([...pairs.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pair, seqs]) => [pair, seqs.sort((x, y) => x - y)]));
}

/** Below this many rows a batch looks its row states up one by one. */
const PROBE_FROM = 256;

/**
 * The row states of `rows` (undefined where a row has none). For a large batch, which rows have a
 * state is read first as keys, over one range per table, so a batch of new rows (an import)
 * costs no lookup each; when a range holds many more keys than the batch has rows there (rows
 * spread over a large table), the rows are looked up one by one after all.
 */
async function rowStatesOf(t: ReplicaTables, rows: readonly RowKey[]): Promise<Array<RowState | undefined>> {
  if (rows.length < PROBE_FROM) return t.rowStates.bulkGet([...rows]);
  const ranges = new Map<string, { min: string; max: string; rows: number }>();
  for (const [table, rowId] of rows) {
    const range = ranges.get(table);
    if (!range) ranges.set(table, { min: rowId, max: rowId, rows: 1 });
    else {
      if (rowId < range.min) range.min = rowId;
      if (rowId > range.max) range.max = rowId;
      range.rows++;
    }
  }
  const present = new Set<string>();
  const lookUp = new Set<string>();
  await Promise.all(
    [...ranges].map(async ([table, { min, max, rows: count }]) => {
      const range = t.rowStates.where('[table+rowId]').between([table, min], [table, max], true, true);
      if ((await range.count()) > 2 * count) lookUp.add(table);
      else for (const [, rowId] of await range.primaryKeys()) present.add(rowKeyString(table, rowId));
    }),
  );
  const wanted = rows.filter(([table, rowId]) => lookUp.has(table) || present.has(rowKeyString(table, rowId)));
  const found = new Map<string, RowState>();
  for (const state of wanted.length ? await t.rowStates.bulkGet(wanted) : []) if (state) found.set(rowKeyString(state.table, state.rowId), state);
  return rows.map(([table, rowId]) => found.get(rowKeyString(table, rowId)));
}

/**
 * Merges rows again from all their stored ops and writes the result: the materialised rows the UI
 * reads, the row states, and erasure of personal values (in stored and held ops). `fresh` holds
 * the ops this transaction stored, which their rows' states do not list yet.
 */
export async function rematerialise(
  t: ReplicaTables,
  registry: Registry,
  { zones, stationId }: Pick<Context, 'zones' | 'stationId'>,
  rows: readonly RowKey[],
  fresh: ReadonlyMap<string, StoredOp[]> = new Map(),
): Promise<RowOutcome[]> {
  if (rows.length === 0) return [];
  const states = await rowStatesOf(t, rows);
  const storedKeys = states.flatMap((state) => (state ? opKeysOf(state) : []));
  const stored = storedKeys.length ? await t.ops.bulkGet(storedKeys) : [];
  const opsByRow = new Map<string, StoredOp[]>();
  for (const op of stored) {
    if (!op) throw new Error('rematerialise: a row state lists an op that is not stored');
    const key = rowKeyString(op.table, op.rowId);
    const list = opsByRow.get(key);
    if (list) list.push(op);
    else opsByRow.set(key, [op]);
  }
  const outcomes: RowOutcome[] = [];
  const byKey = new Map<string, StoredOp>();
  const scrubbed: StoredOp[] = [];
  const newStates: RowState[] = [];
  const puts = new Map<string, MaterialisedRow[]>();
  const deletes = new Map<string, string[]>();
  const add = <T>(map: Map<string, T[]>, table: string, item: T) => {
    const list = map.get(table);
    if (list) list.push(item);
    else map.set(table, [item]);
  };
  const erasedRows = new Map<string, ReadonlySet<string>>();
  rows.forEach(([table, rowId], i) => {
    const key = rowKeyString(table, rowId);
    const added = fresh.get(key) ?? [];
    const ops = [...(opsByRow.get(key) ?? []), ...added];
    if (!ops.length) throw new Error(`rematerialise: no ops for ${key}`);
    const spec = registry.get(table);
    const outcome = materialiseRow(spec, rowId, ops, zones);
    outcomes.push(outcome);
    const { row, scrub, ...state } = outcome;
    newStates.push({ ...state, flags: flagsOf(outcome), ops: withOps(states[i]?.ops ?? {}, added) });
    if (scrub.length) {
      for (const op of ops) byKey.set(opKey(op), op);
      for (const k of scrub) scrubbed.push(unhashed(eraseOpValue(byKey.get(k)!)));
    }
    if (outcome.erased) erasedRows.set(key, new Set(outcome.erasedIn));
    if (!spec) return;
    if (row) add(puts, table, row);
    else if (states[i]?.exists && !states[i]?.deleted) add(deletes, table, rowId);
  });
  const writes: Promise<unknown>[] = [t.rowStates.bulkPut(newStates)];
  if (scrubbed.length) writes.push(t.ops.bulkPut(scrubbed));
  if (scrubbed.length && t.opPages) writes.push(repageOwnOps(t.opPages, stationId, scrubbed.filter((op) => op.origin === stationId).map(withHash)));
  for (const [table, list] of puts) writes.push(t.table(table).bulkPut(list));
  for (const [table, ids] of deletes) writes.push(t.table(table).bulkDelete(ids));
  if (erasedRows.size) writes.push(scrubHeld(t, registry, erasedRows));
  await Promise.all(writes);
  return outcomes;
}

/** Held ops of erased rows lose their personal values too: erasure reaches everything stored. */
async function scrubHeld(t: ReplicaTables, registry: Registry, erasedRows: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const held = await t.heldOps.toArray();
  const scrubbed = held.filter((op) => !op.erased && erasedRows.get(rowKeyString(op.table, op.rowId))?.has(op.stream) && op.field in (registry.get(op.table)?.personal ?? {}));
  if (scrubbed.length) await t.heldOps.bulkPut(scrubbed.map((op) => eraseOpValue(op) as HeldOp));
}

/** The distinct rows of some ops, in first-seen order. */
export function rowsOf(ops: readonly StoredOp[]): { rows: RowKey[]; byRow: Map<string, StoredOp[]> } {
  const byRow = new Map<string, StoredOp[]>();
  const rows: RowKey[] = [];
  for (const op of ops) {
    const key = rowKeyString(op.table, op.rowId);
    const list = byRow.get(key);
    if (list) list.push(op);
    else {
      byRow.set(key, [op]);
      rows.push([op.table, op.rowId]);
    }
  }
  return { rows, byRow };
}

/**
 * Stores new ops, merges their rows and moves this station's acks forward. Acks stay gap-free:
 * each stops below the first seq of its (origin, stream) that is missing or held back. Callers
 * pass only ops not stored yet (planArrivals sorted out duplicates and forks; a local write takes
 * the next seq), so a put needs no existence check, which an add makes per op (decision 0052).
 */
export async function storeAndMerge(t: ReplicaTables, registry: Registry, ctx: Pick<Context, 'zones' | 'stationId'>, ops: readonly HashedOp[]): Promise<RowOutcome[]> {
  if (ops.length === 0) return [];
  await Promise.all([t.ops.bulkPut(ops.map(unhashed)), t.opPages && pageOwnOps(t.opPages, ctx.stationId, ops)]);
  const { rows, byRow } = rowsOf(ops);
  const [outcomes] = await Promise.all([rematerialise(t, registry, ctx, rows, byRow), advanceAcks(t, ops)]);
  return outcomes;
}

async function advanceAcks(t: ReplicaTables, ops: readonly StoredOp[]): Promise<void> {
  const pairs = new Map<string, { origin: string; stream: string; seqs: Set<number> }>();
  for (const op of ops) {
    const key = `${op.origin}|${op.stream}`;
    const pair = pairs.get(key);
    if (pair) pair.seqs.add(op.seq);
    else pairs.set(key, { origin: op.origin, stream: op.stream, seqs: new Set([op.seq]) });
  }
  const list = [...pairs.values()];
  const current = await t.acks.bulkGet(list.map((p) => [p.origin, p.stream] as [string, string]));
  const next = await Promise.all(
    list.map(async ({ origin, stream, seqs }, i): Promise<AckRow> => {
      const seq = current[i]?.seq ?? 0;
      if (!seqs.has(seq + 1)) return { origin, stream, seq };
      // Through this batch's own seqs first; only ops stored earlier beyond them are read.
      const through = advanceAck(seq, seqs);
      const above = await t.ops.where('[origin+stream+seq]').between([origin, stream, through + 1], [origin, stream, Infinity], true, true).primaryKeys();
      return { origin, stream, seq: advanceAck(through, new Set(above.map((k) => k[2]))) };
    }),
  );
  await t.acks.bulkPut(next);
}

const MERGE_META = 'merge';

interface MergeMeta {
  tables: Record<string, string>;
  rosterVersion: number;
}

/**
 * After an upgrade (a declaration changed, a table or field became known) or a new roster
 * version, merges again the rows whose outcome may differ: every row of a changed table, rows
 * with ops deferred as unknown, and (for a new roster) rows with rejected ops.
 */
export async function replayIfChanged(t: ReplicaTables, registry: Registry, ctx: Context): Promise<void> {
  const tables = Object.fromEntries([...registry.values()].map((spec) => [spec.name, tableFingerprint(spec)]));
  const before = (await t.syncMeta.get(MERGE_META))?.value as MergeMeta | undefined;
  const changed = [...new Set([...Object.keys(tables), ...Object.keys(before?.tables ?? {})])].filter((name) => tables[name] !== before?.tables[name]);
  const rosterChanged = before?.rosterVersion !== ctx.rosterVersion;
  if (changed.length === 0 && !rosterChanged) return;
  const lists = await Promise.all([
    ...changed.map((name) => t.rowStates.where('[table+rowId]').between([name, Dexie.minKey], [name, Dexie.maxKey]).primaryKeys()),
    t.rowStates.where('flags').equals('deferred').primaryKeys(),
    rosterChanged ? t.rowStates.where('flags').equals('rejected').primaryKeys() : Promise.resolve([]),
  ]);
  const rows = new Map<string, RowKey>();
  for (const key of lists.flat()) rows.set(rowKeyString(key[0], key[1]), key);
  await rematerialise(t, registry, ctx, [...rows.values()]);
  await t.syncMeta.put({ key: MERGE_META, value: { tables, rosterVersion: ctx.rosterVersion } satisfies MergeMeta });
}
