import { describe, expect, it } from 'vitest';
import { checkedValueChars, checkOp, checkOps, eraseOpValue, fromStore, isCheckedOp, opHash, valueMatchesHash } from '../../../renderer/sync/op';
import { MAX_VALUE_CHARS, validateOp } from '../../../renderer/sync/validate';
import { canonicalJson } from '../../../renderer/sync/canonical';
import { makeOp } from './make-op';

const ORIGIN = '019cad8f-0000-7000-8000-0000000000a1';

describe('checkOp: hash once, then trust only what cannot change', () => {
  it('returns the op hash, freezes the op and its value, and remembers it', () => {
    const op = makeOp({ origin: ORIGIN, field: 'title', value: { name: 'Drone 3', tags: ['nacht'] } });
    const hash = checkOp(op);
    expect(hash).toBe(opHash({ ...op }));
    expect(isCheckedOp(op)).toBe(true);
    expect(Object.isFrozen(op)).toBe(true);
    expect(Object.isFrozen(op.value)).toBe(true);
    expect(() => {
      (op as { value: unknown }).value = 'changed';
    }).toThrow(TypeError);
    expect(validateOp(op)).toBe(op);
  });

  it('neither freezes nor remembers an op whose value does not match its hash', () => {
    const op = { ...makeOp({ origin: ORIGIN, field: 'title', value: 'Drone 3' }), value: 'Drone 4' };
    expect(checkOp(op)).toBeNull();
    expect(isCheckedOp(op)).toBe(false);
    expect(Object.isFrozen(op)).toBe(false);
    expect(valueMatchesHash(op)).toBe(false);
  });

  it('does not extend the trust to a copy: a tampered copy of a checked op is refused', () => {
    const op = makeOp({ origin: ORIGIN, field: 'title', value: 'Drone 3' });
    checkOp(op);
    const copy = { ...op, value: 'Drone 4' };
    expect(isCheckedOp(copy)).toBe(false);
    expect(() => validateOp(copy)).toThrow();
  });

  it('takes ops back from the store: frozen, hashed once by header (WebCrypto), their values trusted as stored', async () => {
    const ops = Array.from({ length: 3000 }, (_, i) => makeOp({ origin: ORIGIN, field: 'title', value: { name: `Drone ${i}` }, seq: i + 1 }));
    const expected = ops.map((op) => opHash(op));
    // A stored value is not hashed again: the store holds nothing unchecked.
    const trusted = { ...ops[1]!, value: 'changed after hashing' };
    const taken = await fromStore([ops[0]!, trusted, ...ops.slice(2)]);
    expect(taken).toHaveLength(ops.length);
    expect(Object.isFrozen(taken[0]) && Object.isFrozen(taken[0]!.value)).toBe(true);
    expect(taken.every((op) => isCheckedOp(op))).toBe(true);
    expect(taken.map((op) => opHash(op))).toEqual(expected);
    expect(valueMatchesHash(taken[1]!)).toBe(true);
  });

  it('checkOps (WebCrypto, many at once) agrees with checkOp: hashes, refusals, erased ops, memory', async () => {
    const good = Array.from({ length: 3000 }, (_, i) => makeOp({ origin: ORIGIN, field: 'title', value: { name: `Drone ${i}`, n: i }, seq: i + 1 }));
    const bad = { ...makeOp({ origin: ORIGIN, field: 'title', value: 'Drone 3', seq: 9001 }), value: 'Drone 4' };
    const badSalt = { ...makeOp({ origin: ORIGIN, field: 'title', value: 'x', seq: 9002 }), salt: 'XYZ' };
    const erased = eraseOpValue(makeOp({ origin: ORIGIN, field: 'contact', value: 'gsm 0470', seq: 9003 }));
    const erasedWithValue = { ...erased, value: 'still here' };
    const ops = [...good, bad, badSalt, erased, erasedWithValue];
    const expected = ops.map((op) => (valueMatchesHash({ ...op }) ? opHash({ ...op }) : null));
    const hashes = await checkOps(ops);
    expect(hashes).toEqual(expected);
    expect(hashes.slice(-4)).toEqual([null, null, opHash({ ...erased }), null]);
    expect(ops.map(isCheckedOp)).toEqual(expected.map((h) => h !== null));
    expect(Object.isFrozen(good[0]!.value)).toBe(true);
    expect(validateOp(good[2999]!)).toBe(good[2999]);
  });

  it('checkOps measures the value for the size rule: a checked op too large is still refused', async () => {
    const small = makeOp({ origin: ORIGIN, field: 'title', value: { name: 'Drone 3', tags: ['nacht', 'é'] } });
    const large = makeOp({ origin: ORIGIN, field: 'title', value: 'x'.repeat(MAX_VALUE_CHARS), seq: 2 });
    await checkOps([small, large]);
    expect(checkedValueChars(small)).toBe(canonicalJson(small.value).length);
    expect(validateOp(small)).toBe(small);
    expect(isCheckedOp(large)).toBe(true);
    expect(() => validateOp(large)).toThrow('value too large');
  });
});
