import type { HashedOp } from '../arrivals';
import { opJson } from '../op';
import { RECORD, RecordWriter } from './records';

/** What an export's summary needs of an op: the kind of change it is. */
export interface OpKind {
  table: string;
  field: string;
  erased: boolean;
}

/**
 * A run of one station's own ops of one stream, kept as the op records a bundle carries
 * (decision 0058): an export copies these bytes instead of reading and encoding one IndexedDB
 * record per op. Besides the bytes, per op what an export needs: its seq, its hash and its kind.
 * Kept in a few typed arrays and strings, which IndexedDB stores and reads back as a whole. The
 * ops themselves stay in the ops store; a page is derived from them and rewritten when one changes.
 */
export interface OpPage {
  origin: string;
  stream: string;
  /** The lowest and the highest seq. */
  first: number;
  last: number;
  /** Each op's seq, ascending. */
  seqs: Float64Array<ArrayBuffer>;
  /** The op records, one after the other. */
  records: Uint8Array<ArrayBuffer>;
  /** Where each op's record ends in `records`. */
  ends: Uint32Array<ArrayBuffer>;
  /** The ops' hashes as stored when made, hex, one after the other (64 characters each). */
  hashes: string;
  /** The kinds of op in the page, each once. */
  kinds: OpKind[];
  /** Each op's kind: an index into `kinds`. */
  kindOf: Uint16Array<ArrayBuffer>;
}

const HASH_CHARS = 64;
const kindKey = (k: OpKind) => `${k.table}\u0000${k.field}\u0000${k.erased ? 1 : 0}`;

/** A page's kinds, each kept once: `indexOf` adds a kind the first time it is asked for. */
function kindList(): { kinds: OpKind[]; indexOf: (kind: OpKind) => number } {
  const kinds: OpKind[] = [];
  const index = new Map<string, number>();
  return {
    kinds,
    indexOf(kind) {
      const key = kindKey(kind);
      let at = index.get(key);
      if (at === undefined) {
        at = kinds.push(kind) - 1;
        index.set(key, at);
      }
      return at;
    },
  };
}

/** The page's ops count. */
export const pageSize = (page: OpPage): number => page.seqs.length;

/** The hex hash of the page's op at `i`. */
export const pageHash = (page: OpPage, i: number): string => page.hashes.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS);

/** The page of some ops of one origin and stream, in ascending seq. */
export function pageOf(ops: readonly HashedOp[]): OpPage {
  const [head] = ops;
  if (!head) throw new RangeError('pageOf: no ops');
  const writer = new RecordWriter(ops.length * 512);
  const seqs = new Float64Array(ops.length);
  const ends = new Uint32Array(ops.length);
  const kindOf = new Uint16Array(ops.length);
  const { kinds, indexOf } = kindList();
  let hashes = '';
  let previous = -Infinity;
  ops.forEach((op, i) => {
    if (op.origin !== head.origin || op.stream !== head.stream) throw new TypeError('pageOf: ops of one origin and stream');
    if (op.seq <= previous) throw new RangeError('pageOf: seqs must ascend');
    if (op.hash.length !== HASH_CHARS) throw new TypeError('pageOf: an op hash is 32 bytes hex');
    previous = op.seq;
    writer.add(RECORD.op, opJson(op));
    seqs[i] = op.seq;
    ends[i] = writer.size;
    hashes += op.hash;
    kindOf[i] = indexOf({ table: op.table, field: op.field, erased: op.erased === true });
  });
  return { origin: head.origin, stream: head.stream, first: head.seq, last: previous, seqs, records: writer.written(), ends, hashes, kinds, kindOf };
}

/** The page's ops from index `from` on, as a page of their own (sharing the record bytes). */
function tail(page: OpPage, from: number): OpPage {
  const start = from === 0 ? 0 : page.ends[from - 1]!;
  return {
    ...page,
    first: page.seqs[from]!,
    seqs: page.seqs.subarray(from),
    records: page.records.subarray(start),
    ends: page.ends.subarray(from).map((end) => end - start),
    hashes: page.hashes.slice(from * HASH_CHARS),
    kindOf: page.kindOf.subarray(from),
  };
}

/** The page's ops with a seq above `after`, or null when it has none. */
export function pageAfter(page: OpPage, after: number): OpPage | null {
  if (page.last <= after) return null;
  if (page.first > after) return page;
  return tail(page, page.seqs.findIndex((seq) => seq > after));
}

/** Every op's record, hash and kind, to build a page again from parts of others. */
function* parts(page: OpPage): Generator<{ record: Uint8Array; seq: number; hash: string; kind: OpKind }> {
  for (let i = 0; i < pageSize(page); i++) {
    yield { record: page.records.subarray(i === 0 ? 0 : page.ends[i - 1]!, page.ends[i]!), seq: page.seqs[i]!, hash: pageHash(page, i), kind: page.kinds[page.kindOf[i]!]! };
  }
}

/** A page of ops given as their records, in ascending seq. */
function assemble(origin: string, stream: string, entries: ReadonlyArray<{ record: Uint8Array; seq: number; hash: string; kind: OpKind }>): OpPage {
  const writer = new RecordWriter(entries.reduce((n, e) => n + e.record.length, 0) || 1);
  const page: OpPage = {
    origin,
    stream,
    first: entries[0]!.seq,
    last: entries[entries.length - 1]!.seq,
    seqs: new Float64Array(entries.length),
    records: new Uint8Array(0),
    ends: new Uint32Array(entries.length),
    hashes: '',
    kinds: [],
    kindOf: new Uint16Array(entries.length),
  };
  const { kinds, indexOf } = kindList();
  page.kinds = kinds;
  entries.forEach((e, i) => {
    writer.addEncoded(e.record, 1);
    page.seqs[i] = e.seq;
    page.ends[i] = writer.size;
    page.hashes += e.hash;
    page.kindOf[i] = indexOf(e.kind);
  });
  page.records = writer.written();
  return page;
}

/** The page with more ops after its last one. */
export function appendToPage(page: OpPage, ops: readonly HashedOp[]): OpPage {
  if (ops.length === 0) return page;
  const added = pageOf(ops);
  if (added.origin !== page.origin || added.stream !== page.stream || added.first <= page.last) throw new RangeError('appendToPage: ops must follow the page in its stream');
  return assemble(page.origin, page.stream, [...parts(page), ...parts(added)]);
}

/**
 * The page with some of its ops changed (erased): their records encoded again, the others kept
 * as they are. Ops the page does not hold are an error: the caller found the page by them.
 */
export function replaceInPage(page: OpPage, ops: readonly HashedOp[]): OpPage {
  const bySeq = new Map(ops.map((op) => [op.seq, op]));
  const entries = [...parts(page)].map((entry) => {
    const op = bySeq.get(entry.seq);
    if (!op) return entry;
    if (op.origin !== page.origin || op.stream !== page.stream || op.hash !== entry.hash) throw new TypeError(`replaceInPage: op ${entry.seq} is not the page's`);
    bySeq.delete(entry.seq);
    const [part] = parts(pageOf([op]));
    return part!;
  });
  if (bySeq.size) throw new RangeError(`replaceInPage: the page does not hold seq ${[...bySeq.keys()].join(', ')}`);
  return assemble(page.origin, page.stream, entries);
}
