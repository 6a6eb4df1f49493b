import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withHash, type HashedOp } from '../../../renderer/sync/arrivals';
import { appendToPage, pageAfter, pageOf, replaceInPage, type OpPage } from '../../../renderer/sync/bundle/op-page';
import { pageEntries } from './page-entries';
import { RECORD } from '../../../renderer/sync/bundle/records';
import { fromUtf8, readU32 } from '../../../renderer/sync/crypto/bytes';
import { eraseOpValue, opJson } from '../../../renderer/sync/op';
import { makeOps } from './fixtures';

const ORIGIN = '019c1c38-a40f-7f0f-8f0f-0f0f0f0f0f0f';
const hashed = (count: number, from = 1, stream = 'net'): HashedOp[] => makeOps(ORIGIN, stream, count, from).map(withHash);
const erasedCopy = (op: HashedOp): HashedOp => ({ ...(eraseOpValue(op) as HashedOp), hash: op.hash });

/** The page's records read back as JSON, checking each record's head and end. */
function recordsOf(page: OpPage): string[] {
  const out: string[] = [];
  for (let at = 0; at < page.records.length; ) {
    expect(page.records[at]).toBe(RECORD.op);
    const length = readU32(page.records, at + 1);
    out.push(fromUtf8(page.records.subarray(at + 5, at + 5 + length)));
    at += 5 + length;
    expect(page.ends[out.length - 1]).toBe(at);
  }
  expect(out).toHaveLength(page.seqs.length);
  return out;
}

/** A page compared by what it says: its records, and each op's seq, hash and kind. */
const meaning = (page: OpPage) => ({ origin: page.origin, stream: page.stream, first: page.first, last: page.last, records: recordsOf(page), entries: pageEntries(page) });

describe('op pages: own ops as the op records a bundle carries (decision 0058)', () => {
  it('holds each op as its record (opJson), with its seq, hash and kind (table, field, erased)', () => {
    const ops = hashed(5, 3);
    ops[2] = erasedCopy(ops[2]!);
    const page = pageOf(ops);
    expect(recordsOf(page)).toEqual(ops.map(({ hash: _hash, ...op }) => opJson(op)));
    expect(page).toMatchObject({ origin: ORIGIN, stream: 'net', first: 3, last: 7 });
    expect(pageEntries(page)).toEqual(ops.map((op) => ({ seq: op.seq, hash: op.hash, table: 'assets', field: 'name', erased: op.erased === true })));
    expect(page.kinds).toEqual([
      { table: 'assets', field: 'name', erased: false },
      { table: 'assets', field: 'name', erased: true },
    ]);
  });

  it('refuses no ops, ops of two streams, seqs out of order and a malformed hash', () => {
    expect(() => pageOf([])).toThrow(RangeError);
    expect(() => pageOf([...hashed(2), ...hashed(1, 3, 'zone:x')])).toThrow(TypeError);
    expect(() => pageOf([...hashed(2, 5), ...hashed(1, 5)])).toThrow(RangeError);
    expect(() => pageOf(hashed(3).reverse())).toThrow(RangeError);
    expect(() => pageOf([{ ...hashed(1)[0]!, hash: 'abc' }])).toThrow(TypeError);
  });

  it('appended pages, and the part after any seq, are the page of those ops', () => {
    const ops = hashed(40, 10).map((op, i) => (i % 7 === 3 ? erasedCopy(op) : op));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 39 }), { maxLength: 5 }), fc.integer({ min: 0, max: 60 }), (cuts, after) => {
        const bounds = [0, ...new Set(cuts.sort((a, b) => a - b)), ops.length];
        let page = pageOf(ops.slice(0, bounds[1]));
        for (let i = 1; i < bounds.length - 1; i++) page = appendToPage(page, ops.slice(bounds[i], bounds[i + 1]));
        expect(meaning(page)).toEqual(meaning(pageOf(ops)));
        const rest = ops.filter((op) => op.seq > after);
        const tail = pageAfter(page, after);
        expect(tail && meaning(tail)).toEqual(rest.length ? meaning(pageOf(rest)) : null);
      }),
      { numRuns: 200 },
    );
  });

  it('appends only ops that follow the page in its stream', () => {
    const page = pageOf(hashed(3));
    expect(appendToPage(page, [])).toBe(page);
    expect(() => appendToPage(page, hashed(1, 3))).toThrow(RangeError);
    expect(() => appendToPage(page, hashed(1, 4, 'zone:x'))).toThrow(RangeError);
  });

  it('an erased op is encoded again, the other records kept as they were', () => {
    const ops = hashed(6);
    const erased = [1, 4].map((i) => erasedCopy(ops[i]!));
    const expected = ops.map((op, i) => (i === 1 ? erased[0]! : i === 4 ? erased[1]! : op));
    expect(meaning(replaceInPage(pageOf(ops), erased))).toEqual(meaning(pageOf(expected)));
  });

  it('replaces only ops the page holds, as they were hashed', () => {
    const page = pageOf(hashed(3));
    expect(() => replaceInPage(page, hashed(1, 9))).toThrow(RangeError);
    const other = { ...hashed(1, 2)[0]!, hash: 'ff'.repeat(32) };
    expect(() => replaceInPage(page, [other])).toThrow(TypeError);
  });
});
