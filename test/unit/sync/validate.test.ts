import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../renderer/sync/hlc';
import { eraseOpValue } from '../../../renderer/sync/op';
import { MAX_VALUE_CHARS, validateOp } from '../../../renderer/sync/validate';
import { makeOp, T } from './make-op';

describe('validateOp', () => {
  const op = makeOp({ origin: 'st1', field: 'title', value: { a: [1, 'b'] } });

  it('returns a clean copy of a valid op, erased ones included', () => {
    expect(validateOp({ ...op })).toEqual(op);
    expect(validateOp(eraseOpValue(op))).toEqual(eraseOpValue(op));
  });

  it.each([
    ['not an object', null],
    ['extra field', { ...op, extra: 1 }],
    ['bad stream', { ...op, stream: 'zones:a+b' }],
    ['unsorted loan', { ...op, stream: 'loan:b+a' }],
    ['hlc of another station', { ...op, hlc: formatHlc({ wall: T, counter: 0, station: 'st2' }) }],
    ['prev not before hlc', { ...op, prev: op.hlc }],
    ['bad table', { ...op, table: 'Drop table' }],
    ['bad row id', { ...op, rowId: 'row-1' }],
    ['tampered value', { ...op, value: 'other' }],
    ['value too large', makeOp({ origin: 'st1', field: 'title', value: 'x'.repeat(MAX_VALUE_CHARS) })],
    ['erased flag with a value', { ...op, erased: true }],
  ])('refuses an op with %s', (_what, input) => {
    expect(() => validateOp(input)).toThrow(RangeError);
  });
});
