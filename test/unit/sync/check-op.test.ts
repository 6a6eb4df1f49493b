import { describe, expect, it } from 'vitest';
import { checkOp, isCheckedOp, opHash, valueMatchesHash } from '../../../renderer/sync/op';
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
});
