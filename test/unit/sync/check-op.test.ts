import { describe, expect, it } from 'vitest';
import { checkOp, fromStore, isCheckedOp, opHash, valueMatchesHash } from '../../../renderer/sync/op';
import { validateOp } from '../../../renderer/sync/validate';
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

  it('takes an op back from the store with its stored hash: frozen, without the hash field, not hashed again', () => {
    const op = makeOp({ origin: ORIGIN, field: 'title', value: { name: 'Drone 3' } });
    const hash = opHash(op);
    const taken = fromStore({ ...op, hash });
    expect(taken).toEqual(op);
    expect('hash' in taken).toBe(false);
    expect(Object.isFrozen(taken) && Object.isFrozen(taken.value)).toBe(true);
    expect(isCheckedOp(taken)).toBe(true);
    expect(opHash(taken)).toBe(hash);
    // The stored hash is what opHash answers: the store is trusted, nothing recomputes it.
    expect(opHash(fromStore({ ...op, hash: 'ff'.repeat(32) }))).toBe('ff'.repeat(32));
  });
});
