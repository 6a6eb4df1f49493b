import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from '../../../renderer/sync/canonical';
import { headerJson, opJson, type Op } from '../../../renderer/sync/op';

const json: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as Json);
const text = fc.string({ unit: 'binary', maxLength: 40 });

const anyOp: fc.Arbitrary<Op> = fc
  .record({
    origin: text,
    stream: text,
    seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
    hlc: text,
    prev: fc.option(text, { nil: null }),
    author: text,
    table: text,
    rowId: text,
    field: text,
    value: json,
    salt: text,
    valueHash: text,
    erased: fc.option(fc.constant(true as const), { nil: undefined }),
  })
  .map(({ erased, ...op }) => (erased ? { ...op, erased } : op));

describe('the op encoders written field by field agree with canonicalJson', () => {
  it('opJson(op) is canonicalJson(op), erased or not, any strings and values', () => {
    fc.assert(
      fc.property(anyOp, (op) => {
        expect(opJson(op)).toBe(canonicalJson(op));
      }),
      { numRuns: 2000 },
    );
  });

  it('headerJson(op) is canonicalJson of the op without value, salt and erased', () => {
    fc.assert(
      fc.property(anyOp, (op) => {
        const { value: _value, salt: _salt, erased: _erased, ...header } = op;
        expect(headerJson(op)).toBe(canonicalJson(header));
        expect(headerJson(header)).toBe(canonicalJson(header));
      }),
      { numRuns: 2000 },
    );
  });
});
