import type { HashedOp } from '../arrivals';
import { opJson } from '../op';
import { RECORD, RecordWriter } from './records';

/**
 * A run of one station's own ops of one stream, kept as the op records a bundle carries
 * (decision 0058): an export copies these bytes instead of reading and encoding one IndexedDB
 * record per op. Besides the bytes, what an export's summary needs of each op. The ops
 * themselves stay in the ops store; a page is derived from them and rewritten when one changes.
 */
export interface OpPage {
  origin: string;
  stream: string;
  /** The lowest and the highest seq; `seqs` ascend. */
  first: number;
  last: number;
  seqs: number[];
  /** The op records, one after the other. */
  records: Uint8Array;
  /** Where each op's record ends in `records`. */
  ends: number[];
  /** Each op's hash (hex), as stored with it. */
  hashes: string[];
  tables: string[];
  fields: string[];
  /** Whether each op's value is erased. */
  erased: boolean[];
}

/** The page of some ops of one origin and stream, in ascending seq. */
export function pageOf(ops: readonly HashedOp[]): OpPage {
  const [head] = ops;
  if (!head) throw new RangeError('pageOf: no ops');
  const writer = new RecordWriter(ops.length * 512);
  const page: OpPage = { origin: head.origin, stream: head.stream, first: head.seq, last: head.seq, seqs: [], records: new Uint8Array(0), ends: [], hashes: [], tables: [], fields: [], erased: [] };
  let previous = -Infinity;
  for (const op of ops) {
    if (op.origin !== head.origin || op.stream !== head.stream) throw new TypeError('pageOf: ops of one origin and stream');
    if (op.seq <= previous) throw new RangeError('pageOf: seqs must ascend');
    previous = op.seq;
    writer.add(RECORD.op, opJson(op));
    page.last = op.seq;
    page.seqs.push(op.seq);
    page.ends.push(writer.size);
    page.hashes.push(op.hash);
    page.tables.push(op.table);
    page.fields.push(op.field);
    page.erased.push(op.erased === true);
  }
  page.records = writer.written();
  return page;
}

/** The page's ops from index `from` on, as a page of their own (sharing the bytes). */
function tail(page: OpPage, from: number): OpPage {
  const start = from === 0 ? 0 : page.ends[from - 1]!;
  return {
    origin: page.origin,
    stream: page.stream,
    first: page.seqs[from]!,
    last: page.last,
    seqs: page.seqs.slice(from),
    records: page.records.subarray(start),
    ends: page.ends.slice(from).map((end) => end - start),
    hashes: page.hashes.slice(from),
    tables: page.tables.slice(from),
    fields: page.fields.slice(from),
    erased: page.erased.slice(from),
  };
}

/** The page's ops with a seq above `after`, or null when it has none. */
export function pageAfter(page: OpPage, after: number): OpPage | null {
  if (page.last <= after) return null;
  if (page.first > after) return page;
  return tail(page, page.seqs.findIndex((seq) => seq > after));
}

/** The page with more ops after its last one. */
export function appendToPage(page: OpPage, ops: readonly HashedOp[]): OpPage {
  if (ops.length === 0) return page;
  const added = pageOf(ops);
  if (added.origin !== page.origin || added.stream !== page.stream || added.first <= page.last) throw new RangeError('appendToPage: ops must follow the page in its stream');
  const records = new Uint8Array(page.records.length + added.records.length);
  records.set(page.records);
  records.set(added.records, page.records.length);
  const shift = page.records.length;
  return {
    ...page,
    last: added.last,
    seqs: [...page.seqs, ...added.seqs],
    records,
    ends: [...page.ends, ...added.ends.map((end) => end + shift)],
    hashes: [...page.hashes, ...added.hashes],
    tables: [...page.tables, ...added.tables],
    fields: [...page.fields, ...added.fields],
    erased: [...page.erased, ...added.erased],
  };
}

/**
 * The page with some of its ops changed (erased): their records encoded again, the others kept
 * as they are. Ops the page does not hold are an error: the caller found the page by them.
 */
export function replaceInPage(page: OpPage, ops: readonly HashedOp[]): OpPage {
  const bySeq = new Map(ops.map((op) => [op.seq, op]));
  const writer = new RecordWriter(page.records.length + ops.length * 512);
  const next: OpPage = { ...page, ends: [], erased: [...page.erased] };
  page.seqs.forEach((seq, i) => {
    const op = bySeq.get(seq);
    if (op) {
      if (op.origin !== page.origin || op.stream !== page.stream || op.hash !== page.hashes[i]) throw new TypeError(`replaceInPage: op ${seq} is not the page's`);
      writer.add(RECORD.op, opJson(op));
      next.erased[i] = op.erased === true;
      bySeq.delete(seq);
    } else {
      writer.addEncoded(page.records.subarray(i === 0 ? 0 : page.ends[i - 1]!, page.ends[i]!), 1);
    }
    next.ends.push(writer.size);
  });
  if (bySeq.size) throw new RangeError(`replaceInPage: the page does not hold seq ${[...bySeq.keys()].join(', ')}`);
  next.records = writer.written();
  return next;
}
