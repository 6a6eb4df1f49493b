import type { Collection, Table } from 'dexie';
import { DomainError } from '../../domain/errors';
import { lackedRanges, mergeAcks, parseAckTable, type AckTable, type LackedRange } from '../../sync/acks';
import { aheadBy, planArrivals, withHash, type ArrivalPlan, type Fork, type HashedOp } from '../../sync/arrivals';
import { streamOf, zoneSees } from '../../sync/audience';
import type { OpPage } from '../../sync/bundle/op-page';
import { canonicalJson, type Json } from '../../sync/canonical';
import { hlcInstant, MAX_DRIFT_MS, maxHlc, withinDrift } from '../../sync/hlc';
import { isUuid, uuidv7 } from '../../sync/ids';
import { stampOps } from '../../sync/local-write';
import { materialiseRow, type AuditColumns, type FieldConflict, type RejectReason } from '../../sync/merge';
import { fromStore, opHash, opKey, type Op } from '../../sync/op';
import { DELETED_FIELD, ERASED_FIELD, type ReplicatedTable, type TableSpec } from '../../sync/schema';
import { validateOp } from '../../sync/validate';
import type { Actor } from '../actor';
import type { ZonelinkDb } from '../db';
import type { StationIdentity } from '../settings';
import { pagesAfter } from './op-pages';
import { loadContext, opKeysOf, registryOf, replayIfChanged, saveClock, storeAndMerge, type Context, type Registry } from './engine';
import type { ForkAlarm, HeldOp, OpPrimaryKey, RowState, StoredOp } from './stores';

/** A materialised row of a declared table, as the UI reads it. */
export type ReplicatedRow<V extends object> = { id: string } & V & AuditColumns;

export interface ReplicaOptions {
  /** Local wall time in ms; Date.now by default. */
  now?: () => number;
  /** How far ahead a remote clock may be before its ops are held back. */
  driftMs?: number;
}

export interface ApplyResult {
  /** New ops stored and merged, released ones included. */
  accepted: number;
  /** Ops this station already had. */
  duplicates: number;
  /** New ops held back because their clock is too far ahead. */
  held: number;
  /** Ops held earlier that are now accepted. */
  released: number;
  /** Refused: same (origin, stream, seq) as an op already here, another content. Also raised as alarms. */
  forks: Fork[];
}

export interface HeldReport {
  key: string;
  op: Op;
  heldAt: string;
  /** How far the op's clock is ahead of local time now, in ms. */
  aheadMs: number;
}

export interface PeerStaleness {
  stationId: string;
  /** When this station last heard from it (UTC ISO). */
  lastHeardAt: string;
  /** It holds every op this station made in the streams it may see. */
  upToDate: boolean;
  /**
   * When not up to date: the instant up to which this station's ops have reached it, or null when
   * none of a stream it should have has.
   */
  reachedUpTo: string | null;
}

const stripHash = ({ hash: _hash, ...op }: HashedOp): Op => op;
const stripHeld = ({ heldAt: _heldAt, ...op }: HeldOp): HashedOp => op;

function keyOf(key: string): OpPrimaryKey {
  const [origin = '', stream = '', seq = ''] = key.split('|');
  return [origin, stream, Number(seq)];
}

/**
 * The replicated record layer of one database (ADR 0013). Modules write their declared tables
 * only through it; each write and each apply is one rw transaction that stamps the clock,
 * records the ops and materialises the rows the UI reads.
 */
export class Replica {
  private readonly registry: Registry;
  private readonly now: () => number;
  private readonly driftMs: number;

  constructor(
    readonly db: ZonelinkDb,
    tables: readonly TableSpec[],
    options: ReplicaOptions = {},
  ) {
    this.registry = registryOf(tables);
    for (const name of this.registry.keys()) {
      // A ConstraintError would abort a whole import: replicated tables keep only their primary key unique.
      const unique = db.table(name).schema.indexes.filter((index) => index.unique);
      if (unique.length) throw new Error(`Replica: table ${name} has unique indexes (${unique.map((i) => i.name).join(', ')})`);
    }
    this.now = options.now ?? Date.now;
    this.driftMs = options.driftMs ?? MAX_DRIFT_MS;
  }

  /** The tables a write touches: include them when a caller wraps writes in its own transaction. */
  get scope(): Table[] {
    const { db } = this;
    return [db.ops, db.opPages, db.heldOps, db.rowStates, db.acks, db.forkAlarms, db.syncMeta, db.settings, db.rosters, ...[...this.registry.keys()].map((name) => db.table(name))];
  }

  private rw<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
    return this.db.transaction('rw', this.scope, async () => {
      const ctx = await loadContext(this.db);
      await replayIfChanged(this.db, this.registry, ctx);
      return fn(ctx);
    });
  }

  private spec(table: TableSpec): TableSpec {
    const spec = this.registry.get(table.name);
    if (spec !== table) throw new Error(`Replica: table ${table.name} is not registered`);
    return spec;
  }

  /** Creates a row. The owner zone field is required; the audience is decided here, once. */
  async insert<V extends object>(table: ReplicatedTable<V>, values: V, actor: Actor, options: { id?: string } = {}): Promise<ReplicatedRow<V>> {
    const spec = this.spec(table);
    const id = options.id ?? uuidv7(this.now());
    if (!isUuid(id)) throw new DomainError('sync.badId');
    const given = values as Record<string, unknown>;
    for (const field of Object.keys(given)) if (!(field in spec.fields)) throw new DomainError('sync.unknownField', { field });
    if (typeof given[spec.owner] !== 'string') throw new DomainError('sync.ownerRequired');
    const order = [spec.owner, ...(spec.requester ? [spec.requester] : []), ...Object.keys(spec.fields)];
    const changes = [...new Set(order)].filter((f) => given[f] !== undefined).map((f) => [f, given[f] as Json] as const);
    const stream = streamOf(spec.audience({ ...given, id }));
    return this.rw(async (ctx) => {
      if (await this.db.rowStates.get([spec.name, id])) throw new DomainError('sync.rowExists');
      return (await this.write(ctx, spec, id, stream, null, changes, actor)) as ReplicatedRow<V>;
    });
  }

  /** Changes the given fields; fields whose value is unchanged make no op. */
  async update<V extends object>(table: ReplicatedTable<V>, id: string, patch: Partial<V>, actor: Actor): Promise<ReplicatedRow<V>> {
    const spec = this.spec(table);
    const given = Object.entries(patch as Record<string, unknown>).filter(([, v]) => v !== undefined);
    for (const [field] of given) if (!(field in spec.fields)) throw new DomainError('sync.unknownField', { field });
    return this.rw(async (ctx) => {
      const state = await this.liveState(spec, id);
      const current = (await this.db.table(spec.name).get(id)) as Record<string, Json>;
      const changes = given.filter(([f, v]) => canonicalJson(v) !== canonicalJson(current[f] ?? null)) as [string, Json][];
      if (changes.length === 0) return current as ReplicatedRow<V>;
      return (await this.write(ctx, spec, id, state.stream, state, changes, actor)) as ReplicatedRow<V>;
    });
  }

  /** Resolves a field conflict by writing the chosen value, even when it is the winner's. */
  async resolveConflict<V extends object, K extends keyof V & string>(table: ReplicatedTable<V>, id: string, field: K, value: V[K], actor: Actor): Promise<ReplicatedRow<V>> {
    const spec = this.spec(table);
    if (!(field in spec.fields)) throw new DomainError('sync.unknownField', { field });
    return this.rw(async (ctx) => {
      const state = await this.liveState(spec, id);
      return (await this.write(ctx, spec, id, state.stream, state, [[field, value as Json]], actor)) as ReplicatedRow<V>;
    });
  }

  /** Deletes a row: a tombstone op on its `deleted` field. */
  async delete(table: TableSpec, id: string, actor: Actor): Promise<void> {
    const spec = this.spec(table);
    await this.rw(async (ctx) => {
      const state = await this.liveState(spec, id);
      await this.write(ctx, spec, id, state.stream, state, [[DELETED_FIELD, true]], actor);
    });
  }

  /**
   * Erases a row's personal data on every station the erasure op reaches: the values of its
   * personal fields in every op, stored or still to come, and the row itself, which becomes a
   * tombstone. The op hashes stay, so signatures over them still verify. Who may erase is
   * checked by the caller (the privacy module): the merge lets every zone erase.
   */
  async erase(table: TableSpec, id: string, actor: Actor): Promise<void> {
    const spec = this.spec(table);
    await this.rw(async (ctx) => {
      const state = await this.db.rowStates.get([spec.name, id]);
      if (!state?.exists) throw new DomainError('sync.rowUnknown');
      if (!state.erased) await this.write(ctx, spec, id, state.stream, state, [[ERASED_FIELD, true]], actor);
    });
  }

  private async liveState(spec: TableSpec, id: string): Promise<RowState> {
    const state = await this.db.rowStates.get([spec.name, id]);
    if (!state?.exists || state.deleted) throw new DomainError('sync.rowUnknown');
    return state;
  }

  private async write(ctx: Context, spec: TableSpec, rowId: string, stream: string, state: RowState | null, changes: ReadonlyArray<readonly [string, Json]>, actor: Actor) {
    if (!zoneSees(stream, ctx.zoneId)) throw new DomainError('sync.outsideAudience');
    const lastSeq = (await this.db.acks.get([ctx.stationId, stream]))?.seq ?? 0;
    const { ops, clock } = stampOps({
      origin: ctx.stationId,
      author: actor.personId,
      table: spec.name,
      rowId,
      stream,
      lastSeq,
      clock: ctx.clock,
      now: this.now(),
      changes,
      heads: state?.heads ?? {},
    });
    const existing = state ? ((await this.db.ops.bulkGet(opKeysOf(state))) as StoredOp[]) : [];
    const trial = materialiseRow(spec, rowId, [...existing, ...ops], ctx.zones);
    const made = new Set(ops.map(opKey));
    if (trial.rejected.some((r) => made.has(r.key))) throw new DomainError('sync.forbidden');
    // Only a released op can be ahead of this station's clock; an edit of its field would lose.
    const behind = ops.find((op) => op.field !== ERASED_FIELD && trial.heads[op.field] !== op.hlc);
    if (behind) throw new DomainError('sync.clockBehind', { until: hlcInstant(trial.heads[behind.field]!) });
    await storeAndMerge(this.db, this.registry, ctx, ops);
    await saveClock(this.db, clock);
    return trial.row;
  }

  /**
   * Applies ops from elsewhere (a verified bundle) in one transaction: new ones are stored and
   * merged, duplicates skipped, forks refused and raised as alarms, ops from too far ahead held
   * back; held ops whose time has come are accepted. A malformed op or one outside this
   * station's audience refuses the whole call, and nothing is written.
   */
  async apply(input: readonly unknown[]): Promise<ApplyResult> {
    const incoming = input.map((raw, index) => {
      try {
        return withHash(validateOp(raw));
      } catch (e) {
        throw new DomainError('sync.badOp', { index, detail: (e as Error).message });
      }
    });
    return this.rw(async (ctx) => {
      const outside = incoming.find((op) => !zoneSees(op.stream, ctx.zoneId));
      if (outside) throw new DomainError('sync.outsideAudience', { key: opKey(outside) });
      const stored = await this.storedHashes(incoming);
      const held = (await this.db.heldOps.toArray()).map(stripHeld);
      return this.commit(ctx, planArrivals({ incoming, stored, held, now: this.now(), driftMs: this.driftMs }));
    });
  }

  /**
   * Key → hash of the incoming ops already stored. Which keys exist comes from one key-only
   * range read per (origin, stream); only those ops are read (none on a first import).
   */
  private async storedHashes(incoming: readonly HashedOp[]): Promise<Map<string, string>> {
    const ranges = new Map<string, { origin: string; stream: string; min: number; max: number }>();
    for (const { origin, stream, seq } of incoming) {
      const key = `${origin}|${stream}`;
      const range = ranges.get(key);
      if (range) {
        range.min = Math.min(range.min, seq);
        range.max = Math.max(range.max, seq);
      } else ranges.set(key, { origin, stream, min: seq, max: seq });
    }
    const keys = await Promise.all(
      [...ranges.values()].map(({ origin, stream, min, max }) => this.db.ops.where('[origin+stream+seq]').between([origin, stream, min], [origin, stream, max], true, true).primaryKeys()),
    );
    const present = new Set(keys.flat().map(([origin, stream, seq]) => opKey({ origin, stream, seq })));
    const found = await this.db.ops.bulkGet(incoming.filter((op) => present.has(opKey(op))).map((op): OpPrimaryKey => [op.origin, op.stream, op.seq]));
    // Hashed again: only ops that are stored already, duplicates or forks (decision 0058).
    return new Map(found.map((op) => [opKey(op!), opHash(op!)]));
  }

  /**
   * Accepts held ops now, whatever their clock: an administrator's decision (ADR 0012). The
   * station's clock still moves only up to local time plus the drift bound, so its own ops are
   * not held elsewhere; until their time comes, the released values win over local edits, which
   * are refused (sync.clockBehind) rather than silently lost.
   */
  async releaseHeld(keys: readonly string[]): Promise<ApplyResult> {
    return this.rw(async (ctx) => {
      const found = (await this.db.heldOps.bulkGet(keys.map(keyOf))).filter((op): op is HeldOp => op !== undefined);
      return this.commit(ctx, { accept: found.map(stripHeld), hold: [], unheld: found.map(opKey), duplicates: 0, forks: [] });
    });
  }

  private async commit(ctx: Context, plan: ArrivalPlan): Promise<ApplyResult> {
    const at = new Date(this.now()).toISOString();
    const writes: Promise<unknown>[] = [];
    if (plan.forks.length) writes.push(this.db.forkAlarms.bulkPut(plan.forks.map((f): ForkAlarm => ({ ...f, at }))));
    if (plan.hold.length) writes.push(this.db.heldOps.bulkPut(plan.hold.map((op): HeldOp => ({ ...op, heldAt: at }))));
    if (plan.unheld.length) writes.push(this.db.heldOps.bulkDelete(plan.unheld.map(keyOf)));
    await Promise.all(writes);
    if (plan.accept.length) {
      await storeAndMerge(this.db, this.registry, ctx, plan.accept);
      const now = this.now();
      const merged = plan.accept.filter((op) => withinDrift(op.hlc, now, this.driftMs));
      await saveClock(this.db, merged.reduce<string | null>((max, op) => maxHlc(max, op.hlc), ctx.clock));
    }
    return { accepted: plan.accept.length, duplicates: plan.duplicates, held: plan.hold.length, released: plan.unheld.length, forks: plan.forks };
  }

  /** Merges again what an upgrade or a new roster version may change. Every write does it too. */
  async replayAfterUpgrade(): Promise<void> {
    await this.rw(async () => undefined);
  }

  /** Held-back ops, for the report and for an administrator to release. */
  async heldOps(): Promise<HeldReport[]> {
    const now = this.now();
    return (await this.db.heldOps.toArray()).map((h) => {
      const { heldAt, ...op } = stripHash(h) as Op & { heldAt: string };
      return { key: opKey(op), op, heldAt, aheadMs: aheadBy(op, now) };
    });
  }

  async forkAlarms(): Promise<ForkAlarm[]> {
    return this.db.forkAlarms.toArray();
  }

  /** This station's acknowledgements, as carried in every bundle it writes. */
  async acks(): Promise<AckTable> {
    const out: AckTable = {};
    for (const row of await this.db.acks.toArray()) if (row.seq > 0) out[`${row.origin}|${row.stream}`] = row.seq;
    return out;
  }

  /** Records what another station reported holding (its acks, from its bundle) and when. */
  async recordPeerAcks(stationId: string, acks: unknown, heardAt: string): Promise<void> {
    const reported = parseAckTable(acks);
    await this.db.transaction('rw', this.db.peers, async () => {
      const known = await this.db.peers.get(stationId);
      const latest = known && known.heardAt > heardAt ? known.heardAt : heardAt;
      await this.db.peers.put({ stationId, heardAt: latest, acks: mergeAcks(known?.acks ?? {}, reported) });
    });
  }

  /**
   * The ops a set of recipient stations lacks, per (origin, stream) of the streams their zones
   * see, given their acks: those passed, else the last ones recorded, else none (everything).
   * Pass `acks: {}` to bootstrap a station. The ops come back frozen and known as checked with
   * their hash (fromStore), so an export does not hash them again.
   */
  async opsLackedBy(recipients: ReadonlyArray<{ stationId: string; acks?: AckTable }>): Promise<Op[]> {
    const lists = await this.overLackedRanges(recipients, (range) => range.toArray());
    return fromStore(lists.flat());
  }

  /**
   * The same as opsLackedBy for an export: this station's own ops come as its op pages where
   * these hold them (decision 0058), every other op as read.
   */
  async lackedBy(recipients: ReadonlyArray<{ stationId: string; acks?: AckTable }>): Promise<{ ops: Op[]; pages: OpPage[] }> {
    const own = ((await this.db.settings.get('station'))?.value as StationIdentity | undefined)?.stationId;
    const parts = await this.overLackedRanges(recipients, async (range, { origin, stream, after }) => {
      const pages = origin === own ? await pagesAfter(this.db.opPages, this.db.ops, origin, stream, after) : null;
      return pages ? { pages, ops: [] } : { pages: [], ops: await range.toArray() };
    });
    return { ops: await fromStore(parts.flatMap((p) => p.ops)), pages: parts.flatMap((p) => p.pages) };
  }

  /** How many ops `opsLackedBy` would give, counted by key range without reading them: for the sync screen. */
  async countLackedBy(recipients: ReadonlyArray<{ stationId: string; acks?: AckTable }>): Promise<number> {
    const counts = await this.overLackedRanges(recipients, (range) => range.count());
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** Runs `read` on the ops key range of every (origin, stream) the recipients lack, in one read transaction. */
  private overLackedRanges<T>(
    recipients: ReadonlyArray<{ stationId: string; acks?: AckTable }>,
    read: (range: Collection<StoredOp, OpPrimaryKey>, lacked: LackedRange) => Promise<T>,
  ): Promise<T[]> {
    const { db } = this;
    return db.transaction('r', db.ops, db.opPages, db.acks, db.peers, db.rosters, async () => {
      const roster = await db.rosters.orderBy('version').last();
      const peers = await db.peers.bulkGet(recipients.map((r) => r.stationId));
      const withZones = recipients.map((r, i) => {
        const station = roster?.network.stations.find((s) => s.id === r.stationId);
        if (!station) throw new DomainError('station.unknown');
        return { zoneId: station.zoneId, acks: r.acks ?? peers[i]?.acks ?? {} };
      });
      const ranges = lackedRanges(await db.acks.toArray(), withZones);
      return Promise.all(ranges.map((lacked) => read(db.ops.where('[origin+stream+seq]').between([lacked.origin, lacked.stream, lacked.after + 1], [lacked.origin, lacked.stream, Infinity], true, true), lacked)));
    });
  }

  /** For every other station heard from: when, and how far this station's own ops have reached it. */
  async staleness(): Promise<PeerStaleness[]> {
    const { db } = this;
    return db.transaction('r', [db.ops, db.acks, db.peers, db.rosters, db.settings, db.syncMeta], async () => {
      const ctx = await loadContext(db);
      const [peers, mine] = await Promise.all([db.peers.toArray(), db.acks.where('[origin+stream]').between([ctx.stationId, ''], [ctx.stationId, '\uffff']).toArray()]);
      return Promise.all(
        peers.map(async (peer): Promise<PeerStaleness> => {
          const zone = ctx.zones[peer.stationId];
          const behind = mine
            .filter((a) => zone !== undefined && zoneSees(a.stream, zone))
            .map((a) => ({ stream: a.stream, acked: peer.acks[`${a.origin}|${a.stream}`] ?? 0, last: a.seq }))
            .filter((s) => s.acked < s.last);
          const reached = await db.ops.bulkGet(behind.map((s): OpPrimaryKey => [ctx.stationId, s.stream, s.acked]));
          const instants = reached.map((op) => (op ? hlcInstant(op.hlc) : null));
          const reachedUpTo = instants.includes(null) ? null : ((instants as string[]).sort()[0] ?? null);
          return { stationId: peer.stationId, lastHeardAt: peer.heardAt, upToDate: behind.length === 0, reachedUpTo };
        }),
      );
    });
  }

  /** Open field conflicts, with both values, who and when: for the conflicts screen. */
  async conflicts(): Promise<FieldConflict[]> {
    const states = await this.db.rowStates.where('flags').equals('conflict').toArray();
    return states.flatMap((s) => s.conflicts);
  }

  /** Stored ops that have no effect because their writer lacks authority (or is unknown). */
  async rejectedOps(): Promise<Array<{ op: Op; reason: RejectReason }>> {
    const states = await this.db.rowStates.where('flags').equals('rejected').toArray();
    const rejections = states.flatMap((s) => s.rejected);
    const ops = await this.db.ops.bulkGet(rejections.map((r) => keyOf(r.key)));
    return rejections.map((r, i) => ({ op: ops[i]!, reason: r.reason }));
  }

  /** Stored ops for tables or fields this version does not know yet: merged after an upgrade. */
  async deferredOps(): Promise<Op[]> {
    const states = await this.db.rowStates.where('flags').equals('deferred').toArray();
    const ops = await this.db.ops.bulkGet(states.flatMap((s) => s.deferred).map(keyOf));
    return ops.map((op) => op!);
  }
}
