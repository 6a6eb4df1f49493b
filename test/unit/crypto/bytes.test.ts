import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat, concatAll, fromHex, fromHexList, toHex } from '../../../renderer/sync/crypto/bytes';

describe('concat', () => {
  it('joins byte arrays in order', () => {
    expect([...concat(new Uint8Array([1, 2]), new Uint8Array([]), new Uint8Array([3]))]).toEqual([1, 2, 3]);
  });

  it('joins a list longer than any call stack takes as arguments (100k ops in a Worker)', () => {
    const parts = Array.from({ length: 1_000_000 }, (_, i) => new Uint8Array([i % 256]));
    const joined = concatAll(parts);
    expect(joined.length).toBe(1_000_000);
    expect(joined[999_999]).toBe(999_999 % 256);
  });
});

describe('fromHexList', () => {
  it('decodes many values into one buffer, the same bytes as fromHex of each in turn', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 32, maxLength: 32 }), { maxLength: 50 }), (values) => {
        const hexes = values.map((v) => toHex(v));
        expect(fromHexList(hexes, 32)).toEqual(concatAll(hexes.map(fromHex)));
      }),
    );
  });

  it('refuses a value of another length, upper case and non-hex digits', () => {
    const good = 'ab'.repeat(32);
    expect(() => fromHexList([good, 'ab'.repeat(31)], 32)).toThrow(TypeError);
    expect(() => fromHexList(['AB'.repeat(32)], 32)).toThrow(TypeError);
    expect(() => fromHexList([`${'ab'.repeat(31)}g0`], 32)).toThrow(TypeError);
    expect(() => fromHexList([`${'ab'.repeat(31)}\u00e90`], 32)).toThrow(TypeError);
  });
});
