import { describe, expect, it } from 'vitest';
import { aheadBy, planArrivals, withHash } from '../../../renderer/sync/arrivals';
import { MAX_DRIFT_MS } from '../../../renderer/sync/hlc';
import { opHash, opKey } from '../../../renderer/sync/op';
import { makeOp, T } from './make-op';

describe('planArrivals (clock safety, duplicates, forks)', () => {
  const now = T;
  const ok = withHash(makeOp({ origin: 'a', field: 'title', value: 'x', seq: 1 }));
  const ahead = withHash(makeOp({ origin: 'a', field: 'title', value: 'y', seq: 2, ms: MAX_DRIFT_MS + 1 }));
  const edge = withHash(makeOp({ origin: 'b', field: 'title', value: 'z', seq: 1, ms: MAX_DRIFT_MS }));

  it('accepts ops up to the drift bound ahead and holds back the rest', () => {
    const plan = planArrivals({ incoming: [ok, ahead, edge], stored: new Map(), held: [], now });
    expect(plan.accept).toEqual([ok, edge]);
    expect(plan.hold).toEqual([ahead]);
    expect(plan).toMatchObject({ unheld: [], duplicates: 0, forks: [] });
    expect(aheadBy(ahead, now)).toBe(MAX_DRIFT_MS + 1);
    expect(aheadBy(ok, now)).toBe(0);
  });

  it('retries held ops on every call and accepts them once local time has caught up', () => {
    expect(planArrivals({ incoming: [], stored: new Map(), held: [ahead], now }).accept).toEqual([]);
    const later = planArrivals({ incoming: [], stored: new Map(), held: [ahead], now: now + 1 });
    expect(later.accept).toEqual([ahead]);
    expect(later.unheld).toEqual([opKey(ahead)]);
  });

  it('skips what is already here, stored or held, and counts it', () => {
    const plan = planArrivals({ incoming: [ok, ok, ahead], stored: new Map([[opKey(ok), ok.hash]]), held: [ahead], now });
    expect(plan).toMatchObject({ accept: [], hold: [], duplicates: 3 });
  });

  it('refuses the same (origin, stream, seq) with another content: a restored backup', () => {
    const twin = withHash(makeOp({ origin: 'a', field: 'title', value: 'other', seq: 1 }));
    const plan = planArrivals({ incoming: [twin], stored: new Map([[opKey(ok), ok.hash]]), held: [], now });
    expect(plan.accept).toEqual([]);
    expect(plan.forks).toEqual([{ key: opKey(ok), origin: 'a', stream: 'net', seq: 1, knownHash: ok.hash, incomingHash: opHash(twin) }]);
    const againstHeld = planArrivals({ incoming: [withHash({ ...ahead, field: 'note' })], stored: new Map(), held: [ahead], now });
    expect(againstHeld.forks).toHaveLength(1);
    const withinBatch = planArrivals({ incoming: [ok, twin], stored: new Map(), held: [], now });
    expect(withinBatch.accept).toEqual([ok]);
    expect(withinBatch.forks).toHaveLength(1);
  });
});
