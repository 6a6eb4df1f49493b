import { describe, expect, it } from 'vitest';
import { concat, concatAll } from '../../../renderer/sync/crypto/bytes';

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
