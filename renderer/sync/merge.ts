import { canonicalJson, type Json } from './canonical';
import { hlcInstant } from './hlc';
import { opKey, type Op } from './op';
import { DELETED_FIELD, ERASED_FIELD, type Party, type TableSpec } from './schema';

/**
 * The merge (ADR 0011): the state of a row is a pure function of the set of its ops, the table's
 * declaration and the station → zone map of the roster. Never of the order the ops arrived in,
 * nor of any clock.
 */

/** Station id → zone id, from the roster. */
export type StationZones = Readonly<Record<string, string>>;

/**
 * Why a stored op has no effect:
 * - station: its origin is not in the roster;
 * - authority: its origin's zone may not write that field of that row;
 * - invalid: a value the merge depends on has the wrong type (a zone id, deleted, erased).
 */
export type RejectReason = 'station' | 'authority' | 'invalid';

export interface Rejection {
  key: string;
  reason: RejectReason;
}

/** One value of a field, with who wrote it, where and when. */
export interface FieldVersion {
  value: Json;
  hlc: string;
  /** UTC ISO instant of hlc. */
  at: string;
  origin: string;
  author: string;
}

/** Concurrent edits of one field: the value that wins, and the ones its writer never saw. */
export interface FieldConflict {
  kind: 'field';
  table: string;
  rowId: string;
  field: string;
  winner: FieldVersion;
  /** Newest first. */
  others: FieldVersion[];
}

export interface AuditColumns {
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type MaterialisedRow = { id: string } & Record<string, Json>;

export interface RowOutcome {
  table: string;
  rowId: string;
  /** The row's stream, where this station writes its edits: that of the op that created it. */
  stream: string;
  owner: string | null;
  requester: string | null;
  /** The row was created: its owner zone is known. */
  exists: boolean;
  deleted: boolean;
  erased: boolean;
  /**
   * The streams of the row's effective erasure ops. Erasure replaces the personal values of the
   * row's ops in those streams: the ops it travels with, so every station that holds both ends
   * up with the same erased ops, whatever path they took.
   */
  erasedIn: string[];
  /** What the UI reads: present when the row exists and is neither deleted nor erased. */
  row: MaterialisedRow | null;
  /** Field → hlc of its winning op: the `prev` of the next local edit. Includes `deleted`. */
  heads: Record<string, string>;
  /** Open field conflicts; none on a deleted or erased row. */
  conflicts: FieldConflict[];
  rejected: Rejection[];
  /** Keys of ops for a table or field this version does not know: replayed after an upgrade. */
  deferred: string[];
  /** Keys of stored ops whose value erasure must replace (personal fields of an erased row). */
  scrub: string[];
}

/** The total order of ops: by hlc, then (only for malformed input) by key. */
export function compareOps(a: Op, b: Op): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  const ka = opKey(a);
  const kb = opKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function mayWrite(rule: Party, zone: string, owner: string | null, requester: string | null): boolean {
  switch (rule) {
    case 'any':
      return true;
    case 'owner':
      return zone === owner;
    case 'requester':
      return zone === requester;
    case 'parties':
      return zone === owner || zone === requester;
  }
}

function version(op: Op): FieldVersion {
  return { value: op.value, hlc: op.hlc, at: hlcInstant(op.hlc), origin: op.origin, author: op.author };
}

/**
 * Folds a row's ops in hlc order. Each op is judged against the owner and requester zones as they
 * stand just before it; while a row has no owner, anyone may set it (creation), and while it has
 * no requester, the owner or the requesting zone itself may set it. Erasure is open to every zone
 * of the network: it cannot be undone, so its effect must not hang on anything a later op could
 * change (the roles that restrict it are checked where it is written).
 */
export function materialiseRow(table: TableSpec | undefined, rowId: string, ops: readonly Op[], stations: StationZones): RowOutcome {
  const sorted = [...ops].sort(compareOps);
  const first = sorted[0];
  if (!first) throw new RangeError('materialiseRow: a row has at least one op');
  const tableName = first.table;
  let owner: string | null = null;
  let requester: string | null = null;
  let creation: Op | null = null;
  let latest: Op | null = null;
  const erasedIn = new Set<string>();
  const effective = new Map<string, Op[]>();
  const rejected: Rejection[] = [];
  const deferred: string[] = [];

  for (const op of sorted) {
    const key = opKey(op);
    const reject = (reason: RejectReason) => rejected.push({ key, reason });
    const rule = !table ? undefined : op.field === DELETED_FIELD ? table.delete : op.field === ERASED_FIELD ? 'any' : table.fields[op.field]?.writer;
    if (rule === undefined) {
      deferred.push(key);
      continue;
    }
    const zone = stations[op.origin];
    if (zone === undefined) {
      reject('station');
      continue;
    }
    const isOwner = op.field === table!.owner;
    const isRequester = op.field === table!.requester;
    const valid =
      op.field === ERASED_FIELD ? op.value === true
      : op.field === DELETED_FIELD ? typeof op.value === 'boolean'
      : isOwner || isRequester ? typeof op.value === 'string'
      : true;
    if (!valid) {
      reject('invalid');
      continue;
    }
    const allowed =
      isOwner && owner === null ? true
      : isRequester && requester === null ? zone === op.value || zone === owner
      : mayWrite(rule, zone, owner, requester);
    if (!allowed) {
      reject('authority');
      continue;
    }
    if (op.field === ERASED_FIELD) {
      erasedIn.add(op.stream);
      continue;
    }
    if (isOwner) {
      owner = op.value as string;
      creation ??= op;
    }
    if (isRequester) requester = op.value as string;
    latest = op;
    const list = effective.get(op.field);
    if (list) list.push(op);
    else effective.set(op.field, [op]);
  }

  const stream = (creation ?? first).stream;
  const heads: Record<string, string> = {};
  for (const [field, list] of effective) heads[field] = list[list.length - 1]!.hlc;
  const exists = owner !== null;
  const erased = erasedIn.size > 0;
  const deleted = erased || effective.get(DELETED_FIELD)?.at(-1)?.value === true;
  const personal = table?.personal ?? {};
  const scrub = sorted.filter((op) => !op.erased && op.field in personal && erasedIn.has(op.stream)).map(opKey);

  let row: MaterialisedRow | null = null;
  const conflicts: FieldConflict[] = [];
  if (table && exists && !deleted) {
    row = { id: rowId };
    for (const field of Object.keys(table.fields)) {
      const list = effective.get(field);
      const winner = list?.[list.length - 1];
      row[field] = winner ? winner.value : null;
      if (!list || !winner || table.fields[field]!.latestWins) continue;
      const winning = canonicalJson(winner.value);
      const others = list.filter((op) => op !== winner && (winner.prev === null || op.hlc > winner.prev) && canonicalJson(op.value) !== winning);
      if (others.length) {
        conflicts.push({ kind: 'field', table: tableName, rowId, field, winner: version(winner), others: others.reverse().map(version) });
      }
    }
    const audit: AuditColumns = {
      createdAt: hlcInstant(creation!.hlc),
      createdBy: creation!.author,
      updatedAt: hlcInstant(latest!.hlc),
      updatedBy: latest!.author,
    };
    Object.assign(row, audit);
  }

  return { table: tableName, rowId, stream, owner, requester, exists, deleted, erased, erasedIn: [...erasedIn].sort(), row, heads, conflicts, rejected, deferred, scrub };
}
