/**
 * Reference model of the replicated record layer, written from ../shared/design/sync.md and the
 * issue, independently of renderer/sync and renderer/data: it imports nothing from them. Given
 * every op ever made and the roster, it says what a station of a zone must hold once it has
 * received every op of its audience. The convergence property test compares each station's full
 * dump with it.
 *
 * The rules, as specified:
 * - A zone holds exactly the ops of the streams it belongs to: "net", "zone:<its id>", and
 *   "loan:<ids joined by +>" that list it.
 * - A row's ops are taken in clock order (hlc strings compare as clocks), whatever stream each
 *   came in.
 * - An op whose origin is not in the roster has no effect. An op for an undeclared table or field
 *   has no effect (it waits for an upgrade).
 * - Authority is judged against the owner and requester zones as they stand before the op: the
 *   first owner value is free (creation); a first requester value may be set by the owner zone or
 *   the zone it names; otherwise the field's writer rule (owner / requester / parties / any) must
 *   hold for the origin's zone. Erasure (value true) is open to every zone. The owner and requester
 *   fields need text values, `deleted` a boolean, `erased` the value true.
 * - Highest hlc wins per field. A field is in conflict when an effective op other than the winner
 *   carries a different value and is newer than the value the winner replaced (its prev).
 * - A row exists once it has an owner; it is shown unless its `deleted` winner is true or it was
 *   erased. Its audit columns: created by the op that first set its owner, updated by its latest
 *   effective op (erasure aside).
 * - Erasure replaces with null (salt '', erased: true) the value of every op of the row's personal
 *   fields that travels in the stream of an effective erasure op; the row is a tombstone with no
 *   open conflicts.
 */

export interface ModelOp {
  origin: string;
  stream: string;
  seq: number;
  hlc: string;
  prev: string | null;
  author: string;
  table: string;
  rowId: string;
  field: string;
  value: unknown;
  salt: string;
  valueHash: string;
  erased?: true;
}

export type Writer = 'owner' | 'requester' | 'parties' | 'any';

export interface ModelTable {
  name: string;
  owner: string;
  requester: string | null;
  writers: Record<string, Writer>;
  deleteWriter: Writer;
  personal: string[];
}

export interface ModelVersion {
  value: unknown;
  hlc: string;
  at: string;
  origin: string;
  author: string;
}

export interface ModelConflict {
  kind: 'field';
  table: string;
  rowId: string;
  field: string;
  winner: ModelVersion;
  others: ModelVersion[];
}

export interface ModelState {
  ops: ModelOp[];
  rows: Record<string, unknown>[];
  conflicts: ModelConflict[];
  rejected: string[];
  deferred: string[];
}

export function zoneHolds(stream: string, zone: string): boolean {
  if (stream === 'net') return true;
  const [kind, rest] = [stream.slice(0, stream.indexOf(':')), stream.slice(stream.indexOf(':') + 1)];
  if (kind === 'zone') return rest === zone;
  if (kind === 'loan') return rest.split('+').includes(zone);
  return false;
}

const keyOf = (op: ModelOp) => `${op.origin}|${op.stream}|${op.seq}`;
const instant = (hlc: string) => new Date(Number(hlc.slice(0, 15))).toISOString();
const json = (v: unknown) => JSON.stringify(v);

function permitted(writer: Writer, zone: string, owner: string | null, requester: string | null): boolean {
  if (writer === 'any') return true;
  if (writer === 'owner') return owner !== null && zone === owner;
  if (writer === 'requester') return requester !== null && zone === requester;
  return (owner !== null && zone === owner) || (requester !== null && zone === requester);
}

function version(op: ModelOp): ModelVersion {
  return { value: op.value, hlc: op.hlc, at: instant(op.hlc), origin: op.origin, author: op.author };
}

export function expectedState(tables: readonly ModelTable[], stationZone: Readonly<Record<string, string>>, everyOp: readonly ModelOp[], zone: string): ModelState {
  const held = everyOp.filter((op) => zoneHolds(op.stream, zone));
  const rows = new Map<string, ModelOp[]>();
  for (const op of held) {
    const id = `${op.table}\u0000${op.rowId}`;
    rows.set(id, [...(rows.get(id) ?? []), op]);
  }
  const erasedKeys = new Set<string>();
  const shown: Record<string, unknown>[] = [];
  const conflicts: ModelConflict[] = [];
  const rejected: string[] = [];
  const deferred: string[] = [];

  for (const ops of rows.values()) {
    const ordered = [...ops].sort((a, b) => (a.hlc === b.hlc ? 0 : a.hlc < b.hlc ? -1 : 1));
    const table = tables.find((t) => t.name === ordered[0]!.table);
    let owner: string | null = null;
    let requester: string | null = null;
    const erasedStreams: string[] = [];
    let createdBy: ModelOp | null = null;
    let last: ModelOp | null = null;
    const applied: ModelOp[] = [];
    for (const op of ordered) {
      const writer: Writer | undefined =
        table === undefined ? undefined : op.field === 'erased' ? 'any' : op.field === 'deleted' ? table.deleteWriter : table.writers[op.field];
      if (writer === undefined) {
        deferred.push(keyOf(op));
        continue;
      }
      const zoneOfOrigin = stationZone[op.origin];
      if (zoneOfOrigin === undefined) {
        rejected.push(`${keyOf(op)}:station`);
        continue;
      }
      const isOwner = op.field === table!.owner;
      const isRequester = table!.requester !== null && op.field === table!.requester;
      const typeOk =
        op.field === 'erased' ? op.value === true : op.field === 'deleted' ? typeof op.value === 'boolean' : isOwner || isRequester ? typeof op.value === 'string' : true;
      if (!typeOk) {
        rejected.push(`${keyOf(op)}:invalid`);
        continue;
      }
      let ok: boolean;
      if (isOwner && owner === null) ok = true;
      else if (isRequester && requester === null) ok = zoneOfOrigin === op.value || zoneOfOrigin === owner;
      else ok = permitted(writer, zoneOfOrigin, owner, requester);
      if (!ok) {
        rejected.push(`${keyOf(op)}:authority`);
        continue;
      }
      if (op.field === 'erased') {
        erasedStreams.push(op.stream);
        continue;
      }
      if (isOwner) {
        owner = op.value as string;
        if (createdBy === null) createdBy = op;
      }
      if (isRequester) requester = op.value as string;
      last = op;
      applied.push(op);
    }
    if (!table) continue;
    const erased = erasedStreams.length > 0;
    for (const op of ops) if (table.personal.includes(op.field) && erasedStreams.includes(op.stream)) erasedKeys.add(keyOf(op));
    const winnerOf = (field: string) => {
      let best: ModelOp | undefined;
      for (const op of applied) if (op.field === field && (!best || op.hlc > best.hlc)) best = op;
      return best;
    };
    const deletedWinner = winnerOf('deleted');
    const visible = owner !== null && !erased && deletedWinner?.value !== true;
    if (!visible) continue;
    const rowId = ordered[0]!.rowId;
    const row: Record<string, unknown> = { id: rowId };
    for (const field of Object.keys(table.writers)) {
      const winner = winnerOf(field);
      row[field] = winner ? winner.value : null;
      if (!winner) continue;
      const losers = applied
        .filter((op) => op.field === field && op !== winner && json(op.value) !== json(winner.value) && (winner.prev === null || op.hlc > winner.prev))
        .sort((a, b) => (a.hlc < b.hlc ? 1 : -1));
      if (losers.length) conflicts.push({ kind: 'field', table: table.name, rowId, field, winner: version(winner), others: losers.map(version) });
    }
    row.createdAt = instant(createdBy!.hlc);
    row.createdBy = createdBy!.author;
    row.updatedAt = instant(last!.hlc);
    row.updatedBy = last!.author;
    shown.push(row);
  }

  const outOps = held
    .map((op) => (erasedKeys.has(keyOf(op)) ? { ...op, value: null, salt: '', erased: true as const } : op))
    .sort((a, b) => (a.origin !== b.origin ? (a.origin < b.origin ? -1 : 1) : a.stream !== b.stream ? (a.stream < b.stream ? -1 : 1) : a.seq - b.seq));
  return {
    ops: outOps,
    rows: shown.sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : 1)),
    conflicts: conflicts.sort((a, b) => (`${a.table}|${a.rowId}|${a.field}` < `${b.table}|${b.rowId}|${b.field}` ? -1 : 1)),
    rejected: rejected.sort(),
    deferred: deferred.sort(),
  };
}

/** The acknowledgements of a zone's station that holds every op of its audience. */
export function expectedAcks(everyOp: readonly ModelOp[], zone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const op of everyOp) {
    if (!zoneHolds(op.stream, zone)) continue;
    const key = `${op.origin}|${op.stream}`;
    out[key] = Math.max(out[key] ?? 0, op.seq);
  }
  return out;
}
